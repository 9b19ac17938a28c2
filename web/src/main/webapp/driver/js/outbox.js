// One path for everything the driver does, online or not: it goes into the device's queue first and is
// sent from there, in the order it happened, whenever the network is there. Small scans travel in batches;
// an event carrying photos travels on its own after them, so a large photo on a weak uplink does not hold
// the scans back (the server applies events in the order they happened, whatever order they arrive in).
// Each event ends stored, duplicate (already there) or refused with the server's reason; a refused event
// is kept and shown, never retried. Without a device token nothing is sent, and nothing is dropped.

import * as db from './db.js';
import {call, Offline} from './api.js';

const BATCH = 100;
const HEAVY = 64 * 1024;
const listeners = new Set();
let running = null;
let again = false;
let delay = 2000;
let timer = null;
let driverId = null;
let onUnpaired = () => {};

export function onChange(listener) {
  listeners.add(listener);
}

export function whenUnpaired(callback) {
  onUnpaired = callback;
}

/** Events are sent for the paired driver only: a device paired to someone else keeps the first driver's. */
export function sendFor(id) {
  driverId = id;
}

function changed(detail) {
  for (const listener of listeners) listener(detail);
}

/** Queues events (and a day close, if any) and starts sending. */
export async function add(items) {
  const stamped = items.map(item => ({...item, state: 'pending', bytes: JSON.stringify(item.body).length}));
  await db.append(stamped);
  changed({queued: stamped});
  flush();
}

export function flush() {
  if (running) {
    again = true;
    return running;
  }
  clearTimeout(timer);
  running = pass().finally(() => {
    running = null;
    if (again) {
      again = false;
      flush();
    }
  });
  return running;
}

async function pass() {
  try {
    while (await sendSome()) {
      // until the queue is empty or the network is gone
    }
    delay = 2000;
  } catch (e) {
    if (e.unpaired) return;
    if (e instanceof Offline || e.retry) {
      timer = setTimeout(flush, delay);
      delay = Math.min(delay * 2, 60000);
      changed({offline: e instanceof Offline});
      return;
    }
    throw e;
  }
}

/** @returns whether something was sent (so there may be more). */
async function sendSome() {
  if (driverId === null) return false;
  const waiting = (await db.pending()).filter(item => item.driverId === driverId).sort((a, b) => a.seq - b.seq);
  if (!waiting.length) return false;
  const close = waiting.find(item => item.kind === 'close');
  const before = close ? waiting.filter(item => item.seq < close.seq) : waiting;
  const events = before.filter(item => item.kind === 'event');
  const light = events.filter(item => item.bytes < HEAVY).slice(0, BATCH);
  if (light.length) {
    await sendEvents(light);
    return true;
  }
  const heavy = events.find(item => item.bytes >= HEAVY);
  if (heavy) {
    await sendEvents([heavy]);
    return true;
  }
  if (close) {
    await sendClose(close);
    return true;
  }
  return false;
}

async function sendEvents(items) {
  const reply = await call('POST', 'events', {events: items.map(item => item.body)});
  if (answeredLater(reply)) return;
  const now = new Date().toISOString();
  if (reply.status === 200 && reply.body && Array.isArray(reply.body.results)) {
    reply.body.results.forEach((result, i) => settle(items[i], result.status, result, now));
  } else {
    // The whole batch was refused (it cannot be one event's fault the server could name): say why on each.
    items.forEach(item => settle(item, 'REJECTED', reply.body || {detail: `HTTP ${reply.status}`}, now));
  }
  await db.update(items);
  changed({settled: items});
}

async function sendClose(item) {
  const reply = await call('POST', `routes/${item.routeId}/close`, item.body);
  if (answeredLater(reply)) return;
  settle(item, reply.status === 200 ? 'STORED' : 'REJECTED', reply.body || {}, new Date().toISOString());
  if (reply.status === 200) item.reconciliation = reply.body;
  await db.update([item]);
  changed({settled: [item]});
}

function settle(item, status, result, at) {
  item.state = status === 'STORED' ? 'stored' : status === 'DUPLICATE' ? 'duplicate' : 'refused';
  item.problem = result.problem || (result.type ? result.type.split('/').pop() : null);
  item.detail = result.detail || null;
  item.errors = result.errors || [];
  item.sentAt = at;
}

/** 401: the device is no longer paired (kept, waiting); 5xx, 429, 403 from a proxy: try again later. */
function answeredLater(reply) {
  if (reply.status === 401) {
    onUnpaired();
    const stop = new Error('unpaired');
    stop.retry = false;
    throw Object.assign(stop, {unpaired: true});
  }
  if (reply.status >= 500 || reply.status === 429 || reply.status === 408) {
    throw Object.assign(new Error('later'), {retry: true});
  }
  return false;
}

export async function counts() {
  const all = (await db.queue()).filter(item => item.driverId === driverId);
  return {
    waiting: all.filter(i => i.state === 'pending').length,
    refused: all.filter(i => i.state === 'refused').length,
    sent: all.filter(i => i.state === 'stored' || i.state === 'duplicate').length,
    held: (await db.queue()).filter(i => i.state === 'pending' && i.driverId !== driverId).length,
  };
}

window.addEventListener('online', () => flush());
