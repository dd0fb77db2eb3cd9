/*
 * Kancelaria: small page behaviours. Loaded with `defer` after Bootstrap and htmx.
 * No inline handlers anywhere (strict CSP): everything is wired here by data attributes.
 *
 *   - htmx: CSRF header from <meta name="csrf-token">; a visible, announced message when a
 *     request fails (#request-error); aria-busy on the target while a request runs; focus
 *     moves to an error summary that htmx swapped in.
 *   - <select data-autosubmit>: submits its form on change (use only where the form's purpose
 *     is obvious, e.g. filters, and keep a submit button for users without JavaScript).
 *   - <form data-confirm="Question?"> or <button data-confirm="Question?">: asks before
 *     submitting (works with plain and htmx forms).
 *   - #error-summary (partials/form_errors_summary.html) gets focus on page load.
 */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  /* ---- htmx: CSRF header ------------------------------------------------------------- */
  document.body.addEventListener("htmx:configRequest", function (event) {
    var verb = (event.detail.verb || "get").toLowerCase();
    if (verb !== "get") {
      var token = csrfToken();
      if (token) {
        event.detail.headers["X-CSRFToken"] = token;
      }
    }
  });

  /* ---- htmx: busy state and failures --------------------------------------------------- */
  function requestTarget(event) {
    return (event.detail && (event.detail.target || event.detail.elt)) || null;
  }

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var target = requestTarget(event);
    if (target && target.setAttribute) {
      target.setAttribute("aria-busy", "true");
    }
    hideRequestError();
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    var target = requestTarget(event);
    if (target && target.removeAttribute) {
      target.removeAttribute("aria-busy");
    }
  });

  function hideRequestError() {
    var box = document.getElementById("request-error");
    if (box) {
      box.hidden = true;
    }
  }

  function showRequestError() {
    var box = document.getElementById("request-error");
    if (!box) {
      return;
    }
    var text = box.querySelector("[data-request-error-text]") || box;
    // Re-set the text so that assistive technology announces it again (role="alert").
    text.textContent = "";
    box.hidden = false;
    window.setTimeout(function () {
      text.textContent = box.getAttribute("data-message") || "";
    }, 50);
  }

  document.body.addEventListener("htmx:responseError", showRequestError);
  document.body.addEventListener("htmx:sendError", showRequestError);
  document.body.addEventListener("htmx:timeout", showRequestError);

  /* ---- Error summary focus ----------------------------------------------------------- */
  function focusErrorSummary(root) {
    var scope = root && root.querySelector ? root : document;
    var summary = scope.id === "error-summary" ? scope : scope.querySelector("#error-summary");
    if (summary) {
      summary.focus();
    }
  }

  document.body.addEventListener("htmx:afterSettle", function (event) {
    focusErrorSummary(event.detail && event.detail.elt);
  });

  /* ---- Auto-submit selects ----------------------------------------------------------- */
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!field || !field.matches || !field.matches("select[data-autosubmit], input[data-autosubmit]")) {
      return;
    }
    var form = field.form;
    if (!form) {
      return;
    }
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit(); // fires "submit": htmx and data-confirm still apply
    } else {
      form.submit();
    }
  });

  /* ---- Confirmation before submitting ------------------------------------------------ */
  // Capture phase on the document: runs before htmx's own submit handler on the form, so a
  // "Cancel" stops both plain and htmx submissions.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form || form.nodeName !== "FORM") {
        return;
      }
      var submitter = event.submitter;
      var message =
        (submitter && submitter.getAttribute && submitter.getAttribute("data-confirm")) ||
        form.getAttribute("data-confirm");
      if (message && !window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  /* ---- Links that confirm (e.g. <a data-confirm="..." href="...">) --------------------- */
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[data-confirm]") : null;
      if (link && !window.confirm(link.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopPropagation();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  /* ---- On load --------------------------------------------------------------------- */
  focusErrorSummary(document);

  /* ---- Print buttons (<button type="button" data-print>) --------------------------------- */
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });

  /* ---- A form loaded into a panel (data-focus-first) takes the focus --------------------- */
  // The in-place entry form appears far from the button that asked for it: move the focus to
  // its first field, so keyboard and screen-reader users continue there.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.detail && event.detail.target;
    if (!panel || !panel.closest || !panel.closest("[data-focus-first]")) {
      return;
    }
    var field = panel.querySelector("#error-summary, input:not([type=hidden]), select, textarea");
    if (field) {
      field.focus();
    }
  });

  /* ---- Scrollable tables can be reached and scrolled with the keyboard -------------------- */
  function makeScrollableTablesFocusable(root) {
    var boxes = (root || document).querySelectorAll(".table-responsive");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
      }
    });
  }
  makeScrollableTablesFocusable(document);
  document.addEventListener("htmx:afterSettle", function (event) {
    makeScrollableTablesFocusable(event.target);
  });
  window.addEventListener("resize", function () {
    makeScrollableTablesFocusable(document);
  });
})();
