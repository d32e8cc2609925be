// Every page: after a failed post, move the focus to the error summary (or to the 112 notice),
// so keyboard and screen-reader users start where the problem is explained. Register the
// service worker that lets the report form be filled offline (lapor/web/service_worker.js),
// from the report form only: other pages do not need it.
(function () {
  "use strict";
  var target = document.getElementById("error-summary") || document.getElementById("emergency-notice");
  if (target) target.focus();
  var sw = document.querySelector("link[rel=manifest]");
  var form = document.getElementById("report-form");
  if ("serviceWorker" in navigator && sw && sw.dataset.worker && form && form.dataset.offline) {
    var url = sw.dataset.worker + "?form=" + encodeURIComponent(location.pathname);
    navigator.serviceWorker.register(url, { scope: "/" }).catch(function () {});
  }
})();
