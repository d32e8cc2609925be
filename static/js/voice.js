/* Voice notes: record in the browser, listen, then send with the form.
   Progressive enhancement: without MediaRecorder (or JavaScript) the file field below the
   recorder still takes a recording made with the phone's own app. The recording is put into
   that same file field, so the server receives it like any chosen file and cleans it. */
(function () {
  "use strict";
  if (window.laporVoice) { return; }
  window.laporVoice = true;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(seconds) { return Math.floor(seconds / 60) + ":" + pad(seconds % 60); }

  function pickType() {
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder.isTypeSupported && MediaRecorder.isTypeSupported(types[i])) {
        return types[i];
      }
    }
    return "";
  }

  function setup(box) {
    var input = box.querySelector("input[type=file][name=voice_note]");
    var ui = box.querySelector(".voice-recorder");
    if (!input || !ui) { return; }
    var start = ui.querySelector(".voice-start");
    var stop = ui.querySelector(".voice-stop");
    var timer = ui.querySelector(".voice-timer");
    var elapsed = ui.querySelector(".voice-elapsed");
    var status = ui.querySelector(".voice-status");
    var review = ui.querySelector(".voice-review");
    var audio = ui.querySelector(".voice-playback");
    var discard = ui.querySelector(".voice-discard");
    var limit = parseInt(box.getAttribute("data-limit"), 10) || 180;
    var text = function (name) { return box.getAttribute("data-t-" + name) || ""; };
    var recorder = null, stream = null, chunks = [], began = 0, ticking = null, url = null;
    var hitLimit = false;

    ui.hidden = false;

    function say(message) { status.textContent = message; }

    function clear() {
      if (url) { URL.revokeObjectURL(url); url = null; }
      audio.removeAttribute("src");
      review.hidden = true;
      input.value = "";
    }

    function tick() {
      var seconds = Math.floor((Date.now() - began) / 1000);
      elapsed.textContent = clock(Math.min(seconds, limit));
      if (seconds >= limit) { hitLimit = true; end(); }
    }

    function end() {
      if (ticking) { clearInterval(ticking); ticking = null; }
      if (recorder && recorder.state !== "inactive") { recorder.stop(); }
      if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    }

    function finished() {
      var type = (recorder && recorder.mimeType) || "audio/webm";
      var blob = new Blob(chunks, { type: type.split(";")[0] });
      var ext = type.indexOf("mp4") >= 0 ? "m4a" : (type.indexOf("ogg") >= 0 ? "ogg" : "webm");
      var stamp = new Date();
      var name = "pesan-suara-" + stamp.getFullYear() + pad(stamp.getMonth() + 1) +
        pad(stamp.getDate()) + "-" + pad(stamp.getHours()) + pad(stamp.getMinutes()) + "." + ext;
      var file = new File([blob], name, { type: blob.type });
      var transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      url = URL.createObjectURL(blob);
      audio.src = url;
      review.hidden = false;
      stop.hidden = true;
      start.hidden = false;
      start.lastChild.textContent = text("again");
      say((hitLimit ? text("limit") + " " : "") + text("stopped"));
      start.focus();
    }

    start.addEventListener("click", function () {
      clear();
      hitLimit = false;
      limit = parseInt(box.getAttribute("data-limit"), 10) || 180;
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (media) {
        stream = media;
        var type = pickType();
        recorder = type ? new MediaRecorder(media, { mimeType: type }) : new MediaRecorder(media);
        chunks = [];
        recorder.addEventListener("dataavailable", function (e) {
          if (e.data && e.data.size) { chunks.push(e.data); }
        });
        recorder.addEventListener("stop", finished);
        recorder.start(1000);
        began = Date.now();
        elapsed.textContent = "0:00";
        timer.hidden = false;
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        say(text("started"));
        ticking = setInterval(tick, 250);
      }).catch(function () {
        say(text("denied"));
      });
    });

    stop.addEventListener("click", end);

    discard.addEventListener("click", function () {
      clear();
      timer.hidden = true;
      say(text("removed"));
      start.focus();
    });

    // A file chosen by hand replaces a recording.
    input.addEventListener("change", function () {
      if (url && input.files.length && input.files[0].name.indexOf("pesan-suara-") !== 0) {
        URL.revokeObjectURL(url); url = null; review.hidden = true;
      }
    });
  }

  function init() {
    if (!window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia ||
        typeof window.DataTransfer !== "function") {
      return;
    }
    var boxes = document.querySelectorAll(".voice-note");
    for (var i = 0; i < boxes.length; i++) { setup(boxes[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
