// The screens of the driver's day. Each builds its page from the day the device knows (day.js) and puts
// what the driver does into the queue (outbox.js); none waits for the network.

import * as db from './db.js';
import * as outbox from './outbox.js';
import {call, Offline} from './api.js';
import {t, time, day as dayName} from './i18n.js';
import {day, load, refresh, route, calls, callDone, status, findStop, otherVehicle, chooseRoute, closeOf, attemptsOf, lineOf}
  from './day.js';
import {h, show, button} from './dom.js';
import {onScan, trackingIdOf, hasCamera, fromCamera} from './scanner.js';
import {METHODS, REASONS, needs, checkDelivery, afterAttempt, MAX_PHOTOS} from './rules.js';
import {position, jpeg} from './capture.js';
import {go, bar, sync} from './main.js';
import {routeMap} from './map.js';

let current = null;

/** The open screen draws itself again when the queue's answers come in. */
export function refreshed() {
  if (current) current();
}

export function line(id, label, value) {
  return h('span', {class: 'bar-item', id}, h('span', {class: 'bar-label'}, label + ' '), h('strong', {}, value));
}

function heading(text) {
  return h('h1', {tabindex: '-1', id: 'screen-heading'}, text);
}

function back(hash = '#day') {
  return button(t('back'), () => go(hash), {class: 'btn btn-quiet', id: 'back'});
}

