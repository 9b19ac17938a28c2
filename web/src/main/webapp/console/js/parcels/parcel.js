// One parcel for the desk: where it is, what happened to it, its proof, and what the caller may do with it.

import {get, post, put, enc, apiUrl} from '../api.js';
import {h, replace, section, facts, table, badge, when, field, input, button, isoToday, statusLabel, link} from '../dom.js';
import {may} from '../session.js';
import {formDialog, textarea} from '../widgets.js';
import {fail, say, loadFailure, notice} from '../feedback.js';
import {ConsoleMap} from '../map.js';
import {partnerOffers} from './partner-offers.js';

export async function render(main, ctx) {
  const trackingId = ctx.params.trackingId;
  const title = document.getElementById('screen-heading');
  title.textContent = 'Parcel ' + trackingId;
  const body = h('div', {id: 'parcel-page', class: 'stack', 'data-tracking-id': trackingId});
  main.append(h('p', {}, link('← Back to the search', '#/parcels', {id: 'parcel-back'})), body);
  let map = null;
  ctx.onLeave(() => map && map.destroy());

  function show(page) {
    if (map) map.destroy();
    map = null;
    replace(body, ...layout(page, trackingId, act));
    const mapEl = body.querySelector('#parcel-map');
    if (mapEl) map = parcelMap(mapEl, page);
    const offersEl = body.querySelector('#parcel-partner-offers');
    if (offersEl) partnerOffers(offersEl, trackingId, page.parcel.status, ctx.signal);
  }

  /** Runs one of the parcel's actions; the answer is the page again. */
  async function act(request) {
    const page = await request();
    if (!ctx.alive()) return;
    show(page);
    say('Done: the parcel is now ' + statusLabel(page.parcel.status) + '.');
    // After the dialog has closed (it would give the focus back to the button it came from, now replaced).
    setTimeout(() => document.getElementById('screen-heading').focus(), 0);
  }

  try {
    show(await get(`desk/parcels/${enc(trackingId)}`, {signal: ctx.signal}));
  } catch (error) {
    if (!ctx.alive()) return;
    replace(body, error.status === 404 && !error.endpointMissing
      ? notice(`There is no parcel ${trackingId} in your depots.`, 'warning')
      : loadFailure(error, 'The parcel page'));
  }
}

function layout(page, trackingId, act) {
  const p = page.parcel;
  return [
    h('div', {class: 'card', id: 'parcel-summary'},
      h('p', {}, 'Status ', h('span', {id: 'parcel-status', dataTest: 'parcel-status'}, badge(p.status)),
        page.shipper ? ` · shipper ${page.shipper.name} (${page.shipper.code})` : ''),
      actionsBar(page, trackingId, act),
      may(['CUSTOMER_SERVICE']) ? contactDetails(trackingId) : null),
    h('div', {class: 'grid'},
      section('Parcel', facts([
        ['Tracking id', p.trackingId], ['Shipper reference', p.shipperReference], ['Recipient', p.recipientName],
        ['Address', address(p.address)], ['Weight', p.weightKg !== undefined ? `${p.weightKg} kg` : null],
        ['Delivery date', p.deliveryDate], ['Slot', p.timeSlot ? `${p.timeSlot.from}–${p.timeSlot.to}` : null],
        ['Depot', p.depot], ['Registered', when(p.registeredAt)],
        ['Declared value', p.declaredValue], ['Failed attempts', String(p.failedAttempts ?? 0)]])),
      section('Timeline', timeline(page.timeline || []))),
    h('div', {class: 'grid'},
      section('Delivery choices', choices(page.choices)),
      section('Route', route(page.route), handoffAndReturn(page))),
    // Filled once the offers are read, for those who send parcels to partners; empty for everyone else.
    may(['DISPATCHER']) ? h('div', {id: 'parcel-partner-offers'}) : null,
    section('Proof of delivery', proof(page, trackingId)),
    section('Failed attempts', table({id: 'parcel-failed-attempts', rows: page.failedAttemptsList || [],
      empty: 'No failed attempt.', columns: [{label: 'When', cell: a => when(a.at)}, {label: 'Reason', key: 'reason'}]})),
    section('Notifications', table({id: 'parcel-notifications', rows: page.notifications || [], empty: 'No notification.',
      columns: [{label: 'Channel', key: 'channel'}, {label: 'Template', key: 'template'}, {label: 'Status', cell: n => badge(n.status)},
        {label: 'Created', cell: n => when(n.createdAt)}, {label: 'Sent', cell: n => when(n.sentAt)}]})),
    section('Exceptions', table({id: 'parcel-exceptions', rows: page.exceptions || [], empty: 'No exception.',
      columns: [{label: 'Kind', cell: x => statusLabel(x.kind)}, {label: 'Detail', key: 'detail'},
        {label: 'Raised', cell: x => when(x.raisedAt)}, {label: 'Resolution', cell: x => x.resolution || h('a', {href: '#/exceptions'}, 'open')}]})),
  ];
}

