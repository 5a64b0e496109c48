"""The web explorer's application: routes, security headers, bounds and error pages.

``create_app()`` builds a FastAPI application with the HTML pages
(:mod:`korelect.web.pages`), the JSON API under ``/api``
(:mod:`korelect.web.api`), the static stylesheet, and one ASGI layer that
puts the security headers on every response (errors included), answers HEAD, refuses
over-long paths, over-long or over-numerous query parameters, a query parameter given
twice (a route would otherwise take the last one silently), too many or too large
headers and any request body (no route reads one), and turns anything unexpected
into a plain 500 page rather than a traceback.

>>> paths = create_app().openapi()["paths"]
>>> sorted(p for p in paths if p.startswith("/api/elections/{year}"))[:2]
['/api/elections/{year}', '/api/elections/{year}/allocation']
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from korelect.base.version import __version__
from korelect.errors import KorelectError, ServerBusyError, UnknownElectionError, UnknownNameError
from korelect.web._render import render

__all__ = [
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "MAX_PARAMS",
    "MAX_PATH",
    "MAX_QUERY",
    "SECURITY_HEADERS",
    "create_app",
]

MAX_QUERY = 4096
"""Longest query string accepted (bytes)."""
MAX_PATH = 1024
"""Longest path accepted (bytes)."""
MAX_PARAMS = 64
"""Most query parameters accepted."""
MAX_HEADERS = 100
"""Most request headers accepted."""
MAX_HEADER_BYTES = 16 * 1024
"""Most bytes of request headers (names and values) accepted."""

CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_STATIC = {
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
    "whatif.js": "text/javascript; charset=utf-8",
}


def _is_api(path: str) -> bool:
    return path == "/api" or path.startswith(("/api/", "/openapi.json"))


def error_response(path: str, status: int, message: str, *, close: bool = False) -> Response:
    """A JSON error under /api, an HTML error page elsewhere (``close``: and the connection)."""
    headers = {"connection": "close"} if close else None
    if _is_api(path):
        return JSONResponse(
            {"detail": message, "status": status}, status_code=status, headers=headers
        )
    title = {
        400: "Bad request",
        404: "Not found",
        413: "No request body here",
        414: "Address too long",
        431: "Headers too large",
        503: "Busy",
    }.get(status, "Error")
    page = render("error.html", title=title, status=status, message=message)
    return HTMLResponse(page, status_code=status, headers=headers)


def _problem(scope: Scope) -> tuple[int, str, bool] | None:
    """What is out of bounds in a request's line or headers: (status, message, close), or None."""
    path: str = scope.get("path", "")
    query: bytes = scope.get("query_string", b"")
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    if len(headers) > MAX_HEADERS:
        return 431, f"more than {MAX_HEADERS} request headers", True
    if sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
        return 431, f"the request headers are longer than {MAX_HEADER_BYTES} bytes", True
    body = any(
        k == b"transfer-encoding" or (k == b"content-length" and v.strip() != b"0")
        for k, v in headers
    )
    if body:  # no route reads a body: refuse it, and close rather than read it
        return 413, "a request body is not accepted here", True
    if len(path.encode()) > MAX_PATH:
        return 414, f"the path is longer than {MAX_PATH} bytes", False
    if len(query) > MAX_QUERY:
        return 414, f"the query string is longer than {MAX_QUERY} bytes", False
    params = parse_qsl(query.decode("latin-1"), keep_blank_values=True)  # as Starlette reads it
    if len(params) > MAX_PARAMS:
        return 400, f"more than {MAX_PARAMS} query parameters", False
    seen: set[str] = set()
    for name, _ in params:  # a route would silently take the last: say so instead
        if name in seen:
            shown = name if len(name) <= 40 else name[:40] + "…"
            return 400, f"parameter {shown!r} given twice", False
        seen.add(name)
    return None


class _Guard:
    """Security headers on every response; bounds on the request line; no tracebacks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        head = scope.get("method") == "HEAD"
        if head:  # HEAD is GET without the body (FastAPI routes answer GET only)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name for name, _ in SECURITY_HEADERS}
                ]
                message["headers"] = [*headers, *SECURITY_HEADERS]
            await send(message)

        path: str = scope.get("path", "")
        problem = _problem(scope)
        if problem is not None:
            status, message, close = problem
            response = error_response(path, status, message, close=close)
            await response(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            response = error_response(path, 500, "internal error: the request could not be served")
            await response(scope, receive, send_with_headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app() -> FastAPI:
    """The web explorer: HTML pages, the JSON API under /api and its OpenAPI description."""
    from korelect.web import api, pages  # noqa: PLC0415  (the routers import the app's helpers)

    app = FastAPI(
        title="korelect",
        version=__version__,
        description="South Korea's National Assembly elections 1948–2024 from the counts: "
        "results, districts, indices, what-if allocations and Monte Carlo simulation.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )

    @app.exception_handler(KorelectError)
    async def korelect_error(request: Request, exc: KorelectError) -> Response:
        status = 400
        if isinstance(exc, UnknownNameError | UnknownElectionError):
            status = 404
        elif isinstance(exc, ServerBusyError):
            status = 503
        return error_response(request.url.path, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request.url.path, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path[:200]!r}"
        return error_response(request.url.path, exc.status_code, message)

    # The static files are read once, here, by their fixed names: no request path reaches the disk.
    folder = resources.files(__package__).joinpath("static")
    files = {name: (folder.joinpath(name).read_bytes(), media) for name, media in _STATIC.items()}

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in files:
            return error_response("/static", 404, "no such static file")
        body, media = files[name]
        return Response(body, media_type=media, headers={"cache-control": "public, max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return static("favicon.svg")

    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_middleware(_Guard)
    return app
