// Partner 3PLs: put them on record (the client secret shown once), their terms and callback, replace a secret,
// deactivate; each links to its monthly statement.

import {get, post, put, enc} from '../api.js';
import {h, replace, field, input, select, table, button, when, link, statusLabel} from '../dom.js';
import {formDialog, showSecretOnce} from '../widgets.js';
import {fail, say, loadFailure} from '../feedback.js';
import {coverage, services, price, editTerms} from './partner-terms.js';

const CALLBACK_KINDS = [['NONE', 'none'], ['WEBHOOK', 'webhook (signed JSON)'], ['SOAP', 'SOAP (PartnerCallback)']];

export function render(main, ctx) {
  const area = h('div', {id: 'partners-area'});
  main.append(h('div', {class: 'actions'}, button('Put a partner on record', {id: 'partner-add', class: 'primary'}, open)), area);

  async function load() {
    try {
      const partners = await get('partners', {signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(area, table({id: 'partners', empty: 'No partner.', columns: [{label: 'Code'}, {label: 'Name'}, {label: 'Contact'},
        {label: 'State'}, {label: 'Coverage'}, {label: 'Services'}, {label: 'Parcels a day', class: 'num'}, {label: 'SLA'},
        {label: 'Price'}, {label: 'Callback'}, {label: 'Since'}, {label: 'Actions'}],
      rows: partners.map(row)}));
    } catch (error) {
      if (ctx.alive()) replace(area, loadFailure(error, 'The partners'));
    }
  }

  function row(p) {
    const t = p.terms || {};
    const act = (label, aria, test, fn, cls) => button(label, {dataTest: test, class: cls, 'aria-label': aria}, fn);
    return h('tr', {'data-code': p.code, dataTest: 'partner-row'},
      h('th', {scope: 'row'}, p.code), h('td', {}, p.name), h('td', {}, p.contactEmail || ''),
      h('td', {}, p.active ? 'active' : 'deactivated'),
      h('td', {dataTest: 'partner-coverage'}, coverage(t)), h('td', {dataTest: 'partner-services'}, services(t)),
      h('td', {class: 'num', dataTest: 'partner-capacity'}, t.dailyCapacity ?? '—'),
      h('td', {dataTest: 'partner-sla'}, t.slaDays === undefined || t.slaDays === null ? '—' : `${t.slaDays} days`),
      h('td', {dataTest: 'partner-price'}, price(t)),
      h('td', {dataTest: 'partner-callback-kind'}, p.callbackKind && p.callbackKind !== 'NONE'
        ? [statusLabel(p.callbackKind), h('span', {class: 'sub'}, p.callbackUrl || '')] : 'none'),
      h('td', {}, when(p.createdAt)),
      h('td', {}, h('span', {class: 'actions'},
        p.active ? [
          act('Terms…', 'Terms of ' + p.code, 'partner-terms', () => editTerms(p, saved => { say(`Terms of ${saved.code} agreed.`); load(); })),
          act('Callback…', 'Callback of ' + p.code, 'partner-callback', e => callback(p, e.currentTarget)),
          act('New secret', 'New secret for ' + p.code, 'partner-secret', e => secret(p, e.currentTarget)),
          act('Deactivate', 'Deactivate ' + p.code, 'partner-deactivate', () => deactivate(p), 'danger')] : null,
        link('Statement', '#/reports/partner-statements?partner=' + encodeURIComponent(p.code),
          {dataTest: 'partner-statement', 'aria-label': 'Statements of ' + p.code}))));
  }

  function open() {
    formDialog({title: 'Put a partner on record', id: 'partner-dialog', submitLabel: 'Put on record', fields: [
      field('Code', input({name: 'code', id: 'partner-code', required: true})),
      field('Name', input({name: 'name', id: 'partner-name', required: true})),
      field('Contact e-mail', input({type: 'email', name: 'contactEmail', id: 'partner-email'}))],
    submit: async data => {
      const p = await post('partners', {code: String(data.get('code') || '').trim(), name: String(data.get('name') || '').trim(),
        contactEmail: String(data.get('contactEmail') || '').trim() || null});
      setTimeout(() => showSecretOnce({title: 'New partner', valueId: 'partner-secret-once', secret: p.clientSecret,
        what: `The client secret of ${p.code} (client_id ${p.code}):`}), 0);
      load();
    }});
  }

  function callback(p, from) {
    formDialog({title: `Callback of ${p.code}`, id: 'callback-dialog', submitLabel: 'Save the callback',
      intro: 'Where the partner hears of recalls and redirections. Saving gives a new signing secret.',
      fields: [
        field('Kind', select({name: 'kind', id: 'callback-kind'}, CALLBACK_KINDS, p.callbackKind || 'NONE')),
        field('Address', input({type: 'url', name: 'url', id: 'callback-url', value: p.callbackUrl || '', autocomplete: 'off'}),
          'http or https; not needed for none.')],
      submit: async data => {
        const kind = String(data.get('kind') || 'NONE');
        const answer = await put(`partners/${enc(p.code)}/callback`, {kind,
          url: kind === 'NONE' ? null : String(data.get('url') || '').trim() || null});
        load();
        if (answer.signingSecret) {
          setTimeout(() => showSecretOnce({title: 'Callback signing secret', valueId: 'partner-signing-secret-once',
            secret: answer.signingSecret, returnFocus: from,
            what: `The secret that signs the callbacks to ${p.code} (${statusLabel(answer.kind)}, ${answer.url}), shown once: give it to the partner.`}), 0);
        } else {
          say(`${p.code} gets no callbacks.`);
        }
      }});
  }

  async function secret(p, from) {
    if (!window.confirm(`Replace the secret of ${p.code}? The old secret and its tokens stop at once.`)) return;
    try {
      const answer = await post(`partners/${enc(p.code)}/secret`);
      showSecretOnce({title: 'New client secret', valueId: 'partner-secret-once', secret: answer.clientSecret, returnFocus: from,
        what: `The new client secret of ${p.code}:`});
    } catch (error) {
      fail(error);
    }
  }

  async function deactivate(p) {
    if (!window.confirm(`Deactivate ${p.code}? It can no longer sign in or accept parcels.`)) return;
    try {
      await post(`partners/${enc(p.code)}/deactivation`);
      say(`${p.code} deactivated.`);
      load();
    } catch (error) {
      fail(error);
    }
  }

  load();
}
