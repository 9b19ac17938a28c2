// Today: how a depot's day is going, refreshed every 15 seconds while the screen is open.

import {may} from '../session.js';
import {get, enc} from '../api.js';
import {h, replace, section, table, percent, progress, badge, clock, link} from '../dom.js';
import {depotDatePicker} from '../widgets.js';
import {loadFailure} from '../feedback.js';

const POLL_MS = 15000;

export function render(main, ctx) {
  const body = h('div', {id: 'today', class: 'stack', 'aria-busy': 'false'});
  const updated = h('span', {id: 'today-updated', class: 'updated', dataTest: 'today-updated'});
  let timer = null;
  let wanted = null;
  ctx.onLeave(() => clearTimeout(timer));

  async function refresh() {
    clearTimeout(timer);
    const {depot, date} = wanted;
    body.setAttribute('aria-busy', 'true');
    try {
      const day = await get(`depots/${enc(depot)}/today`, {query: {date}, signal: ctx.signal});
      const late = may(['DISPATCHER', 'DEPOT_STAFF', 'MANAGER'])
        ? await get(`depots/${enc(depot)}/late-routes`, {query: {date}, signal: ctx.signal}).catch(() => null) : null;
      if (!ctx.alive() || wanted.depot !== depot || wanted.date !== date) return;
      show(body, day, late);
      updated.textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
      timer = setTimeout(refresh, POLL_MS);
    } catch (error) {
      if (!ctx.alive()) return;
      replace(body, loadFailure(error, "Today's summary"));
      if (!error.endpointMissing && error.status !== 404) timer = setTimeout(refresh, POLL_MS);
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }

  main.append(
    h('div', {class: 'toolbar'}, depotDatePicker({signal: ctx.signal, onChange: choice => { wanted = choice; refresh(); }}), updated),
    body);
}

function show(body, day, late) {
  const byStatus = Object.entries(day.parcelsByStatus || {});
  const total = byStatus.reduce((sum, [, n]) => sum + n, 0);
  replace(body,
    h('ul', {class: 'kpis', id: 'today-kpis'},
      kpi('Parcels', total, 'today-parcels'),
      kpi('Delivered', day.delivered, 'today-delivered'),
      kpi('Vans out', day.vansOut, 'today-vans-out'),
      kpi('Running late', day.routesRunningLate, 'today-running-late', null, 'by the live forecast'),
      // Links only for those whose screens they open (the same roles as the navigation).
      kpi('Open exceptions', day.openExceptions, 'today-open-exceptions',
        may(['DEPOT_STAFF', 'MANAGER']) ? '#/exceptions' : null),
      kpi('Address checks waiting', day.addressChecksWaiting, 'today-address-checks',
        may(['DEPOT_STAFF']) ? '#/address-checks' : null),
      kpi('First-attempt success', percent(day.firstAttemptSuccess), 'today-first-attempt',
        null, day.firstAttempts ? `${day.firstAttempts} first attempts` : 'nothing to measure yet'),
      kpi('On time', percent(day.onTime), 'today-on-time', null,
        day.delivered ? `${day.deliveredOnTime ?? 0} of ${day.delivered} delivered in their slot` : 'nothing to measure yet')),
    late ? section('Running late', lateTable(late)) : null,
    section('Routes', routesTable(day.routes || [])),
    section('Parcels by status', table({
      id: 'today-status', caption: null,
      columns: [{label: 'Status', cell: ([status]) => badge(status)}, {label: 'Parcels', class: 'num', cell: ([, n]) => n}],
      rows: byStatus, empty: 'No parcels for this day.',
    })));
}

function kpi(label, value, id, href, hint) {
  const shown = value === null || value === undefined ? '—' : String(value);
  const valueEl = h('span', {class: 'kpi-value', id, dataTest: id}, shown);
  return h('li', {class: 'kpi'},
    href ? h('a', {href}, valueEl, h('span', {class: 'kpi-label'}, label)) : [valueEl, h('span', {class: 'kpi-label'}, label)],
    hint ? h('span', {class: 'hint'}, ' · ' + hint) : null);
}

/** Routes the live forecast sees missing slots or the driver's shift end, worst first. */
function lateTable(routes) {
  return table({
    id: 'today-late',
    columns: [
      {label: 'Route', cell: r => link(`#${r.routeId} ${r.vehicle || ''}`, '#/routes?route=' + r.routeId)},
      {label: 'Driver', key: 'driver'},
      {label: 'Stops late', class: 'num', cell: r => `${r.stopsLate} of ${r.stopsLeft}`},
      {label: 'Worst', class: 'num', cell: r => `${r.worstLateMinutes} min`},
      {label: 'Back at depot', cell: r => clock(r.predictedReturn) || '—'},
      {label: 'Over shift', class: 'num', cell: r => r.overShiftMinutes ? `${r.overShiftMinutes} min` : '—'},
    ],
    rows: routes, empty: 'No route is running late.',
  });
}

function routesTable(routes) {
  return table({
    id: 'today-routes',
    columns: [
      {label: 'Route', cell: r => link(`#${r.id} ${r.vehicle || ''}`, '#/routes?route=' + r.id)},
      {label: 'Driver', key: 'driver'},
      {label: 'Status', cell: r => badge(r.status)},
      {label: 'Departed', cell: r => clock(r.departedAt) || '—'},
      {label: 'Next stop', cell: r => clock(r.nextEta) || '—'},
      {label: 'Progress', cell: r => h('span', {class: 'route-progress'},
        progress(r.stopsDone, r.stops, `Route ${r.id}: ${r.stopsDone} of ${r.stops} stops done`, {dataTest: 'route-progress'}),
        `${r.stopsDone}/${r.stops}`,
        r.late ? h('span', {class: 'late', dataTest: 'route-late'}, ' late') : null)},
    ],
    rows: routes, empty: 'No routes published for this day.',
  });
}
