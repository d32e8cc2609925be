// Files on a slow phone connection, for every form with an "attachments" input:
// 1. photos larger than needed are made smaller in the browser (at most 1600 pixels on the
//    long side, JPEG) as soon as they are chosen, and the person is told by how much;
// 2. on sending, the files go first to /berkas/ with a progress bar; the form then carries
//    only the signed list of received files (its "pending" field) and is sent as usual.
// Without this script the files are sent with the form, exactly as before. The server
// re-checks and re-encodes every file whatever the browser did.
(function () {
  "use strict";
  var MAX_SIDE = 1600;
  var SHRINK_ABOVE = 400 * 1024;

  function size(n) {
    return n > 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB";
  }
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || file.size < SHRINK_ABOVE || !window.createImageBitmap) {
      return Promise.resolve(file);
    }
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) { resolve(file); return; }
          var name = file.name.replace(/\.(png|webp|jpe?g)$/i, "") + ".jpg";
          resolve(new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified }));
        }, "image/jpeg", 0.82);
      });
    }).catch(function () { return file; });
  }

  document.querySelectorAll("input[type=file][name=attachments][data-stage-url]").forEach(function (input) {
    var form = input.form;
    if (!form || !window.DataTransfer || !window.FormData) return;
    var status = input.parentNode.querySelector(".upload-status");
    var bar = input.parentNode.querySelector(".upload-progress");
    var pending = form.querySelector("input[name=pending]");

    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files);
      if (!files.length) return;
      input.setAttribute("aria-busy", "true");
      Promise.all(files.map(shrink)).then(function (done) {
        var dt = new DataTransfer();
        var notes = [];
        done.forEach(function (f, i) {
          dt.items.add(f);
          if (f !== files[i]) notes.push(fmt(input.dataset.shrunkText, { name: files[i].name, before: size(files[i].size), after: size(f.size) }));
        });
        input.files = dt.files;
        if (status) status.textContent = notes.join(" ");
      }).finally(function () { input.removeAttribute("aria-busy"); });
    });

    form.addEventListener("submit", function (ev) {
      if (!input.files.length || !pending || !navigator.onLine || form.dataset.staged) return;
      if (ev.submitter && ev.submitter.name === "_refresh") return;
      ev.preventDefault();
      var submitter = ev.submitter;
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector("input[name=csrfmiddlewaretoken]").value);
      data.append("pending", pending.value);
      form.querySelectorAll("input[name=remove_pending]:checked").forEach(function (c) { data.append("remove_pending", c.value); });
      Array.prototype.forEach.call(input.files, function (f) { data.append("attachments", f, f.name); });
      var xhr = new XMLHttpRequest();
      xhr.open("POST", input.dataset.stageUrl);
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false; bar.value = 0;
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round(100 * e.loaded / e.total);
        bar.value = percent;
        if (status) status.textContent = fmt(input.dataset.sendingText, { percent: percent });
      });
      function fallback() {
        // Send the form with its files, as without the script.
        if (status) status.textContent = input.dataset.failedText;
        form.dataset.staged = "1";
        form.requestSubmit(submitter);
      }
      xhr.addEventListener("load", function () {
        var reply = null;
        try { reply = JSON.parse(xhr.responseText); } catch (e) { /* below */ }
        if (xhr.status !== 200 || !reply) { fallback(); return; }
        pending.value = reply.pending;
        form.querySelectorAll("input[name=remove_pending]").forEach(function (c) { c.checked = false; c.disabled = true; });
        input.value = "";
        bar.value = 100;
        form.dataset.staged = "1";
        form.requestSubmit(submitter);
      });
      xhr.addEventListener("error", fallback);
      xhr.send(data);
    });
  });
})();
