/* The public map (docs/map.md): draws the reports of /laporan/peta/titik.json and keeps the
   list below the map showing exactly the same reports. Without this script the page is the
   list (same selector, same filters). */
(function () {
  "use strict";
  var box = document.getElementById("public-map");
  var list = document.getElementById("map-list");
  var status = document.getElementById("map-list-status");
  if (!box || !list || typeof window.L === "undefined" || !window.fetch) return;
  var L = window.L;
  var d = box.dataset;
  box.hidden = false;
  var map = L.map(box, { minZoom: 3, maxZoom: parseInt(d.maxZoom, 10) || 18 });
  L.tileLayer(d.tileUrl, { attribution: d.attribution, maxZoom: parseInt(d.maxZoom, 10) || 18 }).addTo(map);
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", d.label);
  var layer = L.layerGroup().addTo(map);
  var b = d.bbox.split(",").map(parseFloat);
  var request = 0;
  var first = true;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  function render(data) {
    layer.clearLayers();
    list.textContent = "";
    data.points.forEach(function (p) {
      var title = p.title + (p.coarse ? " " + d.approx : "");
      var marker = L.marker([p.lat, p.lon], { title: title, alt: title, keyboard: false, opacity: p.coarse ? 0.7 : 1 });
      var link = text("a", p.title);
      link.href = p.url;
      marker.bindPopup(link);
      marker.addTo(layer);
      marker.getElement().setAttribute("data-id", p.id);
      var li = document.createElement("li");
      li.setAttribute("data-id", p.id);
      var item = text("a", p.title);
      item.href = p.url;
      li.appendChild(item);
      if (p.coarse) { li.appendChild(document.createTextNode(" ")); li.appendChild(text("span", d.approx, "map-approx")); }
      li.appendChild(document.createElement("br"));
      var facts = d.numberLabel + " " + p.id + (p.place ? " · " + d.placeLabel + ": " + p.place : "") + " · " + d.statusLabel + ": " + p.status;
      li.appendChild(text("span", facts, "help"));
      list.appendChild(li);
    });
    var message = d.countMessage.replace("%(n)s", data.points.length);
    if (data.truncated) message += " " + d.moreMessage.replace("%(n)s", data.limit);
    status.textContent = message;
    box.setAttribute("data-loaded", String(data.points.length));
  }

  function load() {
    var bounds = map.getBounds();
    var bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (v) { return v.toFixed(6); }).join(",");
    var url = d.pointsUrl + "?" + (d.query ? d.query + "&" : "") + "bbox=" + bbox + "&limit=" + d.limit;
    var mine = ++request;
    box.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        if (mine !== request) return;
        render(data);
        // Once, on opening: zoom to the reports found (the list follows the new view).
        if (first && data.points.length) {
          first = false;
          var pts = data.points.map(function (p) { return [p.lat, p.lon]; });
          map.fitBounds(L.latLngBounds(pts).pad(0.2), { maxZoom: 15 });
        }
        first = false;
      })
      .catch(function () { if (mine === request) status.textContent = d.errorMessage; })
      .finally(function () { if (mine === request) box.removeAttribute("aria-busy"); });
  }

  map.on("moveend", load);
  map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
})();
