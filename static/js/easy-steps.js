// The easy-read form, one question at a time. Without this script every question is on the
// page, one under the other, each with its heading; with it, one question shows, with "Back"
// and "Next" buttons, and the last one shows "Check your answers". After an error, the first
// question with an error is shown.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form || !form.classList.contains("easy-form")) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll(".easy-step"));
  var submit = form.querySelector(".easy-submit");
  if (steps.length < 2) return;
  var current = 0;

  function show(i, focus) {
    current = i;
    steps.forEach(function (s, j) { s.hidden = j !== i; });
    submit.hidden = i !== steps.length - 1;
    if (focus) {
      var h = steps[i].querySelector("h2");
      h.setAttribute("tabindex", "-1");
      h.focus();
    }
  }

  steps.forEach(function (step, i) {
    var nav = document.createElement("p");
    nav.className = "easy-nav";
    if (i > 0) {
      var back = document.createElement("button");
      back.type = "button"; back.className = "secondary";
      back.textContent = form.dataset.backText;
      back.addEventListener("click", function () { show(i - 1, true); });
      nav.appendChild(back);
    }
    if (i < steps.length - 1) {
      var next = document.createElement("button");
      next.type = "button"; next.className = "button";
      next.textContent = form.dataset.nextText;
      next.addEventListener("click", function () { show(i + 1, true); });
      nav.appendChild(next);
    }
    step.appendChild(nav);
  });

  var firstError = steps.findIndex(function (s) { return s.querySelector(".has-error"); });
  show(firstError >= 0 ? firstError : 0, false);
  // Enter in a field of an earlier question goes to the next question, not to the end.
  form.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.target.tagName === "TEXTAREA" || ev.target.tagName === "BUTTON") return;
    if (current < steps.length - 1) { ev.preventDefault(); show(current + 1, true); }
  });
})();
(function () {
  "use strict";
  // A link in the error summary opens the question that holds the field.
  var summary = document.getElementById("error-summary");
  var form = document.getElementById("report-form");
  if (!summary || !form || !form.classList.contains("easy-form")) return;
  summary.addEventListener("click", function (ev) {
    var a = ev.target.closest("a[href^='#']");
    if (!a) return;
    var target = document.getElementById(a.getAttribute("href").slice(1));
    var step = target && target.closest(".easy-step");
    if (!step) return;
    form.querySelectorAll(".easy-step").forEach(function (s) { s.hidden = s !== step; });
    form.querySelector(".easy-submit").hidden = step !== form.querySelector(".easy-step:last-of-type");
  });
})();