function address(a) {
  if (!a) return null;
  return [a.line, a.town, a.postcode, a.country].filter(Boolean).join(', ');
}

function timeline(events) {
  if (!events.length) return h('p', {class: 'empty'}, 'Nothing yet.');
  return h('ol', {class: 'timeline', id: 'parcel-timeline'}, events.map(e =>
    h('li', {}, h('time', {datetime: e.at}, when(e.at)), e.description || statusLabel(e.code))));
}

function choices(c) {
  if (!c) return h('p', {class: 'empty'}, 'None.');
  const pairs = [['Safe place', c.safePlace], ['Neighbour', c.neighbour], ['Collection point', c.collectionPoint],
    ['Instructions', c.instructions], ['Hold until', c.holdUntil], ['Contactless', c.contactless === true ? 'yes' : null]];
  return pairs.some(([, v]) => v) ? facts(pairs) : h('p', {class: 'empty', id: 'parcel-choices'}, 'The recipient made no choice.');
}

function route(r) {
  if (!r) return h('p', {class: 'empty'}, 'Not on a route.');
  return h('div', {id: 'parcel-route'}, facts([
    ['Route', link(`#${r.id}`, '#/routes?route=' + r.id)], ['Vehicle', r.vehicle], ['Driver', r.driver],
    ['Stop', r.stopSequence !== undefined ? String(r.stopSequence) : null], ['Arrival', when(r.eta)]]));
}

function handoffAndReturn(page) {
  return [
    page.handoff ? h('p', {id: 'parcel-handoff'}, `Handed to partner ${page.handoff.partner} on ${when(page.handoff.at)}.`) : null,
    page.returnShipment ? h('p', {id: 'parcel-return'}, `Return ${page.returnShipment.returnTrackingId}: `,
      badge(page.returnShipment.status)) : null,
  ];
}

function proof(page, trackingId) {
  const p = page.proof;
  const located = page.parcel.address && page.parcel.address.latitude !== undefined && page.parcel.address.latitude !== null;
  const mapEl = located || (p && p.latitude !== undefined && p.latitude !== null)
    ? h('div', {id: 'parcel-map', class: 'map-small', dataTest: 'map'}) : null;
  if (!p) return [h('p', {class: 'empty', id: 'parcel-proof'}, 'Not delivered yet.'), mapEl];
  const images = h('div', {class: 'proof-images'});
  if (p.signature) {
    images.append(h('figure', {}, h('img', {id: 'proof-signature', alt: 'Signature of ' + (p.receiverName || 'the receiver'),
      src: apiUrl(`desk/parcels/${enc(trackingId)}/proof/signature`)}), h('figcaption', {}, 'Signature')));
  }
  for (let n = 0; n < (p.photos || 0); n += 1) {
    images.append(h('figure', {}, h('img', {dataTest: 'proof-photo', alt: `Delivery photo ${n + 1}`,
      src: apiUrl(`desk/parcels/${enc(trackingId)}/proof/photos/${n}`)}), h('figcaption', {}, `Photo ${n + 1}`)));
  }
  return [
    h('div', {id: 'parcel-proof'}, facts([['Delivered', when(p.deliveredAt)], ['Method', statusLabel(p.method)],
      ['Received by', p.receiverName], ['Proof', p.proofId !== undefined ? '#' + p.proofId : null]])),
    images.children.length ? images : null,
    mapEl,
  ];
}

function parcelMap(el, page) {
  const map = new ConsoleMap(el, {label: 'Map of the address and the delivery position'});
  const a = page.parcel.address;
  if (a && a.latitude !== undefined && a.latitude !== null) {
    map.addPoint(a.latitude, a.longitude, {title: 'Address: ' + address(a), kind: 'address', text: 'A'});
  }
  const p = page.proof;
  if (p && p.latitude !== undefined && p.latitude !== null) {
    map.addPoint(p.latitude, p.longitude, {title: 'Delivered here', kind: 'delivered', text: '✓'});
  }
  map.fit();
  return map;
}

