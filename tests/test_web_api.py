"""The web explorer through FastAPI's TestClient: pages, the JSON API, headers, bounds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from korelect import cli
from korelect.web.app import MAX_PARAMS, MAX_QUERY, create_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


PAGES = [
    "/",
    "/elections/1988",
    "/elections/2004?q=%EC%A2%85%EB%A1%9C",
    "/elections/2016?party=saenuri",
    "/elections/2020/districts/%EC%A2%85%EB%A1%9C%EA%B5%AC",
    "/elections/2020/districts/" + quote("2020:seoul:종로구", safe=""),
    "/elections/2004/whatif",
    "/elections/2020/whatif?threshold=5%25&cap=none",
    "/elections/2020/whatif?rules=2004&threshold=&list_seats=&method=&cap=&ties=&v.justice=2697956",
    "/elections/2016/simulate",
    "/elections/2016/simulate?n=50&seed=3",
    "/docs",
    "/static/style.css",
]
API = [
    "/api/elections",
    "/api/elections/2004",
    "/api/elections/2004?by=province",
    "/api/elections/2004/allocation",
    "/api/elections/2004/districts?q=%EC%A2%85%EB%A1%9C",
    "/api/elections/2020/districts/%EC%A2%85%EB%A1%9C%EA%B5%AC",
    "/api/elections/2016/indices",
    "/api/elections/2020/indices?merge_satellites=true",
    "/api/elections/1996/audit",
    "/api/elections/2020/whatif?cap=none",
    "/api/elections/2012/simulate?n=40",
    "/openapi.json",
]


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert cli.main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("url", PAGES + API)
def test_every_page_and_endpoint_answers_with_security_headers(
    client: TestClient, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self';" in csp  # scripts only from the server's own static files
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    if url.startswith(("/api", "/openapi")):
        assert response.headers["content-type"].startswith("application/json")
    elif not url.startswith("/static"):
        assert response.headers["content-type"].startswith("text/html")
        for tag in re.findall(r"<script[^>]*>[^<]*</script>", response.text):
            assert re.fullmatch(r'<script src="/static/[a-z]+\.js" defer></script>', tag), tag
        assert response.text.count("<script") == len(re.findall("<script src=", response.text))
        assert ' style="' not in response.text


HISTORIC = (
    "1948",
    "1950",
    "1954",
    "1958",
    "1960",
    "1963",
    "1967",
    "1971",
    "1973",
    "1978",
    "1981",
    "1985",
)


@pytest.mark.parametrize("year", HISTORIC)
def test_every_page_of_the_elections_before_1988(client: TestClient, year: str) -> None:
    for url in (
        f"/elections/{year}",
        f"/elections/{year}/whatif",
        f"/elections/{year}/whatif?rules=2024",
        f"/elections/{year}/simulate?n=40",
        f"/api/elections/{year}?by=province",
        f"/api/elections/{year}/indices",
        f"/api/elections/{year}/audit",
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
    page = client.get(f"/elections/{year}").text
    assert f"{year}" in page
    if year in ("1973", "1978"):
        assert "Yujeonghoe" in page
        assert 'data-kind="appointed"' in page


@pytest.mark.parametrize("year", ["1948", "1973", "1988", "1996", "2004", "2020", "2024"])
def test_api_election_is_the_results_json(
    client: TestClient, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    assert client.get(f"/api/elections/{year}").json() == _cli_json(
        capsys, "results", year, "--json"
    )


def test_api_province_tables_and_district_and_indices_match_the_cli(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client.get("/api/elections/2008?by=province").json() == _cli_json(
        capsys, "results", "2008", "--by", "province", "--json"
    )
    assert client.get("/api/elections/2020/districts/종로구").json() == _cli_json(
        capsys, "district", "2020", "종로구", "--json"
    )
    assert client.get("/api/elections/2016/indices").json() == _cli_json(
        capsys, "indices", "2016", "--json"
    )


def test_audit_on_the_page_and_in_the_api_matches_the_cli(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    api = client.get("/api/elections/1996/audit").json()
    assert api == _cli_json(capsys, "audit", "1996", "--json")
    assert api["count"] == 37  # 14 within the data, 23 between the two crawls
    page = client.get("/elections/1996").text
    assert "What the sources disagree on" in page
    assert "37 contradictions between the sources" in page
    assert "1996:daegu:달서구갑" in page
    assert (
        "No contradictions found between the sources for 2008" in client.get("/elections/2008").text
    )


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in (
        "/api/elections",
        "/api/elections/{year}",
        "/api/elections/{year}/districts",
        "/api/elections/{year}/districts/{name}",
        "/api/elections/{year}/indices",
        "/api/elections/{year}/whatif",
        "/api/elections/{year}/simulate",
        "/api/elections/{year}/allocation",
        "/api/elections/{year}/audit",
    ):
        assert path in paths
    assert not any(p.startswith("/elections") for p in paths)  # pages are not the API
    params = {p["name"]: p for p in paths["/api/elections/{year}/simulate"]["get"]["parameters"]}
    assert params["n"]["schema"]["maximum"] == 2000
    docs = client.get("/docs").text
    assert "/api/elections/{year}/whatif" in docs


def test_index_has_every_election_with_a_hemicycle(client: TestClient) -> None:
    page = client.get("/").text
    for year in (1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024):
        assert f'href="/elections/{year}"' in page
    assert page.count("<svg") >= 10


def test_election_page_has_tables_map_districts_and_the_audit_trail(client: TestClient) -> None:
    page = client.get("/elections/2004").text
    assert page.count("<svg") >= 3  # hemicycle, bars, map (and party swatches)
    assert "National result" in page
    assert "Seats won" in page
    assert "List vote (%)" in page
    assert "Turnout" in page
    assert "Gallagher" in page
    assert "Step 1. Qualifying parties" in page
    assert "/elections/2004/districts/2004%3Aseoul%3A" in page
    assert page.count('class="districts"') == 1


def test_district_search_filters_and_links(client: TestClient) -> None:
    page = client.get("/elections/2020", params={"q": "종로"}).text
    assert "1 of 253 districts" in page
    assert "/elections/2020/districts/2020%3Aseoul%3A%EC%A2%85%EB%A1%9C%EA%B5%AC" in page
    rows = client.get("/api/elections/2020/districts", params={"q": "Seoul"}).json()["districts"]
    assert len(rows) == 49
    assert all(r["province"] == "seoul" for r in rows)


def test_district_page(client: TestClient) -> None:
    page = client.get("/elections/2020/districts/종로구").text
    assert "이낙연" in page
    assert "elected" in page
    assert "Winner" in page


def test_search_text_comes_back_escaped(client: TestClient) -> None:
    attack = '<script>alert("x")</script>'
    page = client.get("/elections/2004", params={"q": attack}).text
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    page = client.get("/elections/2004/districts/" + quote(attack, safe="")).text
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    body = client.get("/api/elections/2004/districts/" + quote(attack, safe="")).json()
    assert attack in body["detail"]  # JSON carries the text; it is never HTML


def test_whatif_changes_seats_and_indices(client: TestClient) -> None:
    real = client.get("/api/elections/2020").json()
    changed = client.get(
        "/api/elections/2020/whatif", params={"cap": "none", "threshold": "5%"}
    ).json()
    seats = {p["id"]: p["total_seats"] for p in changed["parties"]}
    assert sum(seats.values()) == 300
    assert seats != {p["id"]: p["total_seats"] for p in real["parties"]}
    assert changed["rules"].endswith(", changed")
    assert "5%" in changed["rules_description"]
    assert changed["indices"]["assembly"]["gallagher"] > 0
    same = client.get("/api/elections/2004/whatif").json()
    assert [(p["id"], p["total_seats"]) for p in same["parties"]] == [
        (p["id"], p["total_seats"]) for p in client.get("/api/elections/2004").json()["parties"]
    ]


def test_whatif_votes_rules_list_seats_method_and_ties(client: TestClient) -> None:
    more = client.get("/api/elections/2004/whatif", params={"v.dlp-2000": "5000000"}).json()
    base = {p["id"]: p for p in client.get("/api/elections/2004").json()["parties"]}
    dlp = next(p for p in more["parties"] if p["id"] == "dlp-2000")
    assert dlp["list_seats"] > base["dlp-2000"]["list_seats"]
    other = client.get(
        "/api/elections/2004/whatif",
        params={"rules": "2020", "list_seats": "100", "method": "dhondt", "ties": "lot"},
    ).json()
    assert other["total_seats"] == 243 + 100
    assert "dhondt" in other["rules_description"] or "linked" in other["rules_description"]
    assert other["notes"]
    page = client.get("/elections/2004/whatif", params={"threshold": "none"}).text
    assert "Qualifying parties: every party" in page


def test_whatif_rules_that_cannot_allocate_show_the_form_again(client: TestClient) -> None:
    params = {"method": "dhondt", "list_seats": "100"}
    response = client.get("/elections/1988/whatif", params=params)
    assert response.status_code == 400
    page = response.text
    assert 'id="error-message"' in page
    assert "tie in list seats" in page
    assert 'id="whatif"' in page
    assert 'value="100"' in page  # the scenario is kept, to be mended
    assert 'id="outcome"' not in page
    fixed = client.get("/elections/1988/whatif", params={**params, "ties": "lot"})
    assert fixed.status_code == 200
    api = client.get("/api/elections/1988/whatif", params=params)
    assert api.status_code == 400
    assert "tie" in api.json()["detail"]


def test_simulation_is_bounded_and_reproducible(client: TestClient) -> None:
    first = client.get("/api/elections/2016/simulate", params={"n": 30, "seed": 7}).json()
    again = client.get("/api/elections/2016/simulate", params={"n": 30, "seed": 7}).json()
    assert first == again
    assert first["n"] == 30
    page = client.get("/elections/2016/simulate", params={"n": 30, "seed": 7}).text
    assert "30 simulated elections" in page
    assert page.count("<svg") >= 2


def test_simulation_under_another_years_law(client: TestClient) -> None:
    """Another year's law on a year's counts: the API and the page name the rules."""
    sim = client.get("/api/elections/2020/simulate", params={"n": 30, "rules": "2024"}).json()
    assert sim["rules"] == "22nd National Assembly election (2024), applied to 2020"
    own = client.get("/api/elections/2020/simulate", params={"n": 30, "rules": "2020"}).json()
    assert own["rules"] == ""
    page = client.get("/elections/2024/simulate").text
    assert "Monte Carlo elections around the 2024 counts" in page
    ran = client.get("/elections/2020/simulate", params={"n": 20, "rules": "2024"}).text
    assert "allocated under 22nd National Assembly election (2024), applied to 2020" in ran
    assert '<option value="2024" selected>' in ran


BAD = [
    ("/elections/1999", 404, "known years"),
    ("/api/elections/2020/simulate?n=10&rules=1999", 404, "known years"),
    ("/api/elections/2020/simulate?n=10&rules=20240", 422, "at most 4 characters"),
    ("/elections/abcd", 404, "known years"),
    ("/api/elections/1999", 404, "known years"),
    ("/api/elections/-1", 404, "known years"),
    ("/api/elections/" + "9" * 300, 404, "known years"),
    ("/api/elections/2004/districts/nowhere", 404, "no district"),
    ("/elections/2004/districts/nowhere", 404, "no district"),
    ("/api/elections/2004/districts/..%2F..%2Fetc%2Fpasswd", 404, ""),
    ("/elections/2004/districts/..%2F..%2Fetc%2Fpasswd", 404, ""),
    ("/api/elections/..%2F..%2Fetc%2Fpasswd", 404, ""),
    ("/static/..%2F..%2F..%2Fetc%2Fpasswd", 404, ""),
    ("/static/app.py", 404, "no such static file"),
    ("/elections/2004/../../etc/passwd", 404, ""),
    ("/api/elections/2004/districts/" + "가" * 150, 400, "at most 100 characters"),
    ("/api/elections/2004/districts?q=" + "a" * 150, 422, "at most 100 characters"),
    ("/elections/2004?q=" + "a" * 150, 422, "at most 100 characters"),
    ("/elections/2004?party=nobody", 404, "no party"),
    ("/api/elections/2004?by=county", 422, "by"),
    ("/api/elections/2020/simulate?n=100000", 422, "less than or equal to 2000"),
    ("/api/elections/2020/simulate?n=0", 422, "greater than or equal to 1"),
    ("/api/elections/2020/simulate?n=ten", 422, "valid integer"),
    ("/api/elections/2020/simulate?national_sd=-0.1", 422, "greater than or equal to 0"),
    ("/api/elections/2020/simulate?district_sd=5", 422, "less than or equal to 0.5"),
    ("/api/elections/2020/simulate?list_sd=nan", 422, "list_sd"),
    ("/api/elections/2020/simulate?regional_sd=inf", 422, "regional_sd"),
    ("/api/elections/2020/simulate?seed=-1", 422, "seed"),
    ("/api/elections/2020/simulate?seed=99999999999999", 422, "seed"),
    ("/elections/2020/simulate?n=5000", 422, "less than or equal to 2000"),
    ("/api/elections/2004/whatif?method=magic", 400, "method"),
    ("/api/elections/2004/whatif?list_seats=100000", 400, "list_seats: must be from 0 to 600"),
    ("/api/elections/2004/whatif?list_seats=-5", 400, "list_seats"),
    ("/api/elections/2004/whatif?list_seats=many", 400, "list_seats"),
    ("/api/elections/2004/whatif?threshold=3%20parsecs", 400, "threshold"),
    ("/api/elections/2004/whatif?threshold=" + "3" * 100, 422, "at most 60 characters"),
    ("/api/elections/2004/whatif?cap=10", 400, "only the linked formula"),
    ("/api/elections/2020/whatif?cap=60", 400, "cap"),
    ("/api/elections/2020/whatif?cap=x", 400, "cap"),
    ("/api/elections/2004/whatif?rules=1999", 400, "known years"),
    ("/api/elections/2004/whatif?ties=coin", 400, "ties"),
    ("/api/elections/2004/whatif?v.uri=-5", 400, "votes for 'uri'"),
    ("/api/elections/2004/whatif?v.uri=1e9", 400, "votes for 'uri'"),
    ("/api/elections/2004/whatif?v.uri=12.5", 400, "whole number"),
    ("/api/elections/2004/whatif?v.uri=99999999999", 400, "at most"),
    ("/api/elections/2020/whatif?v.dp=1.5", 400, "a whole number of votes"),
    ("/api/elections/2020/whatif?v.dp=1000000001", 400, "at most 1,000,000,000"),
    ("/api/elections/2004/whatif?v.nobody=5", 404, "no party 'nobody'"),
    ("/api/elections/2004/whatif?colour=red", 400, "unknown parameter 'colour'"),
    ("/elections/2004/whatif?method=magic", 400, "method"),
    ("/api/nothing", 404, "no page"),
    ("/nothing", 404, "no page"),
]


@pytest.mark.parametrize(("url", "status", "message"), BAD)
def test_bad_requests_get_a_clear_4xx(
    client: TestClient, url: str, status: int, message: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text[:400]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"
    if url.startswith("/api"):
        body = response.json()
        assert body["status"] == status
        assert message in body["detail"]
    else:
        assert response.headers["content-type"].startswith("text/html")
        text = re.sub(r"\s+", " ", response.text)
        assert f"<h1>{status} " in text
        assert message.replace("'", "&#39;") in text


def test_too_long_or_too_many_parameters(client: TestClient) -> None:
    long = client.get("/api/elections/2004/whatif?threshold=" + "x" * (MAX_QUERY + 10))
    assert long.status_code == 414
    assert "query string is longer" in long.json()["detail"]
    many = "&".join(f"p{i}=1" for i in range(MAX_PARAMS + 1))
    response = client.get("/elections/2004?" + many)
    assert response.status_code == 400
    assert "query parameters" in response.text
    assert response.headers["content-security-policy"]


TWICE = [
    ("/api/elections/2004/whatif?method=dhondt&method=hare", "method"),
    ("/elections/2004/whatif?rules=2016&rules=2020", "rules"),
    ("/api/elections/2020/simulate?n=10&seed=1&n=10", "n"),  # the same value twice too
    ("/elections/2016/simulate?national_sd=0.1&national_sd=0.2", "national_sd"),
    ("/api/elections/2004/whatif?v.uri=5&v.uri=6", "v.uri"),
    ("/elections/2004?q=a&party=uri&q=b", "q"),
    ("/elections/2004?q=&q=", "q"),  # blank values count
    ("/api/elections/2004/whatif?method=dhondt&%6Dethod=hare", "method"),  # as the route reads it
    ("/api/elections/2004/whatif?a+b=1&a%20b=2", "a b"),
    ("/api/elections?x=1&x=2", "x"),  # a route that takes no parameter at all
    ("/static/style.css?v=1&v=2", "v"),
    ("/?%EC%A2%85=1&%EC%A2%85=2", "종"),
]


@pytest.mark.parametrize(("url", "name"), TWICE)
def test_a_parameter_given_twice_is_refused(client: TestClient, url: str, name: str) -> None:
    response = client.get(url)
    assert response.status_code == 400, response.text[:400]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"
    said = f"parameter {name!r} given twice"
    if url.startswith("/api"):
        assert response.json() == {"detail": said, "status": 400}
    else:
        assert response.headers["content-type"].startswith("text/html")
        found = re.findall(r'<p class="error" id="error-message">(.*?)</p>', response.text)
        assert found == [said.replace("'", "&#39;")]


def test_a_long_parameter_given_twice_is_named_shortened(client: TestClient) -> None:
    name = "p" * 500
    response = client.get(f"/api/elections/2004/whatif?{name}=1&{name}=2")
    assert response.status_code == 400
    assert response.json()["detail"] == f"parameter '{'p' * 40}…' given twice"


def test_distinct_parameters_are_not_twice(client: TestClient) -> None:
    url = "/api/elections/2004/whatif?method=dhondt&list_seats=56&v.uri=5&v.gnp=6"
    assert client.get(url).status_code == 200
    assert client.get("/elections/2004?q=a&party=uri").status_code == 200


def test_head_is_get_without_a_body(client: TestClient) -> None:
    response = client.head("/elections/2004")
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 100_000
    assert response.headers["content-security-policy"]
    assert client.head("/elections/1999").status_code == 404


def test_wrong_method_is_refused_with_headers(client: TestClient) -> None:
    response = client.post("/api/elections/2004")
    assert response.status_code == 405
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_simulation_past_its_deadline_stops_with_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from korelect.web import _model

    monkeypatch.setattr(_model, "SIMULATION_DEADLINE_S", 0.0)
    response = client.get("/api/elections/2008/simulate", params={"n": 300, "seed": 11})
    assert response.status_code == 503
    assert "simulation stopped after" in response.json()["detail"]
    page = client.get("/elections/2008/simulate", params={"n": 300, "seed": 12})
    assert page.status_code == 503
    assert "ask for fewer runs" in page.text


def test_an_unexpected_error_is_a_plain_500_with_headers() -> None:
    app = create_app()

    @app.get("/api/broken")
    def broken() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/broken")
    assert response.status_code == 500
    assert response.json()["detail"] == "internal error: the request could not be served"
    assert "secret" not in response.text
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_serve_refuses_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "70000"]) == 2
    assert "--port must be from 0 to 65535" in capsys.readouterr().err


def test_serve_refuses_a_busy_port_or_unknown_host(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert cli.main(["serve", "--port", str(port)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"korelect: error: cannot listen on 127.0.0.1:{port}:")
        assert len(err.strip().splitlines()) == 1
    assert cli.main(["serve", "--host", "no-such-host.invalid", "--port", "0"]) == 2
    assert "--host 'no-such-host.invalid'" in capsys.readouterr().err
