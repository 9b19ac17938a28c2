// Fleet: depots, their vehicles and drivers, who is off on a day, and the drivers' handhelds.

import {get, post, put, del, enc} from '../api.js';
import {h, replace, section, field, input, select, table, button, when} from '../dom.js';
import {may, hasRole, forgetDepots} from '../session.js';
import {depotDatePicker, formDialog, showSecretOnce, openDialog} from '../widgets.js';
import {fail, say, loadFailure} from '../feedback.js';

const VEHICLE_TYPES = ['VAN', 'ELECTRIC_VAN', 'CARGO_BIKE'];

export function render(main, ctx) {
  const editor = may(['DISPATCHER']);
  const handhelds = may(['DEPOT_STAFF']);
  const depotsArea = h('div', {id: 'fleet-depots'});
  const vehiclesArea = h('div', {id: 'fleet-vehicles'});
  const driversArea = h('div', {id: 'fleet-drivers'});
  const availabilityArea = h('div', {id: 'fleet-availability'});
  const handheldArea = h('div', {id: 'fleet-handhelds'});
  const state = {depot: null, date: null, vehicles: [], drivers: []};

  main.append(
    section('Depots', depotsArea),
    depotDatePicker({signal: ctx.signal, onChange: choice => { Object.assign(state, choice); loadDepot(); }}),
    h('div', {class: 'grid'}, section('Vehicles', vehiclesArea), section('Drivers', driversArea)),
    section('Availability', availabilityArea),
    handhelds ? section('Handhelds', handheldArea) : null);

  const text = (data, name) => String(data.get(name) ?? '').trim() || null;
  const number = (data, name) => (text(data, name) === null ? null : Number(text(data, name)));

  async function loadDepots() {
    try {
      const list = await get('depots', {signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(depotsArea, table({id: 'depots', rows: list, empty: 'No depot.', columns: [
        {label: 'Code', key: 'code'}, {label: 'Name', key: 'name'}, {label: 'Hours', cell: d => `${d.opens}–${d.closes}`},
        {label: 'Position', cell: d => `${d.latitude}, ${d.longitude}`}, {label: 'Distances', cell: d => d.distanceModel.toLowerCase().replace(/_/g, ' ')}]}),
      hasRole('ADMIN') ? h('div', {class: 'actions'}, button('Open a depot', {id: 'depot-add'}, openDepot)) : null);
    } catch (error) {
      if (ctx.alive()) replace(depotsArea, loadFailure(error, 'The depots'));
    }
  }

  function openDepot() {
    formDialog({title: 'Open a depot', id: 'depot-dialog', submitLabel: 'Open the depot', fields: [
      field('Code', input({name: 'code', id: 'depot-code', required: true})),
      field('Name', input({name: 'name', id: 'depot-name', required: true})),
      h('div', {class: 'form-row'}, field('Latitude', input({name: 'latitude', id: 'depot-latitude', inputmode: 'decimal', required: true})),
        field('Longitude', input({name: 'longitude', id: 'depot-longitude', inputmode: 'decimal', required: true}))),
      h('div', {class: 'form-row'}, field('Opens', input({type: 'time', name: 'opens', id: 'depot-opens', value: '07:00'})),
        field('Closes', input({type: 'time', name: 'closes', id: 'depot-closes', value: '21:00'}))),
      field('Distances', select({name: 'distanceModel', id: 'depot-distance-model'},
        [['STRAIGHT_LINE', 'straight line'], ['ROAD_NETWORK', 'road network (needs the OSM extract)']]))],
    submit: async data => {
      const depot = await post('depots', {code: text(data, 'code'), name: text(data, 'name'), latitude: number(data, 'latitude'),
        longitude: number(data, 'longitude'), opens: text(data, 'opens'), closes: text(data, 'closes'), distanceModel: text(data, 'distanceModel')});
      say(`Depot ${depot.code} is open.`);
      forgetDepots();
      loadDepots();
    }});
  }

  async function loadDepot() {
    const {depot, date} = state;
    const [vehicles, drivers, availability] = await Promise.allSettled([
      get(`depots/${enc(depot)}/vehicles`, {signal: ctx.signal}),
      get(`depots/${enc(depot)}/drivers`, {signal: ctx.signal}),
      get(`depots/${enc(depot)}/availability/${enc(date)}`, {signal: ctx.signal})]);
    if (!ctx.alive() || state.depot !== depot || state.date !== date) return;
    state.vehicles = vehicles.status === 'fulfilled' ? vehicles.value : [];
    state.drivers = drivers.status === 'fulfilled' ? drivers.value : [];
    replace(vehiclesArea, vehicles.status === 'fulfilled' ? vehicleTable(state.vehicles) : loadFailure(vehicles.reason, 'The vehicles'),
      editor ? h('div', {class: 'actions'}, button('Add a vehicle', {id: 'vehicle-add'}, addVehicle)) : null);
    replace(driversArea, drivers.status === 'fulfilled' ? driverTable(state.drivers) : loadFailure(drivers.reason, 'The drivers'),
      editor ? h('div', {class: 'actions'}, button('Add a driver', {id: 'driver-add'}, addDriver)) : null);
    replace(availabilityArea, availability.status === 'fulfilled' ? availabilityView(availability.value) : loadFailure(availability.reason, 'The availability'));
    if (handhelds) loadHandhelds();
  }

  function vehicleTable(list) {
    return table({id: 'vehicles', rows: list, empty: 'No vehicle.', columns: [
      {label: 'Registration', key: 'registration'}, {label: 'Type', cell: v => v.type.toLowerCase().replace(/_/g, ' ')},
      {label: 'Capacity', cell: v => `${v.capacityKg} kg, ${v.capacityParcels} parcels${v.capacityLitres ? ', ' + v.capacityLitres + ' l' : ''}`},
      {label: 'Range', cell: v => (v.rangeKm ? `${v.rangeKm} km` : '—')},
      {label: 'Cost', cell: v => `${v.fixedCost ?? 0} + ${v.costPerKm ?? 0}/km + ${v.costPerHour ?? 0}/h`}]});
  }

  function driverTable(list) {
    return table({id: 'drivers', rows: list, empty: 'No driver.', columns: [
      {label: 'Name', key: 'name'}, {label: 'Shift', cell: d => `${d.shiftStart}–${d.shiftEnd}`},
      {label: 'Break', cell: d => `${d.breakMinutes} min between ${d.breakEarliest} and ${d.breakLatest}`},
      {label: 'Cost per hour', key: 'costPerHour'}]});
  }

  function addVehicle() {
    formDialog({title: `Add a vehicle to ${state.depot}`, id: 'vehicle-dialog', submitLabel: 'Add the vehicle', fields: [
      field('Registration', input({name: 'registration', id: 'vehicle-registration', required: true})),
      field('Type', select({name: 'type', id: 'vehicle-type'}, VEHICLE_TYPES.map(t => [t, t.toLowerCase().replace(/_/g, ' ')]))),
      h('div', {class: 'form-row'},
        field('Capacity (kg)', input({name: 'capacityKg', id: 'vehicle-capacity-kg', inputmode: 'decimal', required: true})),
        field('Capacity (parcels)', input({name: 'capacityParcels', id: 'vehicle-capacity-parcels', inputmode: 'numeric', required: true}))),
      h('div', {class: 'form-row'},
        field('Load space (litres, optional)', input({name: 'capacityLitres', id: 'vehicle-capacity-litres', inputmode: 'decimal'})),
        field('Electric range (km, optional)', input({name: 'rangeKm', id: 'vehicle-range', inputmode: 'decimal'}))),
      h('div', {class: 'form-row'},
        field('Fixed cost', input({name: 'fixedCost', id: 'vehicle-fixed-cost', inputmode: 'decimal'})),
        field('Cost per km', input({name: 'costPerKm', id: 'vehicle-cost-km', inputmode: 'decimal'})),
        field('Cost per hour', input({name: 'costPerHour', id: 'vehicle-cost-hour', inputmode: 'decimal'})),
        field('CO₂ g/km', input({name: 'co2GramsPerKm', id: 'vehicle-co2', inputmode: 'decimal'})))],
    submit: async data => {
      const v = await post(`depots/${enc(state.depot)}/vehicles`, {registration: text(data, 'registration'), type: text(data, 'type'),
        capacityKg: number(data, 'capacityKg'), capacityParcels: number(data, 'capacityParcels'), capacityLitres: number(data, 'capacityLitres'),
        rangeKm: number(data, 'rangeKm'), fixedCost: number(data, 'fixedCost'), costPerKm: number(data, 'costPerKm'),
        costPerHour: number(data, 'costPerHour'), co2GramsPerKm: number(data, 'co2GramsPerKm')});
      say(`Vehicle ${v.registration} added.`);
      loadDepot();
    }});
  }

  function addDriver() {
    formDialog({title: `Add a driver to ${state.depot}`, id: 'driver-dialog', submitLabel: 'Add the driver', fields: [
      field('Name', input({name: 'name', id: 'driver-name', required: true})),
      h('div', {class: 'form-row'},
        field('Shift starts', input({type: 'time', name: 'shiftStart', id: 'driver-shift-start', value: '08:00'})),
        field('Shift ends', input({type: 'time', name: 'shiftEnd', id: 'driver-shift-end', value: '18:00'}))),
      h('div', {class: 'form-row'},
        field('Break (minutes)', input({name: 'breakMinutes', id: 'driver-break', inputmode: 'numeric', value: '30'})),
        field('Break from', input({type: 'time', name: 'breakEarliest', id: 'driver-break-from', value: '11:30'})),
        field('Break until', input({type: 'time', name: 'breakLatest', id: 'driver-break-until', value: '14:00'}))),
      field('Cost per hour', input({name: 'costPerHour', id: 'driver-cost', inputmode: 'decimal', value: '15'}))],
    submit: async data => {
      const d = await post(`depots/${enc(state.depot)}/drivers`, {name: text(data, 'name'), shiftStart: text(data, 'shiftStart'),
        shiftEnd: text(data, 'shiftEnd'), breakMinutes: number(data, 'breakMinutes'), breakEarliest: text(data, 'breakEarliest'),
        breakLatest: text(data, 'breakLatest'), costPerHour: number(data, 'costPerHour')});
      say(`Driver ${d.name} added.`);
      loadDepot();
    }});
  }

  /** Who is off on the day: everyone not listed as available. Editors tick who is off and save (it replaces the day). */
  function availabilityView(a) {
    const vehicleOn = new Set(a.vehicles.map(v => v.id));
    const driverOn = new Set(a.drivers.map(d => d.id));
    const check = (name, value, off, label, id) => h('label', {for: id},
      h('input', {type: 'checkbox', name, value: String(value), id, checked: off, disabled: !editor}), label);
    const form = h('form', {id: 'availability-form', novalidate: true},
      h('p', {}, `On ${a.date}: ${a.vehicles.length} of ${state.vehicles.length} vehicles and ${a.drivers.length} of ${state.drivers.length} drivers available.`),
      h('fieldset', {}, h('legend', {}, 'Vehicles off the road'), h('div', {class: 'checks'},
        state.vehicles.map(v => check('vehicles', v.registration, !vehicleOn.has(v.id), v.registration, 'off-vehicle-' + v.id)))),
      h('fieldset', {}, h('legend', {}, 'Drivers off'), h('div', {class: 'checks'},
        state.drivers.map(d => check('drivers', d.id, !driverOn.has(d.id), d.name, 'off-driver-' + d.id)))),
      a.absent.length ? h('ul', {id: 'availability-absent'}, a.absent.map(t => h('li', {}, t))) : h('p', {class: 'hint'}, 'Nobody is off.'),
      editor ? [field('Reason', input({name: 'reason', id: 'availability-reason', placeholder: 'unavailable'})),
        h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'availability-save', class: 'primary'}, 'Save the day'))] : null);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        await put(`depots/${enc(state.depot)}/availability/${enc(state.date)}`, {vehicles: data.getAll('vehicles').map(String),
          drivers: data.getAll('drivers').map(Number), reason: text(data, 'reason')});
        say(`Availability of ${state.date} saved.`);
        loadDepot();
      } catch (error) {
        fail(error, form);
      }
    });
    return form;
  }

  async function loadHandhelds() {
    const depot = state.depot;
    let devices;
    try {
      devices = await get('handheld/devices', {query: {depot}, signal: ctx.signal});
    } catch (error) {
      if (!ctx.alive()) return;
      replace(handheldArea, loadFailure(error, 'The list of handhelds'), registerButton());
      return;
    }
    if (!ctx.alive() || state.depot !== depot) return;
    replace(handheldArea, table({id: 'handhelds', rows: devices, empty: 'No handheld.', columns: [
      {label: 'Device', cell: d => `#${d.deviceId} ${d.label || ''}`}, {label: 'Driver', key: 'driver'},
      {label: 'Expires', cell: d => when(d.expiresAt)}, {label: 'State', cell: d => (d.active ? 'active' : 'revoked')},
      {label: 'Token', cell: d => (d.active ? h('span', {class: 'actions'},
        button('Pairing code', {dataTest: 'device-pair', 'aria-label': `A pairing code for device ${d.deviceId}`}, e => pairingCode(d, e.currentTarget)),
        button('Replace token', {dataTest: 'device-replace', 'aria-label': `Replace the token of device ${d.deviceId}`}, e => replaceToken(d, e.currentTarget)),
        button('Revoke', {class: 'danger', dataTest: 'device-revoke', 'aria-label': `Revoke device ${d.deviceId}`}, () => revoke(d))) : '')}]}),
    registerButton());
  }

  function registerButton() {
    return h('div', {class: 'actions'}, button('Register a handheld', {id: 'device-register'}, e => register(e.currentTarget)));
  }

  function register(from) {
    formDialog({title: 'Register a handheld', id: 'device-dialog', submitLabel: 'Register', fields: [
      field('Driver', select({name: 'driverId', id: 'device-driver'}, state.drivers.map(d => [d.id, d.name]))),
      field('Label', input({name: 'label', id: 'device-label', placeholder: 'e.g. handheld 7'}))],
    submit: async data => {
      const issued = await post('handheld/devices', {driverId: number(data, 'driverId'), label: text(data, 'label')});
      setTimeout(() => tokenOnce(issued, 'registered', from), 0);
      if (handhelds) loadHandhelds();
    }});
  }

  async function replaceToken(device, from) {
    try {
      const issued = await post(`handheld/devices/${enc(device.deviceId)}/token`);
      tokenOnce(issued, 'has a new token; the old one no longer works', from);
      loadHandhelds();
    } catch (error) {
      fail(error);
    }
  }

  /**
   * A one-time code for the driver's app, with its QR code (the app's pairing link): the driver types the code
   * or scans the QR with the phone's camera. Nothing here keeps it; a new code replaces the last one.
   */
  async function pairingCode(device, from) {
    let pairing;
    try {
      pairing = await post(`handheld/devices/${enc(device.deviceId)}/pairing`);
    } catch (error) {
      fail(error);
      return;
    }
    openDialog({title: 'Pair the driver\'s app', id: 'pairing-dialog', onClose: () => from && from.isConnected && from.focus(),
      build: close => h('div', {},
        h('p', {}, `Device #${pairing.deviceId} (${pairing.driver}). On the handheld, open the driver's app and enter the code,`
          + ' or scan the QR code with its camera. The code works once, until ' + when(pairing.expiresAt) + '.'),
        h('p', {class: 'pairing-code', id: 'pairing-code'}, pairing.code),
        h('img', {src: 'data:image/png;base64,' + pairing.qrPng, alt: `QR code of the pairing link for device ${pairing.deviceId}`,
          id: 'pairing-qr', class: 'pairing-qr', width: '220', height: '220'}),
        h('div', {class: 'actions'}, button('Done', {id: 'pairing-close', class: 'primary'}, close)))});
    pairing.code = null;
  }

  /** The token goes straight into the dialog; nothing here keeps it. */
  function tokenOnce(issued, what, from) {
    showSecretOnce({title: 'Handheld token', valueId: 'device-token', returnFocus: from,
      what: `Device #${issued.deviceId} (${issued.driver}) ${what}. Enter this token on the handheld:`, secret: issued.token});
    issued.token = null;
  }

  async function revoke(device) {
    if (!window.confirm(`Revoke device #${device.deviceId} of ${device.driver}? It stops working at once.`)) return;
    try {
      await del(`handheld/devices/${enc(device.deviceId)}`);
      say(`Device #${device.deviceId} revoked.`);
      loadHandhelds();
    } catch (error) {
      fail(error);
    }
  }

  loadDepots();
}
