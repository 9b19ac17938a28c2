// One path for everything the driver does, online or not: it goes into the device's queue first and is
// sent from there, in the order it happened, whenever the network is there. Events travel in batches; a
// delivery's photos follow it, one request each, once the delivery is stored, so a large photo on a weak
// uplink does not hold back the scans queued behind it. An event that still carries a large image (a failed
// attempt's photo) travels on its own after the batches (the server applies events in the order they
// happened, whatever order they arrive in).
// Each event ends stored, duplicate (already there) or refused with the server's reason; a refused event
// is kept and shown, never retried. Without a device token nothing is sent, and nothing is dropped.

import * as db from './db.js';
import {call, upload, Offline} from './api.js';

const BATCH = 100;
/** Halved when a proxy refuses a batch as too large (413), back to BATCH after a batch gets through. */
let batchSize = BATCH;
const HEAVY = 64 * 1024;
/** A photo whose delivery the server says it does not have, after this many tries, is given up (and shown). */
const PHOTO_TRIES = 5;
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
  running = pass().catch(e => {
    // Nothing is lost (the queue is on the device); the next pass tries again.
    console.warn('sending paused:', e && e.message);
    timer = setTimeout(flush, delay);
  }).finally(() => {
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
    if (e.now) {
      timer = setTimeout(flush, 0);
      return;
    }
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
  const light = events.filter(item => item.bytes < HEAVY).slice(0, batchSize);
  if (light.length) {
    await sendEvents(light);
    return true;
  }
  const heavy = events.find(item => item.bytes >= HEAVY);
  if (heavy) {
    await sendEvents([heavy]);
    return true;
  }
  const photo = await nextPhoto(before.filter(item => item.kind === 'photo'));
  if (photo) {
    await sendPhoto(photo);
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
  if (reply.status === 413 && items.length > 1) {
    batchSize = Math.max(1, Math.floor(items.length / 2));
    throw Object.assign(new Error('smaller'), {retry: true, now: true});
  }
  const now = new Date().toISOString();
  if (reply.status === 200 && reply.body && Array.isArray(reply.body.results)) {
    batchSize = BATCH;
    reply.body.results.forEach((result, i) => settle(items[i], result.status, result, now));
  } else if (reply.status === 400 && reply.body && reply.body.type || reply.status === 413) {
    // The server refused the batch as such (a problem document) or one event is too large: say why on each.
    items.forEach(item => settle(item, 'REJECTED', reply.body || {detail: `HTTP ${reply.status}`}, now));
  } else {
    // Anything else (a proxy's 403 or 404, a 415) is not the events' fault: they wait and go again.
    throw Object.assign(new Error(`HTTP ${reply.status}`), {retry: true});
  }
  await db.update(items);
  changed({settled: items});
}

/** The first photo whose delivery is through; photos of a refused delivery are refused with it. */
async function nextPhoto(photos) {
  if (!photos.length) return null;
  const all = await db.queue();
  for (const photo of photos) {
    const event = all.find(item => item.kind === 'event' && item.eventId === photo.eventId);
    if (!event || event.state === 'refused') {
      settle(photo, 'REJECTED', {problem: 'delivery-refused', detail: event ? event.detail : 'its delivery is gone'},
        new Date().toISOString());
      await db.update([photo]);
      changed({settled: [photo]});
      continue;
    }
    if (event.state !== 'pending') return photo;
  }
  return null;
}

async function sendPhoto(item) {
  const reply = await upload(`events/${encodeURIComponent(item.eventId)}/photos/${item.number}`, item.body.jpeg);
  if (answeredLater(reply)) return;
  if (reply.status === 404 && (item.tries = (item.tries || 0) + 1) < PHOTO_TRIES) {
    await db.update([item]);
    throw Object.assign(new Error('later'), {retry: true});
  }
  settle(item, reply.status === 201 ? 'STORED' : reply.status === 200 ? 'DUPLICATE' : 'REJECTED', reply.body || {},
    new Date().toISOString());
  await db.update([item]);
  changed({settled: [item]});
}

async function sendClose(item) {
  const reply = await call('POST', `routes/${item.routeId}/close`, item.body);
  if (answeredLater(reply)) return;
  // Closed already: this close got through before and its answer was lost (the reconciliation is the depot's).
  const closedBefore = reply.status === 409 && reply.body && /route-closed$/.test(reply.body.type || '');
  settle(item, reply.status === 200 || closedBefore ? 'STORED' : 'REJECTED', reply.body || {}, new Date().toISOString());
  if (reply.status === 200) item.reconciliation = reply.body;
  await db.update([item]);
  changed({settled: [item]});
}

function settle(item, status, result, at) {
  item.state = status === 'STORED' ? 'stored' : status === 'DUPLICATE' ? 'duplicate' : 'refused';
  // The server has it: the device keeps the line for the driver, not the images.
  if (item.state !== 'refused') item.body = null;
  item.problem = result.problem || (result.type ? result.type.split('/').pop() : null);
  item.detail = result.detail || null;
  item.errors = result.errors || [];
  item.sentAt = at;
}

/** 401: the device is no longer paired (kept, waiting); 5xx, 429, 408: try again later. */
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
  const everything = await db.queue();
  const mine = everything.filter(item => item.driverId === driverId);
  return {
    waiting: mine.filter(i => i.state === 'pending').length,
    refused: mine.filter(i => i.state === 'refused').length,
    sent: mine.filter(i => i.state === 'stored' || i.state === 'duplicate').length,
    held: everything.filter(i => i.state === 'pending' && i.driverId !== driverId).length,
  };
}

window.addEventListener('online', () => flush());
