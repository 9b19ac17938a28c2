// Partner 3PLs: put them on record (the client secret shown once), replace a secret, deactivate.

import {get, post, enc} from '../api.js';
import {h, replace, field, input, table, button, when} from '../dom.js';
import {formDialog, showSecretOnce} from '../widgets.js';
import {fail, say, loadFailure} from '../feedback.js';

export function render(main, ctx) {
  const area = h('div', {id: 'partners-area'});
  main.append(h('div', {class: 'actions'}, button('Put a partner on record', {id: 'partner-add', class: 'primary'}, open)), area);

  async function load() {
    try {
      const partners = await get('partners', {signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(area, table({id: 'partners', empty: 'No partner.', columns: [{label: 'Code'}, {label: 'Name'}, {label: 'Contact'},
        {label: 'State'}, {label: 'Since'}, {label: 'Actions'}],
      rows: partners.map(p => h('tr', {'data-code': p.code, dataTest: 'partner-row'},
        h('th', {scope: 'row'}, p.code), h('td', {}, p.name), h('td', {}, p.contactEmail || ''),
        h('td', {}, p.active ? 'active' : 'deactivated'), h('td', {}, when(p.createdAt)),
        h('td', {}, p.active ? h('span', {class: 'actions'},
          button('New secret', {dataTest: 'partner-secret', 'aria-label': 'New secret for ' + p.code}, e => secret(p, e.currentTarget)),
          button('Deactivate', {class: 'danger', dataTest: 'partner-deactivate', 'aria-label': 'Deactivate ' + p.code}, () => deactivate(p))) : '')))}));
    } catch (error) {
      if (ctx.alive()) replace(area, loadFailure(error, 'The partners'));
    }
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
