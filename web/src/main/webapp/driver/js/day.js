// The driver's day as the device knows it: the manifest last fetched, with what the driver has done since
// (the queue) laid over it, so every screen works the same with or without a network.

import * as db from './db.js';
import {call} from './api.js';

export const day = {manifest: null, events: [], routeId: null};

/** The manifest kept on the device, and the queue. */
export async function load() {
  day.manifest = (await db.meta('manifest')) || null;
  // Each stop knows its route: what the device did counts for that route only (a parcel tried yesterday is new today).
  for (const r of (day.manifest ? day.manifest.routes : [])) for (const s of r.stops) s.routeId = r.routeId;
  day.events = await db.queue();
  const chosen = await db.meta('routeId');
  const routes = day.manifest ? day.manifest.routes : [];
  day.routeId = routes.some(r => r.routeId === chosen) ? chosen : (routes.find(r => !r.closed) || routes[0] || {}).routeId ?? null;
}

export async function chooseRoute(routeId) {
  day.routeId = routeId;
  await db.setMeta('routeId', routeId);
}

export function route() {
  return day.manifest ? day.manifest.routes.find(r => r.routeId === day.routeId) || null : null;
}

/**
 * Fetches today's manifest. What the depot changed since the last one the device holds (a stop re-planned,
 * a parcel recalled or redirected) is kept as notices for the driver.
 * @returns the new notices, or null when the server could not be asked
 */
export async function refresh() {
  const reply = await call('GET', 'manifest');
  if (reply.status !== 200) return reply;
  const before = day.manifest;
  // What the driver did on this device explains its own changes (a failed attempt sends a parcel back to planning).
  const handled = new Set(day.events.filter(e => e.kind === 'event' && e.type !== 'LOAD_OUT' && e.state !== 'refused')
    .map(e => e.trackingId));
  const notices = before && before.date === reply.body.date ? differences(before, reply.body, handled) : [];
  day.manifest = reply.body;
  await db.setMeta('manifest', reply.body);
  if (notices.length) {
    const kept = (await db.meta('notices')) || [];
    await db.setMeta('notices', kept.concat(notices));
  }
  await load();
  await fetchLines(reply.body.routes).catch(() => {});
  return reply;
}

/** Each route's line along the roads, kept per revision: the map draws it offline too. */
async function fetchLines(routes) {
  for (const r of routes) {
    const kept = await db.meta('line-' + r.routeId);
    if (kept && kept.revision === r.revision) continue;
    const line = await call('GET', `routes/${r.routeId}/geometry`);
    if (line.status === 200) await db.setMeta('line-' + r.routeId, {revision: r.revision, points: line.body.points});
  }
}

export async function lineOf(r) {
  const kept = await db.meta('line-' + r.routeId);
  return kept && kept.revision === r.revision ? kept.points : null;
}

function stopsOf(manifest) {
  const stops = new Map();
  for (const r of manifest.routes) for (const s of r.stops) stops.set(s.trackingId, {...s, routeId: r.routeId, revision: r.revision});
  return stops;
}

function differences(before, after, handled) {
  const old = stopsOf(before);
  const now = stopsOf(after);
  const notices = [];
  for (const [id, stop] of now) {
    const was = old.get(id);
    if (handled.has(id)) continue;
    if (!was) notices.push({kind: 'added', trackingId: id, address: stop.address});
    else if (was.address !== stop.address) notices.push({kind: 'redirected', trackingId: id, address: stop.address});
    else if (['safePlace', 'neighbour', 'locker', 'instructions', 'contactless'].some(k => was[k] !== stop[k])) {
      notices.push({kind: 'wishes', trackingId: id, address: stop.address});
    }
    else if (was.status !== stop.status && !['PLANNED', 'OUT_FOR_DELIVERY', 'DELIVERED'].includes(stop.status)) {
      notices.push({kind: 'status', trackingId: id, status: stop.status, address: stop.address});
    }
  }
  for (const [id, stop] of old) {
    if (!now.has(id)) notices.push({kind: 'removed', trackingId: id, address: stop.address});
  }
  for (const r of after.routes) {
    const was = before.routes.find(x => x.routeId === r.routeId);
    if (was && was.revision !== r.revision) notices.push({kind: 'replanned', vehicle: r.vehicle});
  }
  return notices;
}

/** What the device did last to a parcel (not counting refused events), else what the manifest says. */
export function status(stop) {
  let local = null;
  for (const e of day.events) {
    if (e.kind === 'event' && e.state !== 'refused' && e.trackingId === stop.trackingId && e.routeId === stop.routeId) {
      local = e.type;
    }
  }
  if (local === 'DELIVERED' || local === 'FAILED' || local === 'RETURNED_TO_DEPOT') return local;
  if (stop.status === 'DELIVERED') return 'DELIVERED';
  if (local === 'LOAD_OUT' || stop.status === 'OUT_FOR_DELIVERY') return 'LOADED';
  return 'TO_LOAD';
}

/** A call is what the driver sees as one stop: consecutive stops at the same address, each with its parcel. */
export function calls(r = route()) {
  if (!r) return [];
  const calls = [];
  for (const stop of r.stops) {
    const last = calls[calls.length - 1];
    if (last && last.address === stop.address && last.postcode === stop.postcode && last.kind === stop.kind) {
      last.stops.push(stop);
    } else {
      calls.push({index: calls.length, address: stop.address, postcode: stop.postcode, kind: stop.kind,
        latitude: stop.latitude, longitude: stop.longitude, eta: stop.eta, recipient: stop.recipient, stops: [stop]});
    }
  }
  return calls;
}

export function callDone(call) {
  return call.stops.every(s => ['DELIVERED', 'FAILED', 'RETURNED_TO_DEPOT'].includes(status(s)));
}

/** The stop on this driver's routes a scanned tracking id belongs to, with its route. */
export function findStop(trackingId) {
  for (const r of (day.manifest ? day.manifest.routes : [])) {
    const stop = r.stops.find(s => s.trackingId === trackingId);
    if (stop) return {route: r, stop};
  }
  return null;
}

/** The van that carries a parcel of another route of the depot today, from the manifest. */
export function otherVehicle(trackingId) {
  const other = (day.manifest ? day.manifest.otherVehicles : []).find(v => v.trackingIds.includes(trackingId));
  return other ? other.vehicle : null;
}

export function closeOf(routeId) {
  return day.events.filter(e => e.kind === 'close' && e.routeId === routeId && e.state !== 'refused').pop() || null;
}

/** Failed attempts so far: the server's count at the last manifest, plus the ones this device recorded since. */
export function attemptsOf(stop) {
  return (stop.failedAttempts || 0) + day.events.filter(e => e.kind === 'event' && e.type === 'FAILED'
    && e.trackingId === stop.trackingId && e.routeId === stop.routeId && e.state === 'pending').length;
}
