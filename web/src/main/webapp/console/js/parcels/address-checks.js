// Address checks: parcels whose address the gazetteer could not place; staff place them on the map or by postcode.

import {get, put, enc} from '../api.js';
import {h, replace, field, input, table, when} from '../dom.js';
import {depots} from '../session.js';
import {fail, say, loadFailure, clearErrors} from '../feedback.js';
import {ConsoleMap} from '../map.js';

export async function render(main, ctx) {
  const listArea = h('div', {id: 'address-checks-list'});
  const placeArea = h('div', {id: 'address-check-place', class: 'card'});
  main.append(h('div', {class: 'split'}, h('section', {'aria-labelledby': 'waiting-heading'},
    h('h2', {id: 'waiting-heading'}, 'Waiting'), listArea), placeArea));
  let map = null;
  let marker = null;
  let selected = null;
  let waiting = [];
  ctx.onLeave(() => map && map.destroy());

  const latitude = input({id: 'check-latitude', name: 'latitude', inputmode: 'decimal', autocomplete: 'off'});
  const longitude = input({id: 'check-longitude', name: 'longitude', inputmode: 'decimal', autocomplete: 'off'});
  const postcode = input({id: 'check-postcode', name: 'postcode', autocomplete: 'off'});
  const place = h('button', {type: 'submit', id: 'check-place', class: 'primary', disabled: true}, 'Place');
  const which = h('p', {id: 'check-selected'}, 'Pick a parcel from the list.');
  const form = h('form', {id: 'check-form', novalidate: true},
    which,
    h('div', {id: 'check-map', dataTest: 'map'}),
    h('p', {class: 'hint'}, 'Click the map to put the marker there, or type the position, or a corrected postcode instead.'),
    h('div', {class: 'form-row'}, field('Latitude', latitude), field('Longitude', longitude)),
    field('Or a corrected postcode', postcode, 'Placed by the gazetteer; leave the position empty.'),
    h('div', {class: 'actions'}, place));
  placeArea.append(h('h2', {}, 'Place the address'), form);

  const depotList = await depots().catch(() => []);
  if (!ctx.alive()) return;
  map = new ConsoleMap(form.querySelector('#check-map'), {depot: depotList[0] || null, label: 'Map for placing the address'});

  function setMarker(lat, lon) {
    if (marker) marker.remove();
    marker = map.addPoint(lat, lon, {title: 'New position', kind: 'placed', text: '+'});
  }

  map.onClick((lat, lon) => {
    if (!selected) {
      say('Pick a parcel from the list first.');
      return;
    }
    latitude.value = lat.toFixed(6);
    longitude.value = lon.toFixed(6);
    postcode.value = '';
    setMarker(lat, lon);
  });
  const typed = () => {
    const lat = Number(latitude.value);
    const lon = Number(longitude.value);
    if (latitude.value && longitude.value && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      setMarker(lat, lon);
      map.map.panTo([lat, lon]);
    }
  };
  latitude.addEventListener('change', typed);
  longitude.addEventListener('change', typed);

  function select(parcel) {
    selected = parcel;
    for (const row of listArea.querySelectorAll('tbody tr')) {
      const on = row.dataset.trackingId === parcel.trackingId;
      row.classList.toggle('selected', on);
      row.setAttribute('aria-selected', String(on));
    }
    const a = parcel.address || {};
    replace(which, 'Placing ', h('strong', {}, parcel.trackingId), ` · ${parcel.recipientName || ''}, ${a.line || ''}, ${a.town || ''} `,
      h('strong', {}, a.postcode || ''));
    latitude.value = '';
    longitude.value = '';
    postcode.value = '';
    clearErrors(form);
    if (marker) marker.remove();
    marker = null;
    place.disabled = false;
    latitude.focus();
  }

  function showList() {
    replace(listArea, table({id: 'address-checks', caption: `${waiting.length} parcels waiting`, empty: 'No address waits to be placed.',
      columns: [{label: 'Tracking id'}, {label: 'Address'}, {label: 'Delivery date'}, {label: 'Registered'}, {label: ''}],
      rows: waiting.map(parcel => {
        const a = parcel.address || {};
        return h('tr', {class: 'clickable', 'data-tracking-id': parcel.trackingId, dataTest: 'address-check-row',
          on: {click: e => { if (!e.target.closest('button')) select(parcel); }}},
          h('th', {scope: 'row'}, parcel.trackingId),
          h('td', {}, [a.line, a.town, a.postcode].filter(Boolean).join(', ')),
          h('td', {}, parcel.deliveryDate || ''),
          h('td', {}, when(parcel.registeredAt)),
          h('td', {}, h('button', {type: 'button', dataTest: 'address-check-select', 'aria-label': 'Place ' + parcel.trackingId,
            on: {click: () => select(parcel)}}, 'Place…')));
      })}));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!selected) return;
    const body = postcode.value.trim() && !latitude.value.trim() && !longitude.value.trim()
      ? {postcode: postcode.value.trim()}
      : {latitude: latitude.value.trim() === '' ? null : Number(latitude.value), longitude: longitude.value.trim() === '' ? null : Number(longitude.value)};
    place.disabled = true;
    try {
      const placed = await put(`address-checks/${enc(selected.trackingId)}`, body);
      waiting = waiting.filter(p => p.trackingId !== selected.trackingId);
      say(`${placed.trackingId} is placed${placed.depot ? ' and belongs to depot ' + placed.depot : ''}.`);
      selected = null;
      replace(which, 'Pick a parcel from the list.');
      latitude.value = longitude.value = postcode.value = '';
      if (marker) marker.remove();
      marker = null;
      showList();
      const next = listArea.querySelector('[data-test=address-check-select]');
      if (next) next.focus();
    } catch (error) {
      place.disabled = false;
      fail(error, form);
      if (document.activeElement === document.body) place.focus();
    }
  });

  try {
    waiting = await get('address-checks', {signal: ctx.signal});
    if (!ctx.alive()) return;
    showList();
  } catch (error) {
    if (ctx.alive()) replace(listArea, loadFailure(error, 'The list of address checks'));
  }
}
