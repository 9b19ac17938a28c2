// The parcel page's "Partner offers": every offer to a partner 3PL, why it was made and what became of it.

import {get, enc} from '../api.js';
import {h, replace, section, table, when, link} from '../dom.js';
import {loadFailure} from '../feedback.js';

/** The statuses in which a parcel is a partner's matter: the section shows even before the first offer. */
export const PARTNER_STATUSES = ['AWAITING_PARTNER', 'OFFERED_TO_PARTNER', 'HANDED_TO_PARTNER'];

/** Fills area (#parcel-partner-offers) from GET /api/partners/allocation/parcels/{id}/offers; a 404 or no offer shows nothing. */
export async function partnerOffers(area, trackingId, status, signal) {
  const expected = PARTNER_STATUSES.includes(status);
  try {
    const offers = await get(`partners/allocation/parcels/${enc(trackingId)}/offers`, {signal});
    // The page may have been drawn again meanwhile (after an action): that drawing loads its own.
    if (!area.isConnected) return;
    if (!offers || (!offers.length && !expected)) return;
    const open = status === 'OFFERED_TO_PARTNER' ? latestUnanswered(offers) : null;
    replace(area, section('Partner offers', table({id: 'parcel-offers', empty: 'No offer to a partner yet.',
      rows: offers.map(o => row(o, o === open)), columns: [{label: 'Partner'}, {label: 'Offered'}, {label: 'By'}, {label: 'Why'},
        {label: 'Price', class: 'num'}, {label: 'Outcome'}]}),
    h('p', {class: 'hint'}, link('Partner parcels', '#/partners/allocation?trackingId=' + encodeURIComponent(trackingId),
      {id: 'parcel-offers-allocation'}), ': send it to a partner again or recall it.')));
  } catch (error) {
    if (error.name === 'AbortError' || !area.isConnected || error.status === 404 || !expected) return;
    replace(area, section('Partner offers', loadFailure(error, 'The offers to partners')));
  }
}

function row(o, open) {
  return h('tr', {'data-offer-id': String(o.offerId), dataTest: 'offer-row'},
    h('th', {scope: 'row'}, o.partnerCode), h('td', {}, when(o.offeredAt)), h('td', {}, o.offeredBy || ''),
    h('td', {}, o.reason || ''), h('td', {class: 'num'}, o.price ?? '—'), h('td', {dataTest: 'offer-outcome'}, outcome(o, open)));
}

const unanswered = o => !o.acceptedAt && !o.refusedAt && !o.withdrawnAt;

/**
 * The offers do not say when one was withdrawn (a recall): an unanswered offer is open only while the parcel is
 * offered, and then only the latest one.
 */
function latestUnanswered(offers) {
  return offers.filter(unanswered).reduce((latest, o) => (!latest || Date.parse(o.offeredAt) >= Date.parse(latest.offeredAt) ? o : latest), null);
}

function outcome(o, open) {
  if (o.acceptedAt) return `accepted ${when(o.acceptedAt)}`;
  if (o.refusedAt) return `refused ${when(o.refusedAt)}${o.refusalReason ? ': ' + o.refusalReason : ''}`;
  if (o.withdrawnAt) return `withdrawn ${when(o.withdrawnAt)}`;
  return open ? 'open' : 'withdrawn';
}
