// Shippers: open accounts (the API key shown once), their keys, a second key for a rotation, revoking a key.

import {get, post, del, enc} from '../api.js';
import {h, replace, field, input, table, button, when} from '../dom.js';
import {formDialog, showSecretOnce} from '../widgets.js';
import {fail, say, loadFailure} from '../feedback.js';

export function render(main, ctx) {
  const area = h('div', {id: 'shippers-area'});
  const keysArea = h('div', {id: 'shipper-keys-area', 'aria-live': 'polite'});
  main.append(h('div', {class: 'actions'}, button('Open a shipper account', {id: 'shipper-add', class: 'primary'}, open)), area, keysArea);

  async function load() {
    try {
      const shippers = await get('shippers', {signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(area, table({id: 'shippers', rows: shippers.map(s => h('tr', {'data-code': s.code, dataTest: 'shipper-row'},
        h('th', {scope: 'row'}, s.code), h('td', {}, s.name), h('td', {class: 'num'}, String(s.activeKeys ?? '')),
        h('td', {}, button('Keys', {dataTest: 'shipper-keys', 'aria-label': 'Keys of ' + s.code}, () => keys(s.code))))),
      empty: 'No shipper.', columns: [{label: 'Code'}, {label: 'Name'}, {label: 'Live keys'}, {label: ''}]}));
    } catch (error) {
      if (!ctx.alive()) return;
      replace(area, loadFailure(error, 'The list of shippers'), keysByCode());
    }
  }

  /** Without the list, the keys of a shipper whose code one knows. */
  function keysByCode() {
    const code = input({id: 'shipper-code-lookup', name: 'code'});
    const form = h('form', {class: 'toolbar'}, field('Shipper code', code), h('button', {type: 'submit'}, 'Show its keys'));
    form.addEventListener('submit', e => { e.preventDefault(); if (code.value.trim()) keys(code.value.trim()); });
    return form;
  }

  async function keys(code) {
    try {
      const list = await get(`shippers/${enc(code)}/keys`, {signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(keysArea, h('section', {class: 'card', 'aria-labelledby': 'keys-heading'}, h('h2', {id: 'keys-heading'}, `API keys of ${code}`),
        table({id: 'shipper-keys', rows: list, empty: 'No key.', columns: [
          {label: 'Key', cell: k => `#${k.id} ${k.hint}`}, {label: 'Created', cell: k => when(k.createdAt)},
          {label: 'Revoked', cell: k => (k.revokedAt ? when(k.revokedAt) : '—')},
          {label: '', cell: k => (k.revokedAt ? '' : button('Revoke', {class: 'danger', dataTest: 'key-revoke', 'aria-label': `Revoke key ${k.id}`},
            () => revoke(code, k)))}]}),
        h('div', {class: 'actions'},
          button('Issue a second key', {id: 'key-new'}, e => issue(code, `shippers/${enc(code)}/keys`, e.currentTarget)),
          button('Revoke all and issue one (after a leak)', {id: 'key-reset', class: 'danger'}, e => {
            if (window.confirm(`Revoke every key of ${code} and issue a new one?`)) issue(code, `shippers/${enc(code)}/keys/reset`, e.currentTarget);
          }))));
    } catch (error) {
      fail(error);
    }
  }

  async function issue(code, path, from) {
    try {
      const key = await post(path);
      showSecretOnce({title: 'New API key', valueId: 'shipper-api-key', secret: key.apiKey, returnFocus: from,
        what: `The new API key of ${code} (send it as X-Api-Key):`});
      keys(code);
      load();
    } catch (error) {
      fail(error);
    }
  }

  async function revoke(code, key) {
    if (!window.confirm(`Revoke key #${key.id} of ${code}? Requests with it are refused from now on.`)) return;
    try {
      await del(`shippers/${enc(code)}/keys/${enc(key.id)}`);
      say(`Key #${key.id} of ${code} revoked.`);
      keys(code);
      load();
    } catch (error) {
      fail(error);
    }
  }

  function open() {
    formDialog({title: 'Open a shipper account', id: 'shipper-dialog', submitLabel: 'Open the account', fields: [
      field('Code', input({name: 'code', id: 'shipper-code', required: true})),
      field('Name', input({name: 'name', id: 'shipper-name', required: true}))],
    submit: async data => {
      const created = await post('shippers', {code: String(data.get('code') || '').trim(), name: String(data.get('name') || '').trim()});
      setTimeout(() => showSecretOnce({title: 'New shipper account', valueId: 'shipper-api-key', secret: created.apiKey,
        what: `The API key of ${created.code} (send it as X-Api-Key):`}), 0);
      load();
    }});
  }

  load();
}
