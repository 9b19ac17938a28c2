// Staff accounts: open them with roles and depots, reset passwords, lift lockouts, disable and enable, change roles.

import {get, post, put, enc} from '../api.js';
import {h, replace, field, input, table, button, when} from '../dom.js';
import {ROLES, depots} from '../session.js';
import {formDialog, showSecretOnce} from '../widgets.js';
import {fail, say, loadFailure} from '../feedback.js';

export async function render(main, ctx) {
  const area = h('div', {id: 'accounts-area'});
  main.append(h('div', {class: 'actions'}, button('Open an account', {id: 'account-add', class: 'primary'}, () => open())), area);
  const depotCodes = (await depots().catch(() => [])).map(d => d.code);
  if (!ctx.alive()) return;

  async function load() {
    try {
      const accounts = await get('accounts', {signal: ctx.signal});
      if (ctx.alive()) show(accounts);
    } catch (error) {
      if (ctx.alive()) replace(area, loadFailure(error, 'The accounts'));
    }
  }

  function show(accounts) {
    replace(area, table({id: 'accounts', rows: accounts.map(row), empty: 'No account.', columns: [
      {label: 'User name'}, {label: 'Name'}, {label: 'Roles'}, {label: 'Depots'}, {label: 'State'}, {label: 'Since'}, {label: 'Actions'}]}));
  }

  function row(a) {
    const state = [a.enabled ? 'enabled' : 'disabled', a.locked ? 'locked' : null, a.origin === 'OIDC' ? 'identity provider' : null].filter(Boolean).join(', ');
    const act = (label, test, fn, cls) => button(label, {dataTest: test, class: cls, 'aria-label': `${label}: ${a.username}`}, fn);
    return h('tr', {'data-username': a.username, dataTest: 'account-row'},
      h('th', {scope: 'row'}, a.username), h('td', {}, a.displayName || ''),
      h('td', {}, a.roles.map(r => r.toLowerCase().replace(/_/g, ' ')).join(', ')),
      h('td', {}, a.allDepots ? 'all depots' : a.depots.join(', ')), h('td', {}, state), h('td', {}, when(a.createdAt)),
      h('td', {}, h('span', {class: 'actions'},
        act('Roles…', 'account-roles', () => changeRoles(a)),
        act('Reset password', 'account-reset', e => reset(a, e.currentTarget)),
        a.locked ? act('Unlock', 'account-unlock', () => simple(a, 'unlock', 'unlocked')) : null,
        a.enabled ? act('Disable', 'account-disable', () => simple(a, 'disable', 'disabled'), 'danger')
          : act('Enable', 'account-enable', () => simple(a, 'enable', 'enabled')))));
  }

  function roleAndDepotFields(a = {roles: [], depots: [], allDepots: false}) {
    return [
      h('fieldset', {}, h('legend', {}, 'Roles'), h('div', {class: 'checks'}, ROLES.map(role =>
        h('label', {for: 'role-' + role}, h('input', {type: 'checkbox', name: 'roles', value: role, id: 'role-' + role,
          checked: a.roles.includes(role)}), role.toLowerCase().replace(/_/g, ' '))))),
      h('fieldset', {}, h('legend', {}, 'Depots'), h('div', {class: 'checks'},
        h('label', {for: 'depots-all'}, h('input', {type: 'checkbox', name: 'allDepots', value: 'true', id: 'depots-all', checked: a.allDepots}), 'all depots'),
        depotCodes.map(code => h('label', {for: 'depot-' + code}, h('input', {type: 'checkbox', name: 'depots', value: code,
          id: 'depot-' + code, checked: a.depots.includes(code)}), code)))),
    ];
  }

  function open() {
    formDialog({title: 'Open a staff account', id: 'account-dialog', submitLabel: 'Open the account', fields: [
      field('User name', input({name: 'username', id: 'account-username', required: true, autocomplete: 'off'})),
      field('Display name', input({name: 'displayName', id: 'account-display-name'})),
      ...roleAndDepotFields(),
      field('Password (optional)', input({type: 'password', name: 'password', id: 'account-password', autocomplete: 'new-password'}),
        'Leave empty to have one generated and shown once.')],
    submit: async data => {
      const opened = await post('accounts', {username: String(data.get('username') || '').trim(),
        displayName: String(data.get('displayName') || '').trim() || null, roles: data.getAll('roles'), depots: data.getAll('depots'),
        allDepots: data.get('allDepots') === 'true', password: String(data.get('password') || '') || null});
      load();
      if (opened.password) {
        setTimeout(() => showSecretOnce({title: 'New account', valueId: 'account-password-once', secret: opened.password,
          what: `The password of ${opened.account.username}:`}), 0);
      } else {
        say(`Account ${opened.account.username} opened.`);
      }
    }});
  }

  function changeRoles(a) {
    formDialog({title: `Roles and depots of ${a.username}`, id: 'roles-dialog', submitLabel: 'Save',
      intro: 'Saving ends the account\'s tokens and sessions.', fields: roleAndDepotFields(a),
      submit: async data => {
        await put(`accounts/${enc(a.username)}/roles`, {roles: data.getAll('roles'), depots: data.getAll('depots'),
          allDepots: data.get('allDepots') === 'true'});
        say(`Roles of ${a.username} changed.`);
        load();
      }});
  }

  async function reset(a, from) {
    if (!window.confirm(`Give ${a.username} a new password? The current one and its tokens stop working.`)) return;
    try {
      const answer = await post(`accounts/${enc(a.username)}/password-reset`);
      showSecretOnce({title: 'New password', valueId: 'account-password-once', secret: answer.password, returnFocus: from,
        what: `The new password of ${answer.username}:`});
    } catch (error) {
      fail(error);
    }
  }

  async function simple(a, path, done) {
    try {
      await post(`accounts/${enc(a.username)}/${path}`);
      say(`${a.username} ${done}.`);
      load();
    } catch (error) {
      fail(error);
    }
  }

  load();
}
