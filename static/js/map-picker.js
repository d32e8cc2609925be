/* The report form's map picker (docs/map.md). Progressive enhancement over the latitude and
   longitude fields: without this script, or without a tile server, the fields and the place
   pickers work as before. Pointer: tap/click to set, drag the pin. Keyboard: the map is
   focusable, arrow keys pan and +/- zoom (Leaflet), Enter or Space sets the point at the
   centre (marked with a cross); the buttons do the same. */
(function () {
  "use strict";
  var box = document.getElementById("map-picker");
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  if (!box || !lat || !lon || typeof window.L === "undefined") return;
  var L = window.L;
  var status = document.getElementById("map-picker-status");
  var container = document.getElementById("map-picker-map");
  // The form's bounds (lapor/web/forms.py): the point must lie in Indonesia.
  var SOUTH = -11.5, NORTH = 6.5, WEST = 94, EAST = 142;

  box.hidden = false;
  var map = L.map(container, {
    maxBounds: [[SOUTH - 2, WEST - 2], [NORTH + 2, EAST + 2]],
    minZoom: 4,
    maxZoom: parseInt(box.dataset.maxZoom, 10) || 18,
    keyboardPanDelta: 60
  });
  L.tileLayer(box.dataset.tileUrl, {
    attribution: box.dataset.attribution,
    maxZoom: parseInt(box.dataset.maxZoom, 10) || 18
  }).addTo(map);
  container.setAttribute("role", "application");
  container.setAttribute("aria-label", box.dataset.label);

  var marker = null;

  function say(text) {
    status.textContent = text;
  }

  function current() {
    var a = parseFloat(lat.value.replace(",", ".")), b = parseFloat(lon.value.replace(",", "."));
    if (isNaN(a) || isNaN(b) || a < SOUTH || a > NORTH || b < WEST || b > EAST) return null;
    return L.latLng(a, b);
  }

  function place(point) {
    if (!marker) {
      marker = L.marker(point, { draggable: true, keyboard: false, autoPanOnFocus: false }).addTo(map);
      marker.on("dragend", function () { set(marker.getLatLng()); });
    } else {
      marker.setLatLng(point);
    }
  }

  function set(point) {
    var a = Math.min(Math.max(point.lat, SOUTH), NORTH);
    var b = Math.min(Math.max(point.lng, WEST), EAST);
    lat.value = a.toFixed(6);
    lon.value = b.toFixed(6);
    place(L.latLng(a, b));
    lat.dispatchEvent(new Event("change", { bubbles: true }));
    say(box.dataset.setMessage.replace("%(lat)s", lat.value).replace("%(lon)s", lon.value));
  }

  var start = current();
  if (start) {
    map.setView(start, 16);
    place(start);
  } else {
    map.fitBounds([[SOUTH + 5, WEST], [NORTH, EAST]]);
  }

  map.on("click", function (e) { set(e.latlng); });
  container.addEventListener("keydown", function (e) {
    if (e.target !== container) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      set(map.getCenter());
    }
  });
  document.getElementById("map-picker-use").addEventListener("click", function () {
    set(map.getCenter());
  });
  document.getElementById("map-picker-clear").addEventListener("click", function () {
    lat.value = "";
    lon.value = "";
    if (marker) { map.removeLayer(marker); marker = null; }
    say(box.dataset.clearedMessage);
  });
  var locate = document.getElementById("map-picker-locate");
  if (navigator.geolocation && window.isSecureContext) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var point = L.latLng(pos.coords.latitude, pos.coords.longitude);
        map.setView(point, 17);
        set(point);
      }, function () { say(box.dataset.locatedMessage); }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }
  // Typed coordinates move the pin.
  [lat, lon].forEach(function (field) {
    field.addEventListener("input", function () {
      var point = current();
      if (point) { place(point); map.panTo(point); }
    });
  });
  // The picker sits in a <details>: Leaflet needs its size once it is shown.
  var details = box.closest("details");
  if (details) {
    details.addEventListener("toggle", function () {
      if (details.open) map.invalidateSize();
    });
  }
})();
