// korelect what-if: recompute the outcome as the form changes, without a page load.
// The form works without this file (a GET form to the same page); this only fetches that
// page for the current fields and swaps in its #live part. Nothing the server sends is run.
(function () {
  "use strict";
  var form = document.getElementById("whatif");
  var live = document.getElementById("live");
  if (!form || !live || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var controller = null;
  var timer = null;

  function url() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") {
        params.append(key, value);
      }
    });
    return form.getAttribute("action") + "?" + params.toString();
  }

  function message(text) {
    var box = document.createElement("div");
    box.id = "live";
    var p = document.createElement("p");
    p.className = "error";
    p.id = "error-message";
    p.textContent = text;
    box.appendChild(p);
    return box;
  }

  function update() {
    var target = url();
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    form.setAttribute("aria-busy", "true");
    fetch(target, { signal: controller.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var fresh = doc.getElementById("live");
        var current = document.getElementById("live");
        if (fresh) {
          current.replaceWith(document.importNode(fresh, true));
        } else {
          var error = doc.getElementById("error-message");
          current.replaceWith(message(error ? error.textContent : "the server could not answer"));
        }
        window.history.replaceState(null, "", target);
        form.removeAttribute("aria-busy");
      })
      .catch(function (err) {
        if (err.name !== "AbortError") {
          form.removeAttribute("aria-busy");
        }
      });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.classList.add("live");
})();
