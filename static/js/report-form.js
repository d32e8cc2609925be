// Progressive enhancement for the report form. Everything here also works without it:
// the region pickers fall back to a "show the places" button, the 112 notice to a
// server-side check on submit.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;
  document.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
  // With the script the places load by themselves: take the "show the places" button out
  // altogether, so no key press can ever reach it.
  form.querySelectorAll("button[name=_refresh][value=region]").forEach(function (b) { b.remove(); });

  var levels = ["province", "regency", "district", "village"];
  var childrenUrl = form.dataset.childrenUrl;
  var agencyUrl = form.dataset.agencyUrl;

  function select(name) { return form.querySelector("select[name=" + name + "]"); }

  function fill(sel, items) {
    var first = sel.options[0];
    sel.innerHTML = "";
    sel.appendChild(first);
    items.forEach(function (it) {
      var o = document.createElement("option");
      o.value = it[0]; o.textContent = it[1];
      sel.appendChild(o);
    });
  }

  function refreshAgencies() {
    var sel = select("requested_agency");
    if (!sel) return;
    var current = sel.value;
    var q = "?provinsi=" + encodeURIComponent(select("province").value) +
      "&kabupaten=" + encodeURIComponent(select("regency").value) +
      "&kecamatan=" + encodeURIComponent(select("district").value);
    fetch(agencyUrl + q, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var first = sel.options[0];
        sel.innerHTML = "";
        sel.appendChild(first);
        data.groups.forEach(function (g) {
          var og = document.createElement("optgroup");
          og.label = g[0];
          g[1].forEach(function (it) {
            var o = document.createElement("option");
            o.value = it[0]; o.textContent = it[1];
            og.appendChild(o);
          });
          sel.appendChild(og);
        });
        sel.value = current;
      })
      .catch(function () { /* the list stays as it was; the server validates anyway */ });
  }

  levels.forEach(function (name, i) {
    var sel = select(name);
    if (!sel || i === levels.length - 1) return;
    sel.addEventListener("change", function () {
      for (var j = i + 1; j < levels.length; j++) fill(select(levels[j]), []);
      if (!sel.value) { refreshAgencies(); return; }
      var next = select(levels[i + 1]);
      next.setAttribute("aria-busy", "true");
      fetch(childrenUrl + "?kode=" + encodeURIComponent(sel.value))
        .then(function (r) { return r.json(); })
        .then(function (data) { fill(next, data.items); })
        .finally(function () { next.removeAttribute("aria-busy"); });
      refreshAgencies();
    });
  });

  // 112 notice while typing; the same pattern list the server uses.
  var pattern = new RegExp(form.dataset.emergencyPattern, "i");
  var live = document.getElementById("emergency-live");
  var liveText = document.getElementById("emergency-live-text");
  var ack = form.querySelector("input[name=emergency_ack]");
  var fields = [form.querySelector("[name=title]"), form.querySelector("[name=body]")];
  var timer = null;
  function check() {
    var text = fields.map(function (f) { return f ? f.value : ""; }).join(" ");
    var hit = pattern.test(text);
    // The region stays in the page; putting words into it is what screen readers announce.
    if (hit && !live.firstChild && liveText) live.appendChild(liveText.content.cloneNode(true));
    if (!hit) live.textContent = "";
    // The person has seen the notice: the server need not stop them a second time.
    if (ack) ack.value = hit ? "True" : ack.value;
  }
  fields.forEach(function (f) {
    if (f) f.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 400); });
  });

  // Similar open reports in the chosen regency while the person types ("dukung laporan ini").
  var similar = document.getElementById("similar-reports");
  if (similar) {
    var list = document.getElementById("similar-reports-list");
    var similarTimer = null;
    var lastQuery = "";
    var similarFields = [form.querySelector("[name=title]"), form.querySelector("[name=body]"), select("regency")];
    var lookUp = function () {
      var regency = select("regency") ? select("regency").value : "";
      var title = similarFields[0] ? similarFields[0].value : "";
      var body = similarFields[1] ? similarFields[1].value : "";
      var q = "?regency=" + encodeURIComponent(regency) + "&title=" + encodeURIComponent(title.slice(0, 200)) +
        "&body=" + encodeURIComponent(body.slice(0, 600));
      if (!regency || (title + body).trim().length < 8 || q === lastQuery) return;
      lastQuery = q;
      fetch(similar.dataset.similarUrl + q, { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          list.innerHTML = "";
          // Nothing similar: keep the hidden heading, which names the section (aria-labelledby).
          if (!data.results.length) { var none = document.createElement("h2"); none.id = "similar-reports-title"; none.className = "visually-hidden"; none.textContent = similar.dataset.titleText; list.appendChild(none); return; }
          var h = document.createElement("h2");
          h.id = "similar-reports-title";
          h.textContent = similar.dataset.titleText;
          var p = document.createElement("p");
          p.textContent = similar.dataset.introText;
          var ul = document.createElement("ul");
          data.results.forEach(function (it) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = it.url; a.textContent = it.title;
            var tag = document.createElement("span");
            tag.className = "tag"; tag.textContent = it.tracking_id;
            var support = document.createElement("a");
            support.href = it.url + "#dukung"; support.textContent = similar.dataset.supportText;
            li.appendChild(a); li.appendChild(document.createTextNode(" "));
            li.appendChild(tag); li.appendChild(document.createTextNode(" — "));
            li.appendChild(support);
            ul.appendChild(li);
          });
          list.appendChild(h); list.appendChild(p); list.appendChild(ul);
        })
        .catch(function () { /* no suggestions is fine: the report can still be sent */ });
    };
    similarFields.forEach(function (f) {
      if (!f) return;
      f.addEventListener(f.tagName === "SELECT" ? "change" : "input", function () {
        clearTimeout(similarTimer);
        similarTimer = setTimeout(lookUp, 600);
      });
    });
  }

  // Double submit: the server already makes a second post harmless; this spares a wait.
  form.addEventListener("submit", function (ev) {
    if (ev.defaultPrevented) return;  // held back (files sent ahead, or offline)
    if (ev.submitter && ev.submitter.name === "_refresh") return;
    if (form.dataset.sent) { ev.preventDefault(); return; }
    form.dataset.sent = "1";
  });

  // (The focus moves to the error summary in site.js, on every page.)
})();