function scanField(label) {
  const field = h('input', {id: 'scan-field', 'data-scan': true, type: 'text', inputmode: 'none', autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', 'aria-label': label, placeholder: label});
  const row = h('div', {class: 'scan-row'}, field);
  if (hasCamera) {
    row.append(button(t('camera'), () => fromCamera(document.body, t('close')).catch(() => {}), {class: 'btn btn-quiet', id: 'scan-camera'}));
  }
  return row;
}

function result(kind, text) {
  const box = document.getElementById('scan-result');
  if (!box) return;
  box.className = 'scan-result ' + kind;
  box.textContent = text;
}

function stamp(type, stop, extra = {}) {
  const occurredAt = new Date().toISOString();
  const eventId = crypto.randomUUID();
  return {
    kind: 'event', driverId: day.manifest.driverId, routeId: stop.routeId ?? day.routeId, trackingId: stop.trackingId,
    type, occurredAt, eventId, body: {eventId, type, trackingId: stop.trackingId, occurredAt, ...extra},
  };
}

function withRoute(stop) {
  return {...stop, routeId: stop.routeId ?? day.routeId};
}

// ---------------------------------------------------------------- pairing

export async function pairing(previous) {
  current = null;
  const held = (await db.queue()).filter(i => i.state === 'pending').length;
  const code = h('input', {id: 'pair-code', type: 'text', autocomplete: 'one-time-code', autocapitalize: 'characters',
    spellcheck: 'false', maxlength: '12', inputmode: 'text'});
  const error = h('p', {id: 'pair-error', class: 'error', role: 'alert'});
  let pairing = false;
  const submit = async () => {
    if (pairing) return;
    pairing = true;
    error.textContent = '';
    try {
      const reply = await call('POST', 'pairing', {code: code.value, cookie: true});
      if (reply.status !== 200) {
        error.textContent = reply.status === 401 ? t('pairUnknown') : (reply.body && reply.body.detail) || t('pairFailed');
        return;
      }
      const paired = reply.body;
      await db.setMeta('device', {deviceId: paired.deviceId, driverId: paired.driverId, driver: paired.driver,
        depot: paired.depot, label: paired.label, expiresAt: paired.expiresAt});
      if (previous && previous.driverId !== paired.driverId) {
        // Another driver's day: the first driver's manifest, notices and route choice go; their events stay held.
        await db.setMeta('manifest', null);
        await db.setMeta('notices', []);
        await db.setMeta('routeId', null);
        await load();
      }
      outbox.sendFor(paired.driverId);
      history.replaceState(null, '', location.pathname + '#day');
      await refresh().catch(() => null);
      outbox.flush();
      await go('#day');
    } catch (e) {
      error.textContent = e instanceof Offline ? t('pairOffline') : t('pairFailed');
    } finally {
      pairing = false;
    }
  };
  const fromLink = location.hash.match(/^#pair=([A-Za-z0-9-]+)/);
  show('pairing', heading(t('pairTitle')),
    previous && previous.revoked ? h('p', {class: 'warning', id: 'pair-revoked'}, t('pairRevoked')) : null,
    held ? h('p', {class: 'warning', id: 'pair-held'}, t('pairHeld', {n: held, driver: previous ? previous.driver : ''})) : null,
    h('p', {}, t('pairExplain')),
    h('label', {for: 'pair-code'}, t('pairCode')), code, error,
    button(t('pairSubmit'), submit, {id: 'pair-submit', class: 'btn btn-main'}));
  code.addEventListener('keydown', e => {
    if (e.key === 'Enter') submit();
  });
  if (fromLink) {
    code.value = fromLink[1];
    submit();
  }
}

// ---------------------------------------------------------------- start of day

const STATUS_ICON = {TO_LOAD: '○', LOADED: '▣', DELIVERED: '✓', FAILED: '✗', RETURNED_TO_DEPOT: '↩'};

export function start() {
  current = start;
  const manifest = day.manifest;
  if (!manifest) {
    show('start', heading(t('startTitle')), h('p', {id: 'no-manifest'}, t('noManifest')),
      button(t('retry'), () => sync(), {class: 'btn btn-main', id: 'retry'}));
    return;
  }
  const r = route();
  const content = [heading(t('startTitle', {driver: manifest.driver})), h('p', {class: 'sub'}, dayName(manifest.date))];
  db.meta('notices').then(notices => {
    if (!notices || !notices.length) return;
    const list = h('ul', {id: 'notices', class: 'notices', 'aria-label': t('depotChanges')},
      notices.map(n => h('li', {}, t('notice_' + n.kind, {id: n.trackingId, address: n.address || '', status: n.status || '', vehicle: n.vehicle || ''}))));
    const box = h('section', {class: 'notice-box', role: 'alert'}, h('h2', {}, t('depotChanges')), list,
      button(t('understood'), async () => {
        await db.setMeta('notices', []);
        box.remove();
      }, {id: 'notices-ok', class: 'btn'}));
    document.getElementById('screen-heading').after(box);
  });
  if (!r) {
    show('start', ...content, h('p', {id: 'no-route'}, t('noRoute')));
    return;
  }
  if (manifest.routes.length > 1) {
    const picker = h('select', {id: 'route-picker', 'aria-label': t('route')},
      manifest.routes.map(x => h('option', {value: x.routeId, selected: x.routeId === r.routeId}, `${x.vehicle} · ${time(x.departure)}`)));
    picker.addEventListener('change', async () => {
      await chooseRoute(Number(picker.value));
      start();
      bar();
    });
    content.push(picker);
  }
  const all = calls(r);
  const toLoad = r.stops.filter(s => s.kind === 'DELIVERY' && status(s) === 'TO_LOAD').length;
  content.push(h('dl', {class: 'facts', id: 'route-facts'},
    h('dt', {}, t('vehicle')), h('dd', {id: 'route-vehicle'}, r.vehicle),
    h('dt', {}, t('departure')), h('dd', {}, time(r.departure)),
    h('dt', {}, t('plannedFinish')), h('dd', {id: 'route-finish'}, time(r.returnsAt) || '–'),
    h('dt', {}, t('break')), h('dd', {}, r.breakAt ? time(r.breakAt) : '–'),
    h('dt', {}, t('stops')), h('dd', {id: 'route-stops'}, String(all.length)),
    h('dt', {}, t('parcels')), h('dd', {}, String(r.stops.length))));
  const closed = r.closed || closeOf(r.routeId);
  content.push(h('div', {class: 'actions'},
    button(toLoad ? t('loadOutLeft', {n: toLoad}) : t('loadOut'), () => go('#load'), {id: 'go-load', class: 'btn btn-main', disabled: !!closed}),
    button(t('dayClose'), () => go('#close'), {id: 'go-close', class: 'btn'})));
  const list = h('ol', {id: 'stops', class: 'stops', 'aria-label': t('stops')});
  for (const c of all) {
    const done = callDone(c);
    const icons = c.stops.map(s => STATUS_ICON[status(s)]).join('');
    list.append(h('li', {class: done ? 'done' : ''}, h('a', {href: `#stop/${c.index}`, class: 'stop-link', 'data-call': c.index},
      h('span', {class: 'stop-no'}, String(c.index + 1)),
      h('span', {class: 'stop-main'}, h('strong', {}, c.address), h('span', {class: 'stop-sub'},
        `${time(c.eta)} · ${c.kind === 'PICKUP' ? t('pickup') + ' · ' : ''}${t('parcelsN', {n: c.stops.length})}`)),
      h('span', {class: 'stop-state', 'aria-label': c.stops.map(s => t('status_' + status(s))).join(', ')}, icons))));
  }
  const mapBox = h('div', {id: 'day-map', class: 'map', role: 'region', 'aria-label': t('map')});
  content.push(list, mapBox);
  show('start', ...content);
  lineOf(r).then(line => mapBox.isConnected && routeMap(mapBox, r, all, manifest.tileUrl, line));
}

// ---------------------------------------------------------------- load-out

export function loadOut() {
  current = () => {
    const left = document.getElementById('load-left');
    if (left) left.textContent = String(toLoad().length);
  };
  const r = route();
  if (!r) return go('#day');
  const toLoad = () => r.stops.filter(s => s.kind === 'DELIVERY' && status(s) === 'TO_LOAD');
  const list = h('ul', {id: 'load-list', class: 'plain-list'});
  const draw = () => {
    list.replaceChildren(...toLoad().map(s => h('li', {}, `${s.trackingId} · ${s.address}`)));
    document.getElementById('load-left').textContent = String(toLoad().length);
  };
  show('load', heading(t('loadTitle', {vehicle: r.vehicle})),
    h('p', {class: 'big-count'}, t('stillToLoad') + ' ', h('strong', {id: 'load-left'}, String(toLoad().length))),
    scanField(t('scanParcel')),
    h('p', {id: 'scan-result', class: 'scan-result', role: 'status', 'aria-live': 'assertive'}),
    list, back());
  draw();
  onScan(async text => {
    const id = trackingIdOf(text);
    if (!id) return result('refused', t('notABarcode', {text}));
    const found = findStop(id);
    if (!found) {
      const vehicle = otherVehicle(id);
      return result('refused', vehicle ? t('otherVehicle', {id, vehicle}) : t('notToday', {id}));
    }
    if (found.route.routeId !== r.routeId) return result('refused', t('otherVehicle', {id, vehicle: found.route.vehicle}));
    if (status(found.stop) !== 'TO_LOAD') return result('ok', t('alreadyLoaded', {id}));
    await outbox.add([stamp('LOAD_OUT', withRoute(found.stop))]);
    await load();
    result('ok', t('loaded', {id, address: found.stop.address}));
    draw();
    bar();
  });
}

// ---------------------------------------------------------------- at a stop

function callAt(index) {
  return calls()[index] || null;
}

function wish(label, value, id) {
  return value ? [h('dt', {}, label), h('dd', {id}, value)] : [];
}

export function stop(index) {
  current = () => stop(index);
  const c = callAt(index);
  if (!c) return go('#day');
  const first = c.stops[0];
  const geo = `geo:${c.latitude},${c.longitude}?q=${c.latitude},${c.longitude}(${encodeURIComponent(c.address)})`;
  const done = callDone(c);
  show('stop', heading(t('stopTitle', {n: index + 1})),
    h('p', {class: 'address', id: 'stop-address'}, c.address, h('br'), c.postcode),
    h('p', {class: 'sub'}, `${first.recipient} · ${time(c.eta)}`),
    h('a', {href: geo, class: 'btn btn-quiet', id: 'nav-link'}, t('navigate')),
    h('dl', {class: 'facts', id: 'stop-wishes'},
      ...wish(t('instructions'), first.instructions, 'wish-instructions'),
      ...wish(t('safePlace'), first.safePlace, 'wish-safe-place'),
      ...wish(t('neighbour'), first.neighbour, 'wish-neighbour'),
      ...wish(t('locker'), first.locker, 'wish-locker'),
      ...wish(t('contactless'), c.stops.some(s => s.contactless) ? t('yes') : null, 'wish-contactless'),
      ...wish(t('pinNeeded'), c.stops.some(s => s.pinRequired) ? t('yes') : null, 'wish-pin')),
    h('h2', {}, t('parcelsN', {n: c.stops.length})),
    h('ul', {class: 'plain-list', id: 'stop-parcels'}, c.stops.map(s => h('li', {}, `${s.trackingId} · ${s.weightKg} kg · ${t('status_' + status(s))}`))),
    done ? h('p', {class: 'ok', id: 'stop-done'}, t('stopDone')) : h('div', {class: 'actions'},
      button(c.kind === 'PICKUP' ? t('collect') : t('deliver'), () => go(`#deliver/${index}`), {id: 'go-deliver', class: 'btn btn-main'}),
      button(t('failed'), () => go(`#fail/${index}`), {id: 'go-fail', class: 'btn btn-warn'})),
    h('div', {class: 'actions'},
      index > 0 ? button(t('previous'), () => go(`#stop/${index - 1}`), {class: 'btn btn-quiet', id: 'prev-stop'}) : null,
      callAt(index + 1) ? button(t('nextStopButton'), () => go(`#stop/${index + 1}`), {class: 'btn btn-quiet', id: 'next-stop'}) : null),
    back());
}

/** After a stop, the next one not done yet; the start screen when all are. */
function nextCall(after) {
  const all = calls();
  const next = all.slice(after + 1).concat(all.slice(0, after + 1)).find(c => !callDone(c));
  return next ? `#stop/${next.index}` : '#day';
}

function photoField(id, label, photos, max) {
  const input = h('input', {id, type: 'file', accept: 'image/jpeg,image/*', capture: 'environment', class: 'file'});
  const thumbs = h('div', {class: 'thumbs', id: id + '-thumbs'});
  const error = h('p', {class: 'error', id: id + '-error', role: 'alert'});
  input.addEventListener('change', async () => {
    error.textContent = '';
    for (const file of Array.from(input.files || [])) {
      if (photos.length >= max) break;
      try {
        const data = await jpeg(file);
        photos.push(data);
        thumbs.append(h('img', {src: 'data:image/jpeg;base64,' + data, alt: t('photoN', {n: photos.length})}));
      } catch (e) {
        error.textContent = t('notAPhoto');
      }
    }
    input.value = '';
  });
  return h('div', {class: 'field'}, h('label', {for: id, class: 'btn btn-quiet file-label'}, label), input, thumbs, error);
}

function scanChecklist(c, scanned) {
  const list = h('ul', {class: 'checklist', id: 'handover-parcels'});
  const draw = () => list.replaceChildren(...c.stops.map(s => h('li', {class: scanned.has(s.trackingId) ? 'ok' : ''},
    (scanned.has(s.trackingId) ? '✓ ' : '○ ') + s.trackingId)));
  draw();
  onScan(text => {
    const id = trackingIdOf(text);
    if (id && c.stops.some(s => s.trackingId === id)) {
      scanned.add(id);
      result('ok', t('scanned', {id}));
    } else {
      const found = id ? findStop(id) : null;
      result('refused', found ? t('notThisStop', {id}) : t('notToday', {id: id || text}));
    }
    draw();
  });
  return list;
}

function field(id, label, attributes = {}) {
  return h('div', {class: 'field', id: id + '-field'}, h('label', {for: id}, label),
    h('input', {id, type: 'text', autocomplete: 'off', ...attributes}));
}

export function deliver(index) {
  current = null;
  const c = callAt(index);
  if (!c || callDone(c)) return go(`#stop/${index}`);
  const first = c.stops[0];
  const pinRequired = c.stops.some(s => s.pinRequired);
  const scanned = new Set();
  const photos = [];
  const preferred = first.locker ? 'LOCKER' : first.contactless ? 'CONTACTLESS' : first.safePlace ? 'SAFE_PLACE' : 'RECIPIENT';
  let method = preferred;
  const methods = h('fieldset', {class: 'choices', id: 'methods'}, h('legend', {}, t('method')),
    METHODS.map(m => h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'method', value: m, id: 'method-' + m,
      checked: m === method, onchange: () => {
        method = m;
        arrange();
      }}), t('method_' + m))));
  const canvas = h('canvas', {id: 'signature', class: 'signature', width: '600', height: '240', role: 'img', 'aria-label': t('signHere')});
  const signatureBox = h('div', {class: 'field', id: 'signature-field'}, h('p', {class: 'label'}, t('signHere')), canvas,
    button(t('clear'), () => pad && pad.clear(), {class: 'btn btn-quiet', id: 'signature-clear'}));
  const fields = {
    receivedBy: field('receivedBy', t('receivedBy')),
    neighbourHouse: field('neighbourHouse', t('neighbourHouse')),
    lockerCompartment: field('lockerCompartment', t('lockerCompartment')),
  };
  const pin = pinRequired ? field('pin', t('pin'), {inputmode: 'numeric', maxlength: '6'}) : null;
  const photo = photoField('photo', t('takePhoto'), photos, MAX_PHOTOS);
  const errors = h('ul', {class: 'errors', id: 'form-errors', role: 'alert'});
  const arrange = () => {
    const wanted = needs(method);
    fields.receivedBy.hidden = !wanted.receivedBy;
    fields.neighbourHouse.hidden = !wanted.neighbourHouse;
    fields.lockerCompartment.hidden = !wanted.lockerCompartment;
    signatureBox.hidden = !wanted.signature;
    if (!signatureBox.hidden && pad) resizePad();
  };
  const submit = async () => {
    errors.replaceChildren();
    const missing = c.stops.filter(s => !scanned.has(s.trackingId));
    const value = id => (document.getElementById(id) ? document.getElementById(id).value.trim() : '');
    const wanted = needs(method);
    const delivery = {method};
    if (wanted.receivedBy) delivery.receivedBy = value('receivedBy');
    if (wanted.neighbourHouse) delivery.neighbourHouse = value('neighbourHouse');
    if (wanted.lockerCompartment) delivery.lockerCompartment = value('lockerCompartment');
    if (wanted.signature && pad && !pad.isEmpty()) {
      const png = pad.toDataURL('image/png');
      delivery.signaturePng = png.slice(png.indexOf(',') + 1);
    }
    // The photos follow the delivery, each on its own, so the delivery gets through first on a weak uplink.
    if (photos.length) delivery.photosToFollow = photos.length;
    if (pinRequired) delivery.pin = value('pin');
    const problems = checkDelivery(method, {...delivery, photosToFollow: 0, photosJpeg: photos}, pinRequired).map(key => t(key));
    if (missing.length) problems.unshift(t('scanAll', {ids: missing.map(s => s.trackingId).join(', ')}));
    const where = await position();
    if (!where) problems.push(t('noPosition'));
    if (problems.length) {
      errors.replaceChildren(...problems.map(p => h('li', {}, p)));
      errors.focus();
      return;
    }
    const events = c.stops.map(s => stamp('DELIVERED', withRoute(s), {location: where, delivery}));
    const following = events.flatMap(event => photos.map((jpeg, i) => ({kind: 'photo', driverId: event.driverId,
      routeId: event.routeId, trackingId: event.trackingId, eventId: event.eventId, number: i + 1, type: 'PHOTO',
      occurredAt: event.occurredAt, body: {jpeg}})));
    await outbox.add(events.concat(following));
    await load();
    await go(nextCall(index));
  };
  show('deliver', heading(t('deliverTitle', {n: index + 1})),
    h('p', {class: 'address'}, c.address),
    scanField(t('scanParcel')), h('p', {id: 'scan-result', class: 'scan-result', role: 'status', 'aria-live': 'assertive'}),
    scanChecklist(c, scanned), methods, fields.receivedBy, fields.neighbourHouse, fields.lockerCompartment, pin,
    signatureBox, photo, errors,
    button(t('confirmDelivery'), submit, {id: 'deliver-submit', class: 'btn btn-main'}), back(`#stop/${index}`));
  errors.tabIndex = -1;
  let pad = window.SignaturePad ? new window.SignaturePad(canvas, {minWidth: 1.5, maxWidth: 3.5, penColor: '#000', backgroundColor: '#fff'}) : null;
  const resizePad = () => {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const data = pad.toData();
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d').scale(ratio, ratio);
    pad.clear();
    pad.fromData(data);
  };
  arrange();
}

