// The van's GPS fixes for live ETAs: taken while a route is open, kept on the device (one per 15 seconds, at most
// a day's worth) and sent in batches, oldest first, like the scans: offline they wait, and a re-sent batch is
// harmless (the server ignores fixes at or before the route's latest position).

import * as db from './db.js';
import {call, Offline} from './api.js';
import {route} from './day.js';

const EVERY_MS = 15000;
const MOST = 6000;
const BATCH = 500;
let sending = false;

/** Starts recording; the browser asks the driver once for the position permission. */
export function record() {
  if (!navigator.geolocation) return;
  navigator.geolocation.watchPosition(p => keep(p).catch(e => console.warn('fix not kept:', e && e.message)),
    () => {}, {enableHighAccuracy: true, maximumAge: 10000});
}

async function keep(p) {
  const open = route();
  if (!open || open.closed) return;
  const fixes = (await db.meta('fixes')) || [];
  const last = fixes[fixes.length - 1];
  if (last && p.timestamp - Date.parse(last.at) < EVERY_MS) return;
  const fix = {at: new Date(p.timestamp).toISOString(), latitude: p.coords.latitude, longitude: p.coords.longitude,
    accuracyM: Math.round(p.coords.accuracy)};
  if (p.coords.speed !== null && p.coords.speed >= 0) fix.speedKmh = Math.round(p.coords.speed * 36) / 10;
  fixes.push(fix);
  await db.setMeta('fixes', fixes.slice(-MOST));
}

/** Sends what waits, a batch at a time; stops at the first batch without an answer. */
export async function send() {
  if (sending) return;
  sending = true;
  try {
    for (;;) {
      const fixes = (await db.meta('fixes')) || [];
      if (!fixes.length) return;
      const batch = fixes.slice(0, BATCH);
      const reply = await call('POST', 'positions', {fixes: batch});
      if (reply.status !== 200 && reply.status !== 400) return;
      // The server answered for each fix (stored, known, or refused for good): none is sent again.
      const rest = ((await db.meta('fixes')) || []).filter(f => f.at > batch[batch.length - 1].at);
      await db.setMeta('fixes', rest);
    }
  } catch (e) {
    if (!(e instanceof Offline)) console.warn('positions not sent:', e && e.message);
  } finally {
    sending = false;
  }
}