function contactDetails(trackingId) {
  const out = h('div', {id: 'contact-details', 'aria-live': 'polite', tabindex: '-1'});
  const show = button('Show contact details', {id: 'show-contact', dataTest: 'show-contact'}, async () => {
    show.disabled = true;
    try {
      const details = await get(`customer-service/parcels/${enc(trackingId)}`);
      replace(out, facts([['E-mail', details.recipientEmail], ['Phone', details.recipientPhone], ['Language', details.language]]),
        h('p', {class: 'hint'}, 'This read is recorded in the audit trail.'));
      show.remove();
      out.focus();
    } catch (error) {
      fail(error);
      show.disabled = false;
    }
  });
  return h('div', {class: 'contact'}, show, out);
}

const ACTIONS = {
  REATTEMPT: {label: 'Re-attempt delivery', id: 'reattempt'},
  HOLD: {label: 'Hold at depot', id: 'hold'},
  RETURN_TO_SENDER: {label: 'Return to sender', id: 'return-to-sender'},
  CORRECT_ADDRESS: {label: 'Correct the address', id: 'correct-address'},
  REPRINT_LABEL: {label: 'Reprint label', id: 'reprint-label'},
};

function actionsBar(page, trackingId, act) {
  const actions = page.actions || [];
  if (!actions.length) return h('p', {class: 'hint', id: 'parcel-actions'}, 'No action is open to you for this parcel.');
  const bar = h('div', {class: 'actions', id: 'parcel-actions'});
  for (const code of actions) {
    const action = ACTIONS[code];
    if (!action) continue;
    if (code === 'REPRINT_LABEL') {
      bar.append(h('a', {class: 'button-link', id: 'action-reprint-label', dataTest: 'parcel-action-reprint-label',
        href: apiUrl(`desk/parcels/${enc(trackingId)}/label`), target: '_blank', rel: 'noopener'}, action.label + ' (PDF)'));
      continue;
    }
    bar.append(button(action.label, {id: 'action-' + action.id, dataTest: 'parcel-action-' + action.id},
      () => openAction(code, page, trackingId, act)));
  }
  return bar;
}

function comment(required) {
  return field(required ? 'Why (goes into the audit trail)' : 'Comment (optional)',
    textarea({name: 'comment', id: 'action-comment', required, maxlength: '400'}));
}

function tomorrow() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function openAction(code, page, trackingId, act) {
  const base = `desk/parcels/${enc(trackingId)}`;
  const text = v => (v === null ? '' : String(v).trim());
  const number = v => (text(v) === '' ? null : Number(text(v)));
  if (code === 'REATTEMPT') {
    formDialog({title: 'Re-attempt delivery', id: 'action-dialog', submitLabel: 'Re-attempt',
      fields: [field('Delivery date', input({type: 'date', name: 'date', id: 'action-date', value: tomorrow(), min: isoToday(), required: true})), comment(true)],
      submit: data => act(() => post(base + '/reattempt', {date: text(data.get('date')), comment: text(data.get('comment'))}))});
  } else if (code === 'HOLD') {
    formDialog({title: 'Hold at the depot', id: 'action-dialog', submitLabel: 'Hold',
      fields: [field('Hold until', input({type: 'date', name: 'until', id: 'action-until', value: tomorrow(), min: isoToday(), required: true})), comment(true)],
      submit: data => act(() => post(base + '/hold', {until: text(data.get('until')), comment: text(data.get('comment'))}))});
  } else if (code === 'RETURN_TO_SENDER') {
    formDialog({title: 'Return to sender', id: 'action-dialog', submitLabel: 'Return to sender',
      intro: 'The parcel goes back to its shipper.', fields: [comment(true)],
      submit: data => act(() => post(base + '/return-to-sender', {comment: text(data.get('comment'))}))});
  } else if (code === 'CORRECT_ADDRESS') {
    const a = page.parcel.address || {};
    formDialog({title: 'Correct the address', id: 'action-dialog', submitLabel: 'Save the address',
      fields: [
        field('Street and number', input({name: 'line', id: 'action-line', value: a.line || '', required: true})),
        field('Town', input({name: 'town', id: 'action-town', value: a.town || '', required: true})),
        field('Postcode', input({name: 'postcode', id: 'action-postcode', value: a.postcode || '', required: true})),
        h('div', {class: 'form-row'},
          field('Latitude (empty: placed by the postcode)', input({name: 'latitude', id: 'action-latitude', inputmode: 'decimal'})),
          field('Longitude (empty: placed by the postcode)', input({name: 'longitude', id: 'action-longitude', inputmode: 'decimal'}))),
        comment(true)],
      submit: data => act(() => put(base + '/address', {line: text(data.get('line')), town: text(data.get('town')),
        postcode: text(data.get('postcode')), latitude: number(data.get('latitude')), longitude: number(data.get('longitude')),
        comment: text(data.get('comment'))}))});
  }
}