// ---------------------------------------------------------------- failed attempt


function nextStepText(stops, reason) {
  const today = day.manifest.date;
  const steps = stops.map(s => afterAttempt(day.manifest.policy, reason, attemptsOf(s) + 1, today));
  const step = steps.find(x => x.step === 'RETURN_TO_SENDER') || steps[0];
  return t('next_' + step.step, {day: dayName(step.day)});
}

export function fail(index) {
  current = null;
  const c = callAt(index);
  if (!c || callDone(c)) return go(`#stop/${index}`);
  let reason = null;
  const photos = [];
  const next = h('p', {id: 'fail-next', class: 'next-step', 'aria-live': 'polite'});
  const reasons = h('fieldset', {class: 'choices', id: 'reasons'}, h('legend', {}, t('reason')),
    REASONS.map(r => h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'reason', value: r, id: 'reason-' + r,
      onchange: () => {
        reason = r;
        next.textContent = nextStepText(c.stops, r);
      }}), t('reason_' + r))));
  const errors = h('ul', {class: 'errors', id: 'form-errors', role: 'alert', tabindex: '-1'});
  const submit = async () => {
    errors.replaceChildren();
    const problems = [];
    if (!reason) problems.push(t('ruleReason'));
    const where = await position();
    if (!where) problems.push(t('noPosition'));
    if (problems.length) {
      errors.replaceChildren(...problems.map(p => h('li', {}, p)));
      return;
    }
    const told = nextStepText(c.stops, reason);
    const failure = {reason};
    if (photos.length) failure.photoJpeg = photos[0];
    await outbox.add(c.stops.map(s => stamp('FAILED', withRoute(s), {location: where, failure})));
    await load();
    show('failed', heading(t('failedTitle')), h('p', {class: 'next-step', id: 'fail-outcome'}, told),
      button(t('nextStopButton'), () => go(nextCall(index)), {id: 'after-fail', class: 'btn btn-main'}));
    bar();
  };
  show('fail', heading(t('failTitle', {n: index + 1})), h('p', {class: 'address'}, c.address), reasons, next,
    photoField('fail-photo', t('takePhotoOptional'), photos, 1), errors,
    button(t('confirmFailed'), submit, {id: 'fail-submit', class: 'btn btn-warn'}), back(`#stop/${index}`));
}

