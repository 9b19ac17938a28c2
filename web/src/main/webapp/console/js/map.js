// Maps of depots, routes and parcels over Leaflet (window.L, loaded by index.html from the webjar).
// Without a tile server configured (the default, and offline) there is no tile layer: a plain background,
// the depot, the routes and, where the depot plans on the road network, its roads in light grey underneath.

import {get, enc} from './api.js';
import {h} from './dom.js';

/** Distinct colours for routes; CSS has the same palette as .route-colour-0 … .route-colour-9. */
export const PALETTE = ['#1f5fbf', '#c62828', '#2e7d32', '#7b1fa2', '#ef6c00', '#00838f', '#6d4c41', '#ad1457', '#455a64', '#9e9d24'];

export function colourIndex(i) {
  return ((i % PALETTE.length) + PALETTE.length) % PALETTE.length;
}

let settingsPromise = null;

/** GET /api/console/settings once; a server without it means "no tiles". */
export function mapSettings() {
  if (!settingsPromise) {
    settingsPromise = get('console/settings').catch(() => ({tileUrl: null, tileAttribution: null}));
  }
  return settingsPromise;
}

/** Leaflet writes attributions as HTML: the text from the server is escaped first. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

export class ConsoleMap {
  /**
   * @param container an element already in the document (it gets the class "map")
   * @param options depot: a DepotView (marker, centre, roads); label: the map's accessible name
   */
  constructor(container, {depot = null, label = 'Map'} = {}) {
    if (!window.L) throw new Error('Leaflet is not loaded');
    const L = window.L;
    this.container = container;
    this.depot = depot;
    this.attributions = new Set();
    container.classList.add('map');
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
    this.map = L.map(container, {zoomControl: true, keyboard: true, attributionControl: true});
    this.map.attributionControl.setPrefix('Leaflet');
    // Roads in a pane of their own under the overlay pane (400), so routes always stay on top.
    this.map.createPane('roads').style.zIndex = '350';
    this.roads = L.layerGroup().addTo(this.map);
    this.lines = L.layerGroup().addTo(this.map);
    this.markers = L.layerGroup().addTo(this.map);
    this.routes = new Map();
    this.bounds = [];
    this.legendEl = h('ul', {class: 'map-legend', 'aria-label': 'Legend'});
    container.after(this.legendEl);
    if (depot) {
      this.map.setView([depot.latitude, depot.longitude], 12);
      this.addDepot(depot);
    } else {
      this.map.setView([51.5, -0.12], 10);
    }
    container.classList.add('map-plain');
    this.ready = mapSettings().then(settings => this.applySettings(settings));
    if (depot) {
      this.roadsWanted = true;
      this.roadsAsked = 0;
      this.map.on('moveend', () => this.scheduleRoads());
    }
    requestAnimationFrame(() => this.map && this.map.invalidateSize());
  }

  applySettings(settings) {
    if (!this.map || !settings || !settings.tileUrl) return;
    const tiles = window.L.tileLayer(settings.tileUrl, {maxZoom: 19});
    tiles.addTo(this.map);
    tiles.bringToBack();
    this.container.classList.remove('map-plain');
    if (settings.tileAttribution) this.attribute(settings.tileAttribution);
  }

  attribute(text) {
    if (!text || this.attributions.has(text)) return;
    this.attributions.add(text);
    this.map.attributionControl.addAttribution(escapeHtml(text));
  }

  addDepot(depot) {
    const L = window.L;
    const icon = L.divIcon({className: 'depot-icon', html: h('span', {}, 'D'), iconSize: [26, 26]});
    L.marker([depot.latitude, depot.longitude], {icon, title: `Depot ${depot.code} ${depot.name || ''}`, keyboard: true})
      .bindTooltip(textNode(`Depot ${depot.code}`)).addTo(this.markers);
    this.bounds.push([depot.latitude, depot.longitude]);
  }

  /** A single point (a parcel's address, where it was delivered, a placed marker); kind picks its look. */
  addPoint(lat, lon, {title = '', kind = 'address', text = ''} = {}) {
    const L = window.L;
    const icon = L.divIcon({className: 'point-icon point-' + kind, html: h('span', {}, text), iconSize: [20, 20]});
    const marker = L.marker([lat, lon], {icon, title, keyboard: true});
    if (title) marker.bindTooltip(textNode(title));
    marker.addTo(this.markers);
    this.bounds.push([lat, lon]);
    return marker;
  }

  removeLayer(layer) {
    if (layer) layer.remove();
  }

  /**
   * A route: its line (points [[lat, lon]...], else straight legs depot → stops → depot) and numbered stops.
   * stops: [{sequence, latitude, longitude, trackingId, eta}]
   */
  addRoute({id, label, colour = 0, points = null, stops = [], attribution = null}) {
    const L = window.L;
    const index = colourIndex(colour);
    const located = stops.filter(s => s.latitude !== null && s.latitude !== undefined && s.longitude !== null && s.longitude !== undefined);
    let path = points && points.length > 1 ? points : null;
    if (!path) {
      const depotPoint = this.depot ? [[this.depot.latitude, this.depot.longitude]] : [];
      path = [...depotPoint, ...located.map(s => [s.latitude, s.longitude]), ...depotPoint];
    }
    const group = L.layerGroup();
    const line = L.polyline(path, {color: PALETTE[index], weight: 4, opacity: 0.85, className: 'route-line'});
    line.bindTooltip(textNode(label));
    line.addTo(group);
    const stopMarkers = L.layerGroup();
    for (const stop of located) {
      const icon = L.divIcon({className: `stop-icon route-colour-${index}`, html: h('span', {}, String(stop.sequence)), iconSize: [22, 22]});
      const title = `${label}, stop ${stop.sequence}${stop.trackingId ? ' ' + stop.trackingId : ''}${stop.eta ? ' at ' + stop.eta : ''}`;
      L.marker([stop.latitude, stop.longitude], {icon, title, keyboard: false}).bindTooltip(textNode(title)).addTo(stopMarkers);
    }
    group.addTo(this.lines);
    stopMarkers.addTo(this.markers);
    this.routes.set(String(id), {line, stopMarkers, index, label});
    path.forEach(p => this.bounds.push(p));
    if (attribution) this.attribute(attribution);
    this.legendEl.append(h('li', {dataTest: 'legend-route', 'data-route': String(id)},
      h('span', {class: `swatch route-colour-${index}`, 'aria-hidden': 'true'}), label));
    return line;
  }

  /** Brings one route forward and fades the others; null shows all alike. */
  highlight(id) {
    for (const [key, route] of this.routes) {
      const on = id === null || id === undefined || key === String(id);
      route.line.setStyle({opacity: on ? 0.9 : 0.2, weight: key === String(id) ? 7 : 4});
      route.stopMarkers.eachLayer(m => m.setOpacity(on ? 1 : 0.35));
      if (key === String(id)) route.line.bringToFront();
    }
    for (const li of this.legendEl.children) {
      li.classList.toggle('active', li.dataset.route === String(id));
    }
  }

  clearRoutes() {
    this.lines.clearLayers();
    for (const route of this.routes.values()) route.stopMarkers.remove();
    this.routes.clear();
    this.legendEl.replaceChildren();
    this.bounds = this.depot ? [[this.depot.latitude, this.depot.longitude]] : [];
  }

  fit() {
    if (!this.map) return;
    this.map.invalidateSize();
    if (this.bounds.length > 1) {
      this.map.fitBounds(this.bounds, {padding: [24, 24], maxZoom: 16});
    } else if (this.bounds.length === 1) {
      this.map.setView(this.bounds[0], 14);
    }
  }

  onClick(callback) {
    this.map.on('click', e => callback(e.latlng.lat, e.latlng.lng));
  }

  scheduleRoads() {
    clearTimeout(this.roadsTimer);
    if (!this.roadsWanted) return;
    this.roadsTimer = setTimeout(() => this.loadRoads(), 400);
  }

  /** The depot's roads in view (GET /api/depots/{code}/roads), drawn under everything; nothing for straight-line depots. */
  async loadRoads() {
    if (!this.map || !this.depot) return;
    const b = this.map.getBounds();
    // The server draws roads for a view of at most half a degree a side; a wider view shows none, and asks
    // again when the person zooms in.
    if (b.getNorth() - b.getSouth() > 0.5 || b.getEast() - b.getWest() > 0.5) {
      this.roads.clearLayers();
      return;
    }
    const asked = ++this.roadsAsked;
    let answer;
    try {
      answer = await get(`depots/${enc(this.depot.code)}/roads`, {query: {
        south: b.getSouth().toFixed(5), west: b.getWest().toFixed(5), north: b.getNorth().toFixed(5), east: b.getEast().toFixed(5)}});
    } catch (e) {
      if (e.status !== 400) this.roadsWanted = false;
      return;
    }
    if (!this.map || asked !== this.roadsAsked) return;
    this.roads.clearLayers();
    const roads = answer && Array.isArray(answer.roads) ? answer.roads : [];
    if (!roads.length) return;
    window.L.polyline(roads, {color: '#b8bec6', weight: 1.5, opacity: 0.9, interactive: false, className: 'road-line', pane: 'roads'}).addTo(this.roads);
    if (answer.attribution) this.attribute(answer.attribution);
  }

  /** A van where its latest fix puts it; moves the same marker when the route's van moves again. */
  moveVan({routeId, latitude, longitude, at, label = ''}) {
    if (!this.map) return;
    this.vans = this.vans || new Map();
    const title = `Van of route ${routeId}${label ? ' · ' + label : ''} · ${new Date(at).toLocaleTimeString('en-GB')}`;
    const known = this.vans.get(String(routeId));
    if (known) {
      known.setLatLng([latitude, longitude]);
      known.setTooltipContent(textNode(title));
      return;
    }
    const icon = window.L.divIcon({className: 'van-icon', html: h('span', {}, 'V'), iconSize: [24, 24]});
    const marker = window.L.marker([latitude, longitude], {icon, title, keyboard: false, zIndexOffset: 1000})
      .bindTooltip(textNode(title)).addTo(this.markers);
    marker.getElement()?.setAttribute('data-route-id', String(routeId));
    this.vans.set(String(routeId), marker);
  }

  destroy() {
    clearTimeout(this.roadsTimer);
    if (this.map) this.map.remove();
    this.map = null;
    this.legendEl.remove();
  }
}

/** Leaflet puts a tooltip's string into innerHTML; addresses and names are data, so they go in as text. */
function textNode(text) {
  const span = document.createElement('span');
  span.textContent = String(text ?? '');
  return span;
}
