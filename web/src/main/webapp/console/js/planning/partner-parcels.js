// Partner parcels: the parcels bound for a partner that none has taken, sending a parcel to the partner that fits
// best (POST /api/partners/allocation) and taking one back from its partner (POST /api/partners/allocation/recalls).

import {get, post, Problem} from '../api.js';
import {h, replace, section, field, input, table, button, badge, facts, when, link, statusLabel} from '../dom.js';
import {depots} from '../session.js';
import {textarea} from '../widgets.js';
import {fail, say, loadFailure, whileBusy, clearErrors} from '../feedback.js';

const parcelLink = (trackingId, attrs) => link(trackingId, '#/parcels/' + encodeURIComponent(trackingId), attrs);

export function render(main, ctx) {
  const prefill = ctx.query.get('trackingId') || '';
  const result = h('div', {id: 'partner-allocation-result', tabindex: '-1'});
  const depot = h('select', {id: 'partner-waiting-depot', name: 'depot'}, h('option', {value: ''}, 'All my depots'));
  const refresh = h('button', {type: 'submit', id: 'partner-waiting-refresh'}, 'Show');
  const filter = h('form', {id: 'partner-waiting-filter', class: 'toolbar', novalidate: true}, field('Depot', depot), refresh);
  const waiting = h('div', {id: 'partner-waiting-area'});
  const send = allocationForm({id: 'partner-send', submitLabel: 'Send to a partner', commentRequired: false, prefill,
    commentLabel: 'Comment (optional, kept with the reason)'});
  const recall = allocationForm({id: 'partner-recall', submitLabel: 'Recall from partner', commentRequired: true, prefill,
    commentLabel: 'Why (required; the partner is told)'});

  main.append(result,
    h('div', {class: 'grid'},
      section('Send a parcel to a partner', h('p', {class: 'hint'},
        'The cheapest active partner whose coverage, service, weight bands and capacity fit gets the offer.'), send.form),
      section('Recall from partner', h('p', {class: 'hint'},
        'An open offer is withdrawn at once; a parcel a partner accepted comes back when the partner returns it.'), recall.form)),
    section('Waiting for a partner', h('p', {class: 'hint'}, 'Bound for a partner, but none has taken them. Oldest delivery day first.'),
      filter, waiting));

  let latest = 0;

  async function loadWaiting() {
    const asked = ++latest;
    waiting.setAttribute('aria-busy', 'true');
    try {
      const list = await get('partners/allocation/waiting', {query: {depot: depot.value}, signal: ctx.signal});
      if (!ctx.alive() || asked !== latest) return;
      replace(waiting, table({id: 'partner-waiting', caption: `${list.length} parcels waiting`, empty: 'No parcel is waiting for a partner.',
        columns: [{label: 'Tracking id'}, {label: 'Depot'}, {label: 'Delivery date'}, {label: 'Postcode'}, {label: 'Country'},
          {label: 'Weight', class: 'num'}, {label: 'Registered'}, {label: ''}],
        rows: list.map(waitingRow)}));
    } catch (error) {
      if (ctx.alive() && asked === latest) replace(waiting, loadFailure(error, 'The parcels waiting for a partner'));
    } finally {
      waiting.setAttribute('aria-busy', 'false');
    }
  }

  function waitingRow(w) {
    return h('tr', {'data-tracking-id': w.trackingId, dataTest: 'partner-waiting-row'},
      h('th', {scope: 'row'}, parcelLink(w.trackingId)), h('td', {}, w.depot || ''), h('td', {}, w.deliveryDate || ''),
      h('td', {}, w.postcode || ''), h('td', {}, w.country || ''), h('td', {class: 'num'}, w.weightKg === undefined ? '' : `${w.weightKg} kg`),
      h('td', {}, when(w.registeredAt)),
      h('td', {}, button('Allocate again', {dataTest: 'partner-allocate-again', 'aria-label': `Allocate ${w.trackingId} again`},
        async e => {
          try {
            await whileBusy(e.currentTarget, () => allocate(w.trackingId, null));
            // The row goes when the list is read again: the outcome takes the focus.
            if (ctx.alive()) result.focus();
          } catch (error) {
            fail(error);
          }
        })));
  }

  async function allocate(trackingId, comment) {
    const answer = await post('partners/allocation', {trackingId, comment});
    if (!ctx.alive()) return;
    show(answer);
    say(answer.partnerCode ? `${answer.trackingId} offered to ${answer.partnerCode}: ${answer.reason}`
      : `No partner fits ${answer.trackingId}: ${answer.reason || 'no reason given'}. It waits on the list.`);
    loadWaiting();
  }

  async function takeBack(trackingId, comment) {
    const answer = await post('partners/allocation/recalls', {trackingId, comment});
    if (!ctx.alive()) return;
    show(answer);
    // A parcel the partner accepted stays with it until the partner reports it back.
    say(answer.status === 'HANDED_TO_PARTNER'
      ? `${answer.trackingId} recalled: the partner is told and keeps it until it brings it back.`
      : `${answer.trackingId} recalled: it is ${statusLabel(answer.status)}.`);
    loadWaiting();
  }

  function show(answer) {
    result.dataset.trackingId = answer.trackingId;
    result.dataset.status = answer.status || '';
    result.dataset.partnerCode = answer.partnerCode || '';
    replace(result, h('div', {class: 'card'}, facts([
      ['Parcel', parcelLink(answer.trackingId, {id: 'partner-allocation-parcel'})],
      ['Status', h('span', {id: 'partner-allocation-status'}, badge(answer.status))],
      ['Partner', h('span', {id: 'partner-allocation-partner'}, answer.partnerCode || 'none')],
      ['Reason', h('span', {id: 'partner-allocation-reason'}, answer.reason || '—')]])));
  }

  send.onSubmit((trackingId, comment) => allocate(trackingId, comment));
  recall.onSubmit((trackingId, comment) => takeBack(trackingId, comment));
  filter.addEventListener('submit', e => {
    e.preventDefault();
    loadWaiting();
  });
  depot.addEventListener('change', loadWaiting);

  // The depot options first, so a depot from the link can be chosen before the list is read.
  depots().then(list => {
    if (!ctx.alive()) return;
    for (const d of list) depot.append(h('option', {value: d.code}, d.code));
    depot.value = ctx.query.get('depot') || '';
  }).catch(e => fail(e)).finally(() => { if (ctx.alive()) loadWaiting(); });
}

