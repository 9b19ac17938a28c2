// The audit trail: who did what, newest first, with filters; and whether the hash chain is intact.

import {get} from '../api.js';
import {h, replace, field, input, table, button, when} from '../dom.js';
import {fail, loadFailure} from '../feedback.js';

const LIMIT = 50;

export function render(main, ctx) {
  const names = [['actor', 'Actor (exact)'], ['action', 'Action (starts with)'], ['subjectType', 'Subject type'], ['subjectId', 'Subject id']];
  const inputs = Object.fromEntries(names.map(([name]) => [name, input({name, id: 'audit-' + name})]));
  const from = input({type: 'datetime-local', name: 'from', id: 'audit-from'});
  const to = input({type: 'datetime-local', name: 'to', id: 'audit-to'});
  const form = h('form', {id: 'audit-filter', class: 'toolbar', novalidate: true},
    names.map(([name, label]) => field(label, inputs[name])), field('From', from), field('To', to),
    h('button', {type: 'submit', id: 'audit-search', class: 'primary'}, 'Filter'));
  const verification = h('div', {id: 'audit-verification', class: 'card', 'aria-live': 'polite'},
    h('p', {}, button('Verify the chain', {id: 'audit-verify'}, verify)));
  const results = h('div', {id: 'audit-results'});
  main.append(verification, form, results);
  let offset = 0;

  const instant = el => (el.value ? new Date(el.value).toISOString() : null);

  async function load() {
    try {
      const entries = await get('audit', {signal: ctx.signal, query: {
        ...Object.fromEntries(names.map(([name]) => [name, inputs[name].value.trim()])),
        from: instant(from), to: instant(to), offset, limit: LIMIT}});
      if (!ctx.alive()) return;
      replace(results, table({id: 'audit', rows: entries, empty: 'No entry.', columns: [
        {label: '#', key: 'seq'}, {label: 'When', cell: e => when(e.at)}, {label: 'Actor', cell: e => `${e.actor} (${(e.actorKind || '').toLowerCase()})`},
        {label: 'Action', key: 'action'}, {label: 'Subject', cell: e => [e.subjectType, e.subjectIds].filter(Boolean).join(' ')},
        {label: 'Detail', key: 'detail'}, {label: 'From', key: 'clientAddress'}]}),
      h('nav', {class: 'pager', 'aria-label': 'Pages'},
        button('Newer', {id: 'audit-prev', disabled: offset === 0}, () => { offset = Math.max(0, offset - LIMIT); load(); }),
        h('span', {id: 'audit-range'}, entries.length ? `entries ${offset + 1}–${offset + entries.length}` : 'no entries'),
        button('Older', {id: 'audit-next', disabled: entries.length < LIMIT}, () => { offset += LIMIT; load(); })));
    } catch (error) {
      if (!ctx.alive()) return;
      if (error.status === 400) fail(error, form);
      else replace(results, loadFailure(error, 'The audit trail'));
    }
  }

  async function verify() {
    try {
      const v = await get('audit/verification', {signal: ctx.signal});
      replace(verification, h('p', {id: 'audit-chain', class: v.intact ? '' : 'warning', dataTest: v.intact ? 'chain-intact' : 'chain-broken'},
        v.intact ? `The chain of ${v.entries} entries is intact.`
          : `The chain is broken at entry ${v.firstBrokenSeq} (of ${v.entries}): a row was changed, removed or inserted out of order.`),
      h('p', {}, button('Verify again', {id: 'audit-verify'}, verify)));
      document.getElementById('audit-verify').focus();
    } catch (error) {
      fail(error);
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    offset = 0;
    load();
  });
  load();
}
