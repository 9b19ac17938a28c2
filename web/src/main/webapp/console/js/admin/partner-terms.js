// A partner's terms: how the list shows them, and the form that agrees new ones (PUT /api/partners/{code}/terms).

import {put, enc} from '../api.js';
import {h, field, input, money, statusLabel} from '../dom.js';
import {formDialog} from '../widgets.js';

export const SERVICES = ['NEXT_DAY', 'SAME_DAY', 'WEEKEND'];

/** Prefixes shown in the list before "+n more"; a partner may have hundreds. */
const PREFIXES_SHOWN = 6;

const sub = text => h('span', {class: 'sub'}, text);

export function coverage(t) {
  if (!t || !t.countries || !t.countries.length) return h('span', {class: 'empty'}, 'no terms yet');
  const prefixes = t.postcodePrefixes || [];
  const more = prefixes.length - PREFIXES_SHOWN;
  return [t.countries.join(', '),
    sub(prefixes.length ? prefixes.slice(0, PREFIXES_SHOWN).join(', ') + (more > 0 ? ` +${more} more` : '') : 'every postcode')];
}

export function services(t) {
  return t && t.services && t.services.length ? t.services.map(statusLabel).join(', ') : '—';
}

export function price(t) {
  if (!t) return '—';
  const extras = [t.weightBands ? 'bands ' + t.weightBands : null,
    Number(t.sameDaySurcharge) ? `same day +${money(t.sameDaySurcharge)}` : null,
    Number(t.weekendSurcharge) ? `weekend +${money(t.weekendSurcharge)}` : null].filter(Boolean);
  return [money(t.pricePerParcel, t.currency), extras.length ? sub(extras.join(' · ')) : null];
}

const list = text => String(text ?? '').split(',').map(s => s.trim().toUpperCase()).filter(Boolean);
const text = value => String(value ?? '').trim();
const number = value => (text(value) === '' ? null : Number(text(value)));

function amount(name, id, value, label) {
  return field(label, input({type: 'number', name, id, min: '0', step: '0.01', inputmode: 'decimal', value: value ?? ''}));
}

/** Opens the terms form for partner p; onSaved(partner) gets the partner as the server answered. */
export function editTerms(p, onSaved) {
  const t = p.terms || {};
  const chosen = t.services || [];
  formDialog({title: `Terms of ${p.code}`, id: 'terms-dialog', submitLabel: 'Agree these terms',
    intro: 'Allocation uses them from the next parcel on.',
    fields: [
      field('Countries', input({name: 'countries', id: 'terms-countries', required: true, value: (t.countries || []).join(', '),
        autocomplete: 'off'}), 'ISO codes, comma-separated: GB, IE'),
      field('Postcode prefixes', input({name: 'postcodePrefixes', id: 'terms-postcode-prefixes',
        value: (t.postcodePrefixes || []).join(', '), autocomplete: 'off'}), 'Comma-separated, e.g. NW, SE1; empty covers every postcode of the countries.'),
      // The fieldset carries the name, so an error on "services" shows beside the three boxes (#terms-services-error).
      h('fieldset', {id: 'terms-services', name: 'services', tabindex: '-1', 'aria-describedby': 'terms-services-error'},
        h('legend', {}, 'Services'),
        h('div', {class: 'checks'}, SERVICES.map(s => h('label', {for: 'terms-service-' + s},
          h('input', {type: 'checkbox', name: 'services', value: s, id: 'terms-service-' + s, checked: chosen.includes(s)}), statusLabel(s)))),
        h('span', {class: 'field-error', id: 'terms-services-error'})),
      h('div', {class: 'form-row'},
        field('Parcels a day', input({type: 'number', name: 'dailyCapacity', id: 'terms-daily-capacity', min: '0', step: '1',
          required: true, value: t.dailyCapacity ?? ''})),
        field('SLA (days from handover)', input({type: 'number', name: 'slaDays', id: 'terms-sla-days', min: '0', max: '30', step: '1',
          required: true, value: t.slaDays ?? ''}))),
      h('div', {class: 'form-row'},
        amount('pricePerParcel', 'terms-price-per-parcel', t.pricePerParcel, 'Price per parcel'),
        field('Currency', input({name: 'currency', id: 'terms-currency', maxlength: '3', value: t.currency || 'EUR', autocomplete: 'off'}))),
      field('Weight bands', input({name: 'weightBands', id: 'terms-weight-bands', value: t.weightBands || '', autocomplete: 'off'}),
        'Up to kg = surcharge, separated by ";": 5=0.80;10=1.60. Empty: any weight at the base price.'),
      h('div', {class: 'form-row'},
        amount('sameDaySurcharge', 'terms-same-day-surcharge', t.sameDaySurcharge, 'Same-day surcharge'),
        amount('weekendSurcharge', 'terms-weekend-surcharge', t.weekendSurcharge, 'Weekend surcharge'))],
    submit: async data => {
      const saved = await put(`partners/${enc(p.code)}/terms`, {
        countries: list(data.get('countries')), postcodePrefixes: list(data.get('postcodePrefixes')), services: data.getAll('services'),
        dailyCapacity: number(data.get('dailyCapacity')), slaDays: number(data.get('slaDays')),
        pricePerParcel: number(data.get('pricePerParcel')), weightBands: text(data.get('weightBands')) || null,
        sameDaySurcharge: number(data.get('sameDaySurcharge')), weekendSurcharge: number(data.get('weekendSurcharge')),
        currency: text(data.get('currency')).toUpperCase() || null});
      onSaved(saved);
    }});
}
