// The report form without a connection. If the person presses "Check your answers" while
// offline, what they typed is kept as a draft in this browser's localStorage (files cannot
// be kept: they are told). When the connection returns — on this page, or the next time it
// is opened — the draft is put back into the form and sent, and the receipt says so.
// Nothing else is stored: the draft is deleted as soon as it is sent, and "Delete the
// draft" removes it at any time.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  var status = document.getElementById("offline-status");
  if (!form || !status || !window.localStorage) return;
  var KEY = "lapor-draft:" + location.pathname;
  var SKIP = { csrfmiddlewaretoken: 1, pending: 1, attachments: 1, step: 1, remove_pending: 1 };

  function say(text, withDelete) {
    status.textContent = "";
    var box = document.createElement("div");
    box.className = "notice";
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    if (withDelete) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.textContent = status.dataset.deleteText;
      b.addEventListener("click", function () {
        localStorage.removeItem(KEY);
        say(status.dataset.deletedText, false);
      });
      box.appendChild(b);
    }
    status.appendChild(box);
  }

  function read() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  function save() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name] && typeof value === "string") pairs.push([name, value]);
    });
    var files = form.querySelector("input[type=file]");
    localStorage.setItem(KEY, JSON.stringify({ saved: Date.now(), fields: pairs }));
    say(status.dataset.savedText + (files && files.files.length ? " " + status.dataset.filesText : ""), true);
  }

  function restore(draft) {
    draft.fields.forEach(function (pair) {
      var el = form.elements[pair[0]];
      if (!el) return;
      if (el instanceof RadioNodeList || (el.type === "radio")) {
        form.querySelectorAll("input[name='" + pair[0] + "']").forEach(function (r) { r.checked = r.value === pair[1]; });
      } else if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === pair[1]; })) {
        // A place list not loaded yet: add the chosen code so it is sent as chosen.
        var o = document.createElement("option");
        o.value = pair[1]; o.textContent = pair[1];
        el.appendChild(o);
        el.value = pair[1];
      } else {
        el.value = pair[1];
      }
    });
  }

  function send() {
    var draft = read();
    if (!draft || !navigator.onLine || form.dataset.sending) return;
    form.dataset.sending = "1";
    say(status.dataset.sendingText, false);
    // A fresh security token: the page may be the stored copy from the service worker.
    fetch(location.pathname, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("input[name=csrfmiddlewaretoken]");
        var mine = form.querySelector("input[name=csrfmiddlewaretoken]");
        if (fresh && mine) mine.value = fresh.value;
        restore(draft);
        localStorage.removeItem(KEY);
        try { sessionStorage.setItem("lapor-draft-sent", "1"); } catch (e) { /* only the notice */ }
        // No "step": a draft the person already asked to send is filed directly; if anything
        // is missing, the form comes back with the errors and the draft's words in it.
        form.submit();
      })
      .catch(function () {
        delete form.dataset.sending;
        say(status.dataset.savedText, true);
      });
  }

  form.addEventListener("submit", function (ev) {
    if (navigator.onLine) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    delete form.dataset.sent;
    save();
    status.querySelector(".notice").setAttribute("tabindex", "-1");
    status.querySelector(".notice").focus();
  }, true);

  window.addEventListener("online", send);
  if (read()) {
    if (navigator.onLine) send();
    else { restore(read()); say(status.dataset.savedText, true); }
  }
})();
