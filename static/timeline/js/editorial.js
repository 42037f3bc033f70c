/* Editorial htmx behaviour: which responses swap, and visible messages for every failure.
 * Loaded on every page after htmx (no inline scripts: the CSP forbids them). */
(function () {
  "use strict";

  var script = document.currentScript;
  var loginPath = new URL((script && script.dataset.loginUrl) || "/accounts/login/", location.href).pathname;

  // 409 (someone else saved first) and 422 (action does not apply) come with a fragment
  // meant to be shown in place; every other 4xx/5xx is an error we report ourselves.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "409", swap: true, error: false },
    { code: "422", swap: true, error: false },
    { code: "[45]..", swap: false, error: true },
    { code: "...", swap: false }
  ];

  var MESSAGES = {
    expired: "Your session has expired. Log in again in another tab, then retry here: what you typed is still in the form.",
    403: "You are not allowed to do this. If you were logged out, log in again in another tab and retry.",
    404: "This item no longer exists (someone may have merged or removed it). Reload the page.",
    409: "Someone else changed this while you were working. Reload to see their version.",
    429: "Too many attempts. Wait a few minutes and try again.",
    500: "The server failed to do this. Nothing was saved; try again, and tell an admin if it keeps happening.",
    network: "Could not reach the server (network error). Nothing was saved; your input is kept, try again.",
    timeout: "The server took too long to answer. Your input is kept; try again."
  };

  function isLoginPage(xhr) {
    if (!xhr || !xhr.responseURL) return false;
    try {
      return new URL(xhr.responseURL).pathname === loginPath;
    } catch (e) {
      return false;
    }
  }

  // The message goes where the user works: into the form (or table row, or panel) that
  // made the request, falling back to the page's message area.
  function placeFor(elt) {
    if (!elt || !elt.closest) return document.getElementById("messages") || document.body;
    var form = elt.closest("form");
    var slot = form && form.querySelector(".hx-error-slot");
    if (slot) return slot;
    var row = elt.closest("tr");
    if (row && row.lastElementChild) return row.lastElementChild;
    return form || elt.closest("article, section, #main") || document.getElementById("messages") || document.body;
  }

  function clearErrors(elt) {
    var place = placeFor(elt);
    var old = place.querySelectorAll(":scope > .hx-error");
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function showError(elt, text) {
    var place = placeFor(elt);
    clearErrors(elt);
    var p = document.createElement("p");
    p.className = "message message-error hx-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    if (place.classList && place.classList.contains("hx-error-slot")) {
      place.appendChild(p);
    } else {
      place.insertBefore(p, place.firstChild);
    }
    if (p.scrollIntoView) p.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:beforeRequest", function (evt) {
    clearErrors(evt.detail.elt);
  });

  // An expired session answers with a redirect to the login page, which the browser
  // follows: never swap that page into a row or panel.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var xhr = evt.detail.xhr;
    if (isLoginPage(xhr) && location.pathname !== loginPath) {
      evt.detail.shouldSwap = false;
      evt.detail.isError = false;
      showError(evt.detail.requestConfig ? evt.detail.requestConfig.elt : evt.detail.elt, MESSAGES.expired);
    }
  });

  document.addEventListener("htmx:responseError", function (evt) {
    var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
    var text = MESSAGES[status] || (status >= 500 ? MESSAGES[500] : "The request failed (HTTP " + status + "). Nothing was saved.");
    showError(evt.detail.elt, text);
  });

  document.addEventListener("htmx:sendError", function (evt) {
    showError(evt.detail.elt, MESSAGES.network);
  });

  document.addEventListener("htmx:timeout", function (evt) {
    showError(evt.detail.elt, MESSAGES.timeout);
  });
})();
