// Lapor's service worker (served at /sw.js by lapor.web.views.service_worker).
//
// It keeps only what carries no personal data: the site's static files, a copy of the empty
// report form fetched WITHOUT cookies (so no name, e-mail or phone of a logged-in person is in
// it), and the public lists of places. Every other page goes to the network and is never
// stored. The draft of a report typed offline lives in the page's localStorage
// (static/js/offline-draft.js), where the person can see and delete it, not here.
"use strict";
var VERSION = "lapor-__VERSION__";
var ASSETS = __ASSETS__;
var FORMS = ["/lapor/", "/en/lapor/"];
var PLACES = /^\/(?:en\/)?wilayah\/(?:anak|instansi)\/$/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(VERSION).then(function (cache) {
      // Only the form of the language the person uses (/sw.js?form=/en/lapor/).
      var wanted = new URL(self.location.href).searchParams.get("form");
      var forms = FORMS.filter(function (url) { return url === wanted; }).map(function (url) {
        return fetch(url, { credentials: "omit" }).then(function (response) {
          if (response.ok) return cache.put(url, response);
        });
      });
      return Promise.all([cache.addAll(ASSETS)].concat(forms));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k !== VERSION; })
        .map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && FORMS.indexOf(url.pathname) !== -1) {
    // The network first (a fresh form, with the person's own details if logged in); the
    // stored empty form only when there is no connection.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(url.pathname).then(function (r) { return r || Response.error(); });
    }));
    return;
  }
  if (PLACES.test(url.pathname)) {
    // Public lists of places: keep what was seen, to pick the same places offline.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(VERSION).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (r) { return r || Response.error(); });
    }));
    return;
  }
  if (ASSETS.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.match(request).then(function (r) { return r || fetch(request); }));
  }
});
