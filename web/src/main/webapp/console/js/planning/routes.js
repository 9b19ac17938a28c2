// Route board: a depot's routes of the day on the map, each with its progress; pick one to bring it forward.

import {get, enc} from '../api.js';
import {h, replace, table, clock, progress} from '../dom.js';
import {depotDatePicker} from '../widgets.js';
import {loadFailure, say} from '../feedback.js';
import {ConsoleMap, colourIndex} from '../map.js';

export function render(main, ctx) {
  const listArea = h('div', {id: 'route-list'});
  const mapEl = h('div', {id: 'routes-map', dataTest: 'map'});
  let map = null;
  let loadId = 0;
  let feed = null;
  ctx.onLeave(() => {
    if (feed) feed.close();
    if (map) map.destroy();
  });
  main.append(depotDatePicker({signal: ctx.signal, onChange: load}), mapEl, listArea);
  const wantedRoute = ctx.query.get('route');

  async function load({depot, date, depotView}) {
    const id = ++loadId;
    if (map) map.destroy();
    map = new ConsoleMap(mapEl, {depot: depotView, label: `Routes of ${depot} on ${date}`});
    replace(listArea, h('p', {class: 'hint'}, 'Loading…'));
    let routes;
    let progressOf = new Map();
    try {
      routes = await get('routes', {query: {depot, date}, signal: ctx.signal});
    } catch (error) {
      if (ctx.alive()) replace(listArea, loadFailure(error, 'The routes'));
      return;
    }
    try {
      const today = await get(`depots/${enc(depot)}/today`, {query: {date}, signal: ctx.signal});
      progressOf = new Map((today.routes || []).map(r => [String(r.id), r]));
    } catch (error) {
      // Progress comes from the day's summary; without it the board still shows the plan.
    }
    if (!ctx.alive() || id !== loadId) return;
    const geometries = await Promise.all(routes.map(r => get(`routes/${r.id}/geometry`, {signal: ctx.signal}).catch(() => null)));
    if (!ctx.alive() || id !== loadId) return;
    routes.forEach((r, i) => {
      const g = geometries[i];
      map.addRoute({id: r.id, colour: i, label: `Route ${r.id} · ${r.vehicle}${r.driver ? ' · ' + r.driver : ''}`,
        points: g && g.points, attribution: g && g.attribution,
        stops: r.stops.map(s => ({...s, eta: clock(s.eta)}))});
    });
    map.fit();
    showList(routes, progressOf);
    followVans(depot, routes);
    if (wantedRoute && routes.some(r => String(r.id) === wantedRoute)) pick(wantedRoute);
  }

  /** The vans as they move: their last positions, then the depot's live feed (server-sent events). */
  async function followVans(depot, routes) {
    if (feed) feed.close();
    const labels = new Map(routes.map(r => [String(r.id), `${r.vehicle}${r.driver ? ' · ' + r.driver : ''}`]));
    const show = van => labels.has(String(van.routeId)) && map.moveVan({...van, label: labels.get(String(van.routeId))});
    try {
      (await get(`depots/${enc(depot)}/vans`, {signal: ctx.signal})).forEach(show);
    } catch (error) {
      return; // not allowed to see positions (customer service, managers), or none: the board shows the plan
    }
    if (!ctx.alive() || !window.EventSource) return;
    feed = new EventSource(new URL(`../api/depots/${enc(depot)}/vans/stream`, document.baseURI));
    feed.addEventListener('position', event => show(JSON.parse(event.data)));
  }

  function pick(routeId) {
    map.highlight(routeId);
    for (const row of listArea.querySelectorAll('tbody tr')) {
      const on = row.dataset.routeId === String(routeId);
      row.classList.toggle('selected', on);
      row.setAttribute('aria-selected', String(on));
    }
    say(`Route ${routeId} highlighted on the map.`);
  }

  function showList(routes, progressOf) {
    const rows = routes.map((r, i) => {
      const p = progressOf.get(String(r.id));
      const total = p ? p.stops : r.stops.length;
      const done = p ? p.stopsDone : 0;
      return h('tr', {class: 'clickable', tabindex: '0', 'data-route-id': String(r.id), dataTest: 'route-row',
        on: {click: () => pick(r.id), keydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(r.id); } }}},
        h('th', {scope: 'row'}, h('span', {class: `swatch route-colour-${colourIndex(i)}`, 'aria-hidden': 'true'}), ` Route ${r.id}`),
        h('td', {}, r.vehicle), h('td', {}, r.driver || '—'),
        h('td', {}, `${clock(r.departure)}–${clock(r.returnsAt)}`),
        h('td', {class: 'num'}, `${r.distanceKm} km`),
        h('td', {}, h('span', {class: 'route-progress'},
          progress(done, total, `Route ${r.id}: ${done} of ${total} stops done`, {dataTest: 'route-progress'}),
          p ? `${done}/${total}` : `${total} stops`, p && p.late ? h('span', {class: 'late'}, ' late') : null)),
        h('td', {}, r.withdrawn ? 'withdrawn' : (p ? (p.status || '').toLowerCase().replace(/_/g, ' ') : '')));
    });
    replace(listArea, table({id: 'routes', caption: `${routes.length} routes`, rows, empty: 'No route published for this day.',
      columns: [{label: 'Route'}, {label: 'Vehicle'}, {label: 'Driver'}, {label: 'Time'}, {label: 'Distance'}, {label: 'Progress'}, {label: 'Status'}]}));
  }
}