/** A tracking id and a comment; the fields are #<id>-tracking-id and #<id>-comment, the button #<id>-submit. */
function allocationForm({id, submitLabel, commentRequired, commentLabel, prefill}) {
  const trackingId = input({id: id + '-tracking-id', name: 'trackingId', required: true, autocomplete: 'off', value: prefill});
  const comment = textarea({id: id + '-comment', name: 'comment', required: commentRequired, maxlength: '400'});
  const submit = h('button', {type: 'submit', id: id + '-submit', class: commentRequired ? 'danger' : 'primary'}, submitLabel);
  const form = h('form', {id, novalidate: true}, field('Tracking id', trackingId), field(commentLabel, comment),
    h('div', {class: 'actions'}, submit));
  let handler = null;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const errors = [];
    if (!trackingId.value.trim()) errors.push({field: 'trackingId', message: 'give the tracking id'});
    if (commentRequired && !comment.value.trim()) errors.push({field: 'comment', message: 'say why'});
    try {
      if (errors.length) throw new Problem(400, {detail: 'Some fields need a look.', errors});
      await whileBusy(submit, () => handler(trackingId.value.trim(), comment.value.trim() || null));
      clearErrors(form);
      comment.value = '';
    } catch (error) {
      fail(error, form);
    }
  });
  return {form, onSubmit: fn => { handler = fn; }};
}