// ---------------------------------------------------------------- day close

export function close() {
  const r = route();
  if (!r) return go('#day');
  const sent = closeOf(r.routeId);
  // While the driver scans parcels back, answers arriving must not rebuild the form (and lose the scans).
  current = sent || r.closed ? close : null;
  if (sent || r.closed) {
    const rec = sent && sent.reconciliation;
    const names = list => (list || []).map(p => p.trackingId || p).join(', ') || '–';
    show('close', heading(t('closeTitle', {vehicle: r.vehicle})),
      rec ? h('dl', {class: 'facts', id: 'reconciliation'},
        h('dt', {}, t('rec_delivered')), h('dd', {id: 'rec-delivered'}, String(rec.delivered.length)),
        h('dt', {}, t('rec_failed')), h('dd', {id: 'rec-failed'}, String(rec.failed.length)),
        h('dt', {}, t('rec_returned')), h('dd', {id: 'rec-returned'}, String(rec.returnedToDepot.length)),
        h('dt', {}, t('rec_missing')), h('dd', {id: 'rec-missing', class: rec.missing.length ? 'error' : ''}, names(rec.missing)))
        : h('p', {id: 'close-waiting'}, r.closed ? t('closedAlready') : t('closeWaiting')),
      back());
    return;
  }
  const open = r.stops.filter(s => s.kind === 'DELIVERY' && status(s) !== 'DELIVERED');
  const scanned = new Set();
  const list = h('ul', {class: 'checklist', id: 'close-list'});
  const draw = () => {
    list.replaceChildren(...open.map(s => h('li', {class: scanned.has(s.trackingId) ? 'ok' : ''},
      `${scanned.has(s.trackingId) ? '✓' : '○'} ${s.trackingId} · ${s.address}`)));
    document.getElementById('close-left').textContent = String(open.length - scanned.size);
  };
  show('close', heading(t('closeTitle', {vehicle: r.vehicle})), h('p', {}, t('closeExplain')),
    h('p', {class: 'big-count'}, t('stillToScanBack') + ' ', h('strong', {id: 'close-left'}, String(open.length))),
    scanField(t('scanParcel')), h('p', {id: 'scan-result', class: 'scan-result', role: 'status', 'aria-live': 'assertive'}),
    list, h('p', {id: 'close-warning', class: 'warning', role: 'alert', hidden: true}),
    button(t('closeSubmit'), async () => {
      const missing = open.filter(s => !scanned.has(s.trackingId)).length;
      const warning = document.getElementById('close-warning');
      if (missing && warning.hidden) {
        // Not a dialog: the driver reads the count, and a second press closes the route with them missing.
        warning.textContent = t('closeConfirmMissing', {n: missing});
        warning.hidden = false;
        return;
      }
      await outbox.add([{kind: 'close', driverId: day.manifest.driverId, routeId: r.routeId, occurredAt: new Date().toISOString(),
        body: {scannedBack: Array.from(scanned)}}]);
      await load();
      close();
    }, {id: 'close-submit', class: 'btn btn-main'}), back());
  draw();
  onScan(text => {
    const id = trackingIdOf(text);
    if (id && open.some(s => s.trackingId === id)) {
      scanned.add(id);
      result('ok', t('scanned', {id}));
    } else {
      result('refused', id && findStop(id) ? t('deliveredAlready', {id}) : t('notToday', {id: id || text}));
    }
    draw();
  });
}

// ---------------------------------------------------------------- what is waiting, sent and refused

export async function queue() {
  current = () => queue();
  const items = (await db.queue()).slice().reverse();
  const label = item => item.kind === 'close' ? t('dayClose') : item.kind === 'photo'
    ? `${t('photoN', {n: item.number})} · ${item.trackingId}` : `${t('type_' + item.type)} · ${item.trackingId}`;
  show('queue', heading(t('queueTitle')),
    h('ul', {class: 'queue-list', id: 'queue-list'}, items.map(item => h('li', {class: 'q-' + item.state, 'data-event': item.eventId || ''},
      h('strong', {}, t('state_' + item.state)), ' ', label(item), ' · ', time(item.occurredAt),
      item.state === 'refused' ? h('p', {class: 'error'}, item.detail || item.problem || '') : null))),
    back());
}
