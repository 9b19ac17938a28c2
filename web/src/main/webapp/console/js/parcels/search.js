// Parcels: find a parcel by tracking id, shipper reference, postcode or recipient, in the caller's depots.

import {get} from '../api.js';
import {h, replace, field, badge, table} from '../dom.js';
import {depots} from '../session.js';
import {pager} from '../widgets.js';
import {fail, loadFailure, say} from '../feedback.js';

const STATUSES = ['AWAITING_ADDRESS', 'REGISTERED', 'PLANNED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'AWAITING_PARTNER',
  'OFFERED_TO_PARTNER', 'HANDED_TO_PARTNER', 'HELD_AT_DEPOT', 'RETURNING_TO_SENDER', 'CANCELLED'];
const SIZE = 25;

/** The last search, so going back from a parcel shows the same results; forgotten at sign-out. */
const last = {q: '', depot: '', status: '', page: 0};

export function forget() {
  Object.assign(last, {q: '', depot: '', status: '', page: 0});
}

export function render(main, ctx) {
  const q = h('input', {type: 'search', id: 'parcel-search-q', name: 'q', value: ctx.query.get('q') ?? last.q,
    autocomplete: 'off', placeholder: 'tracking id, reference, postcode or name'});
  const depot = h('select', {id: 'parcel-search-depot', name: 'depot'}, h('option', {value: ''}, 'All my depots'));
  const status = h('select', {id: 'parcel-search-status', name: 'status'}, h('option', {value: ''}, 'Any status'),
    STATUSES.map(s => h('option', {value: s}, s.toLowerCase().replace(/_/g, ' '))));
  status.value = ctx.query.get('status') ?? last.status;
  const form = h('form', {id: 'parcel-search', class: 'toolbar', role: 'search'},
    field('Search', q), field('Depot', depot), field('Status', status),
    h('button', {type: 'submit', id: 'parcel-search-submit', class: 'primary'}, 'Search'));
  const results = h('div', {id: 'parcel-results-area', 'aria-live': 'off'});
  main.append(form, results);

  // The depot options first: a depot filter from the link or the last search must be there to be chosen.
  const ready = depots().then(list => {
    for (const d of list) depot.append(h('option', {value: d.code}, d.code));
    depot.value = ctx.query.get('depot') ?? last.depot;
  }).catch(e => fail(e));

  /** Only the answer to the latest search is shown: an earlier, slower one arriving last is dropped. */
  let latest = 0;

  async function search(page) {
    const asked = ++latest;
    Object.assign(last, {q: q.value.trim(), depot: depot.value, status: status.value, page});
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await get('desk/parcels', {signal: ctx.signal,
        query: {q: last.q, depot: last.depot, status: last.status, page, size: SIZE}});
      if (!ctx.alive() || asked !== latest) return;
      showResults(answer);
      say(answer.total === 0 ? 'No parcel matches.' : answer.totalCapped
        ? `More than ${answer.total.toLocaleString()} parcels found: narrow the search.` : `${answer.total} parcels found.`);
    } catch (error) {
      if (!ctx.alive() || asked !== latest) return;
      replace(results, loadFailure(error, 'Parcel search'));
      if (!error.endpointMissing) fail(error, form);
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  }

  function showResults(answer) {
    const rows = answer.items.map(item => {
      const open = () => ctx.navigate('#/parcels/' + encodeURIComponent(item.trackingId));
      const row = h('tr', {class: 'clickable', tabindex: '0', dataTest: 'parcel-row', 'data-tracking-id': item.trackingId,
        on: {click: open, keydown: e => { if (e.key === 'Enter') open(); }}},
        h('th', {scope: 'row'}, h('a', {href: '#/parcels/' + encodeURIComponent(item.trackingId)}, item.trackingId)),
        h('td', {}, item.shipperReference || ''),
        h('td', {}, item.recipientName || ''),
        h('td', {}, item.postcode || ''),
        h('td', {}, item.town || ''),
        h('td', {}, badge(item.status)),
        h('td', {}, item.deliveryDate || ''),
        h('td', {}, item.depot || ''));
      return row;
    });
    replace(results,
      table({id: 'parcel-results', caption: 'Parcels', rows, empty: 'No parcel matches.', columns: [
        {label: 'Tracking id'}, {label: 'Reference'}, {label: 'Recipient'}, {label: 'Postcode'}, {label: 'Town'},
        {label: 'Status'}, {label: 'Delivery date'}, {label: 'Depot'}]}),
      pager({id: 'parcel-pager', page: answer.page, size: answer.size || SIZE, total: answer.total, onPage: search}));
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    search(0);
  });
  ready.then(() => search(ctx.query.has('q') ? 0 : last.page));
}
