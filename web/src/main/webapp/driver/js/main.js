// The driver's app: screens by address (#day, #load, #stop/3, …), every action into the device's queue,
// the top bar with the next stop, the stops left, the expected finish and what is still waiting to be sent.

import * as db from './db.js';
import * as outbox from './outbox.js';
import {call, Offline} from './api.js';
import {init, t, time} from './i18n.js';
import {day, load, refresh, route, calls, callDone} from './day.js';
import {watchPosition} from './capture.js';
import * as positions from './positions.js';
import {onScan} from './scanner.js';
import * as screens from './screens.js';

const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

async function device() {
  return (await db.meta('device')) || null;
}

export async function go(hash) {
  if (location.hash !== hash) location.hash = hash;
  else await render();
}

async function render() {
  onScan(null);
  const paired = await device();
  const [name, arg] = location.hash.replace(/^#/, '').split('/');
  if (!paired || paired.revoked || name.startsWith('pair')) {
    await screens.pairing(paired);
  } else if (name === 'load') {
    screens.loadOut();
  } else if (name === 'stop') {
    screens.stop(Number(arg));
  } else if (name === 'deliver') {
    screens.deliver(Number(arg));
  } else if (name === 'fail') {
    screens.fail(Number(arg));
  } else if (name === 'close') {
    screens.close();
  } else if (name === 'queue') {
    await screens.queue();
  } else {
    screens.start();
  }
  await bar();
  const main = document.getElementById('screen');
  const first = main.querySelector('[data-scan]') || main.querySelector('h1');
  if (first) first.focus({preventScroll: true});
}

/** The top bar: always there, the same on every screen. */
export async function bar() {
  const counts = await outbox.counts();
  const badge = document.getElementById('queue-badge');
  badge.textContent = counts.waiting ? t('waitingToSend', {n: counts.waiting}) : t('allSent');
  badge.classList.toggle('waiting', counts.waiting > 0);
  badge.classList.toggle('refused', counts.refused > 0);
  if (counts.refused) badge.textContent += ' · ' + t('refusedCount', {n: counts.refused});
  badge.dataset.waiting = counts.waiting;
  badge.onclick = () => go('#queue');
  document.getElementById('net').textContent = navigator.onLine ? t('online') : t('offline');
  document.getElementById('net').classList.toggle('off', !navigator.onLine);
  const progress = document.getElementById('progress');
  const r = route();
  if (!r) {
    progress.replaceChildren();
    return;
  }
  const all = calls(r);
  const left = all.filter(c => !callDone(c));
  const next = left[0];
  progress.replaceChildren(
    next ? screens.line('bar-next', t('nextStop'), next.address) : screens.line('bar-next', t('nextStop'), t('none')),
    screens.line('bar-left', t('stopsLeft'), String(left.length)),
    screens.line('bar-finish', t('expectedFinish'), time(expectedFinish(r, next))));
}

/** The planned finish, later by as much as the driver is behind the next stop's planned time. */
function expectedFinish(r, next) {
  const planned = r.returnsAt || (r.stops.length ? r.stops[r.stops.length - 1].eta : r.departure);
  if (!next || !planned) return planned;
  const behind = Date.now() - new Date(next.eta).getTime();
  return behind > 0 ? new Date(new Date(planned).getTime() + behind).toISOString() : planned;
}

async function renew(paired) {
  if (new Date(paired.expiresAt).getTime() - Date.now() > RENEW_BEFORE_MS) return;
  try {
    const reply = await call('POST', 'devices/me/token');
    if (reply.status === 200) await db.setMeta('device', {...paired, expiresAt: reply.body.expiresAt});
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
  }
}

let syncing = null;

/** The manifest again when the network is there, one fetch at a time; what the depot changed shows on the start screen. */
export function sync() {
  if (!syncing) syncing = syncOnce().catch(e => console.warn('manifest not refreshed:', e && e.message))
    .finally(() => { syncing = null; });
  return syncing;
}

async function syncOnce() {
  const paired = await device();
  if (!paired || paired.revoked) return;
  try {
    const reply = await refresh();
    if (reply.status === 401) return unpaired();
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
  }
  if (['', '#', '#day'].includes(location.hash)) await render();
  else await bar();
}

async function unpaired() {
  const paired = await device();
  if (paired && !paired.revoked) await db.setMeta('device', {...paired, revoked: true});
  outbox.sendFor(null);
  await go('#pair');
}

async function boot() {
  await init();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', {scope: './'}).catch(() => {});
  }
  watchPosition();
  positions.record();
  await db.forgetSettled(7).catch(() => {});
  await load();
  const paired = await device();
  outbox.whenUnpaired(unpaired);
  outbox.onChange(() => load().then(bar).then(() => screens.refreshed())
    .catch(e => console.warn('screen not refreshed:', e && e.message)));
  if (paired && !paired.revoked) {
    // A renewal replaces the token at once: nothing else may be in flight with the old one meanwhile.
    await renew(paired).catch(() => {});
    outbox.sendFor(paired.driverId);
    outbox.flush();
  }
  window.addEventListener('hashchange', () => render().catch(e => console.error(e)));
  window.addEventListener('online', () => {
    sync();
    bar();
  });
  window.addEventListener('offline', () => bar());
  setInterval(() => {
    outbox.flush();
    positions.send();
  }, 20000);
  setInterval(sync, 120000);
  await render();
  document.body.dataset.ready = 'true';
  sync();
}

boot();
