// The route on a map, offline: Leaflet from the application's own webjar, the depot and the stops in order
// on a plain background; the carrier's tile server underneath only when one is configured.

let map = null;

/** @param line the route's points along the roads, or null for straight legs between the stops */
export function routeMap(container, route, calls, tileUrl, line) {
  if (!window.L) return;
  const L = window.L;
  if (map) {
    map.remove();
    map = null;
  }
  container.classList.add('map-plain');
  map = L.map(container, {zoomControl: true, attributionControl: !!tileUrl, keyboard: true, maxZoom: 18});
  if (tileUrl) {
    L.tileLayer(tileUrl, {maxZoom: 19}).addTo(map);
    container.classList.remove('map-plain');
  }
  const depot = [route.depot.latitude, route.depot.longitude];
  const points = [depot, ...calls.map(c => [c.latitude, c.longitude]), depot];
  L.polyline(line && line.length > 1 ? line : points, {color: '#0b3d91', weight: 4, opacity: 0.8}).addTo(map);
  L.circleMarker(depot, {radius: 9, color: '#000', fillColor: '#ffb300', fillOpacity: 1}).addTo(map)
    .bindTooltip(route.depot.name);
  calls.forEach(c => {
    L.circleMarker([c.latitude, c.longitude], {radius: 7, color: '#0b3d91', fillColor: '#fff', fillOpacity: 1})
      .addTo(map).bindTooltip(`${c.index + 1}. ${c.address}`)
      .on('click', () => { location.hash = `#stop/${c.index}`; });
  });
  map.fitBounds(L.latLngBounds(points), {padding: [16, 16]});
  requestAnimationFrame(() => map && map.invalidateSize());
}
