// Partner statements: a partner's month against its terms (SLA, first attempts, proofs, refusals) and what the
// carrier owes it, from GET /api/partners/{code}/statements/{month}; the same as CSV or PDF by the Accept header.

import {get, download, enc, Problem} from '../api.js';
import {h, replace, section, field, input, select, table, button, facts, when, money, link} from '../dom.js';
import {hasRole} from '../session.js';
import {fail, say, loadFailure, whileBusy, clearErrors} from '../feedback.js';

const SCREEN = '#/reports/partner-statements';
const FILES = [{id: 'statement-csv', label: 'Download CSV', accept: 'text/csv', ext: 'csv'},
  {id: 'statement-pdf', label: 'Download PDF', accept: 'application/pdf', ext: 'pdf'}];

function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const percent = value => (value === null || value === undefined ? '—' : `${value} %`);

export async function render(main, ctx) {
  const wanted = ctx.query.get('partner') || '';
  const partnerSlot = h('div', {id: 'statement-partner-field'});
  const month = input({type: 'month', id: 'statement-month', name: 'month', required: true, placeholder: 'YYYY-MM',
    pattern: '\\d{4}-\\d{2}', value: ctx.query.get('month') || lastMonth()});
  const submit = h('button', {type: 'submit', id: 'statement-show', class: 'primary'}, 'Show the statement');
  const form = h('form', {id: 'statement-form', class: 'toolbar', novalidate: true}, partnerSlot, field('Month', month), submit);
  const out = h('div', {id: 'statement-area'});
  main.append(form, out);

  const partner = await partnerField(wanted, ctx.signal);
  if (!ctx.alive()) return;
  replace(partnerSlot, partner.field);

  let latest = 0;

  async function show() {
    const code = partner.value();
    const errors = [];
    if (!code) errors.push({field: 'code', message: 'choose or type a partner code'});
    if (!/^\d{4}-\d{2}$/.test(month.value.trim())) errors.push({field: 'month', message: 'a month as YYYY-MM, e.g. 2026-12'});
    if (errors.length) {
      fail(new Problem(400, {detail: 'Some fields need a look.', errors}), form);
      return;
    }
    const asked = ++latest;
    const m = month.value.trim();
    history.replaceState(null, '', `${SCREEN}?partner=${encodeURIComponent(code)}&month=${m}`);
    out.setAttribute('aria-busy', 'true');
    try {
      const statement = await whileBusy(submit, () => get(`partners/${enc(code)}/statements/${enc(m)}`, {signal: ctx.signal}));
      if (!ctx.alive() || asked !== latest) return;
      clearErrors(form);
      replace(out, statementView(statement, code, m));
      say(`Statement of ${statement.partnerCode} for ${statement.month}: ${statement.parcels} parcels, ${money(statement.total, statement.currency)}.`);
    } catch (error) {
      if (!ctx.alive() || asked !== latest) return;
      replace(out, error.status === 404 && !error.endpointMissing
        ? h('p', {class: 'notice notice-warning', dataTest: 'notice'}, `There is no partner ${code}.`)
        : loadFailure(error, 'The statement'));
      if (!error.endpointMissing) fail(error, form);
    } finally {
      out.setAttribute('aria-busy', 'false');
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    show();
  });
  if (wanted) show();
}

/**
 * An administrator picks from the partners on record; anyone else (a manager may not list partners), or an
 * administrator when the list cannot be read, types the code.
 */
async function partnerField(wanted, signal) {
  if (hasRole('ADMIN')) {
    try {
      const partners = await get('partners', {signal});
      const options = [['', 'Choose a partner'], ...partners.map(p => [p.code, `${p.code} · ${p.name}${p.active ? '' : ' (deactivated)'}`])];
      if (wanted && !partners.some(p => p.code === wanted)) options.push([wanted, wanted]);
      const el = select({id: 'statement-partner', name: 'code', required: true}, options, wanted);
      return {field: field('Partner', el), value: () => el.value};
    } catch (error) {
      if (error.name === 'AbortError') throw error;
    }
  }
  const el = input({id: 'statement-partner', name: 'code', required: true, value: wanted, autocomplete: 'off'});
  return {field: field('Partner code', el, 'As the partner is on record, e.g. QUICKPOST.'), value: () => el.value.trim()};
}

function statementView(s, code, month) {
  const lines = s.lines || [];
  return section(`Statement of ${s.partnerName} (${s.partnerCode}), ${s.month}`,
    facts([['Currency', s.currency], ['SLA', `${s.slaDays} days from the handover`]]),
    h('ul', {class: 'kpis', id: 'statement-figures'},
      kpi('Parcels handed over', s.parcels, 'statement-parcels'),
      kpi('Delivered', s.delivered, 'statement-delivered'),
      kpi('On time', percent(s.onTimePercent), 'statement-on-time', `${s.onTime} of ${s.delivered} within the SLA`),
      kpi('First attempt', percent(s.firstAttemptPercent), 'statement-first-attempt', `${s.firstAttempt} of ${s.delivered}`),
      kpi('Proofs complete', percent(s.proofsCompletePercent), 'statement-proofs-complete', `${s.proofsComplete} of ${s.delivered}`),
      kpi('Refusals', s.refusals, 'statement-refusals'),
      kpi('Owed', money(s.total, s.currency), 'statement-total', 'delivered parcels, at the price quoted when offered')),
    h('div', {class: 'actions', id: 'statement-downloads'}, FILES.map(f => button(f.label, {id: f.id}, e => save(e.currentTarget, f, code, month)))),
    table({id: 'statement-lines', caption: `${lines.length} parcels`, empty: 'No parcel was handed to this partner in this month.',
      columns: [{label: 'Tracking id'}, {label: 'Accepted'}, {label: 'Delivered'}, {label: 'Weight', class: 'num'},
        {label: 'Base price', class: 'num'}, {label: 'Surcharge', class: 'num'}, {label: 'Amount', class: 'num'}, {label: 'On time'}],
      rows: lines.map(l => h('tr', {'data-tracking-id': l.trackingId, dataTest: 'statement-line'},
        h('th', {scope: 'row'}, link(l.trackingId, '#/parcels/' + encodeURIComponent(l.trackingId))),
        h('td', {}, when(l.acceptedAt)), h('td', {}, l.deliveredAt ? when(l.deliveredAt) : '—'),
        h('td', {class: 'num'}, `${l.weightKg} kg`), h('td', {class: 'num'}, money(l.basePrice)),
        h('td', {class: 'num'}, money(l.surcharge)), h('td', {class: 'num'}, money(l.amount)),
        h('td', {dataTest: 'line-on-time'}, l.onTime === true ? 'yes' : l.onTime === false ? 'late' : '—')))}));
}

function kpi(label, value, id, hint) {
  return h('li', {class: 'kpi'},
    h('span', {class: 'kpi-value', id, dataTest: id}, value === null || value === undefined ? '—' : String(value)),
    h('span', {class: 'kpi-label'}, label), hint ? h('span', {class: 'hint'}, ' · ' + hint) : null);
}

async function save(buttonEl, file, code, month) {
  try {
    const name = await whileBusy(buttonEl, () => download(`partners/${enc(code)}/statements/${enc(month)}`,
      {accept: file.accept, filename: `settlement-${code}-${month}.${file.ext}`}));
    say(`${name} downloaded.`);
  } catch (error) {
    fail(error);
  }
}
