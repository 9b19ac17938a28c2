// Exceptions: deliveries that need a look (late proof, wrong place…); depot staff accept or reject each.

import {get, post, enc, Problem} from '../api.js';
import {h, replace, table, when, statusLabel, field, button} from '../dom.js';
import {may} from '../session.js';
import {formDialog, textarea} from '../widgets.js';
import {say, loadFailure} from '../feedback.js';

export async function render(main, ctx) {
  const reviewer = may(['DEPOT_STAFF']);
  const area = h('div', {id: 'exceptions-area'});
  main.append(reviewer ? null : h('p', {class: 'hint', id: 'exceptions-read-only'}, 'You can read the exceptions; depot staff review them.'), area);
  let open = [];

  function show() {
    const columns = [
      {label: 'Kind', cell: x => statusLabel(x.kind)},
      {label: 'Parcel', cell: x => h('a', {href: '#/parcels/' + encodeURIComponent(x.trackingId)}, x.trackingId)},
      {label: 'Depot', cell: x => x.depot || ''},
      {label: 'Detail', key: 'detail'},
      {label: 'Raised', cell: x => when(x.raisedAt)},
    ];
    if (reviewer) {
      columns.push({label: 'Review', cell: x => h('span', {class: 'actions'},
        button('Accept', {dataTest: 'exception-accept', 'aria-label': `Accept exception ${x.id} of ${x.trackingId}`}, () => review(x, 'ACCEPTED')),
        button('Reject', {class: 'danger', dataTest: 'exception-reject', 'aria-label': `Reject exception ${x.id} of ${x.trackingId}`}, () => review(x, 'REJECTED')))});
    }
    replace(area, table({id: 'exceptions', caption: `${open.length} open exceptions`, columns, empty: 'No open exception.',
      rows: open.map(x => {
        const row = h('tr', {'data-exception-id': String(x.id), dataTest: 'exception-row'});
        columns.forEach((c, i) => row.append(i === 0 ? h('th', {scope: 'row'}, c.cell(x)) : h('td', {}, c.cell ? c.cell(x) : x[c.key] ?? '')));
        return row;
      })}));
  }

  function review(x, decision) {
    const accept = decision === 'ACCEPTED';
    formDialog({
      title: `${accept ? 'Accept' : 'Reject'} the exception of ${x.trackingId}`, id: 'review-dialog',
      submitLabel: accept ? 'Accept' : 'Reject', intro: x.detail,
      fields: [field('Comment', textarea({name: 'comment', id: 'review-comment', required: true, dataTest: 'exception-comment'}),
        'Required: what you checked and why.')],
      submit: async data => {
        const comment = String(data.get('comment') || '').trim();
        if (!comment) {
          throw new Problem(400, {detail: 'Write a comment for the review.', errors: [{field: 'comment', message: 'must not be empty'}]});
        }
        await post(`pod/exceptions/${enc(x.id)}/review`, {decision, comment});
        open = open.filter(o => o.id !== x.id);
        show();
        say(`Exception of ${x.trackingId} ${accept ? 'accepted' : 'rejected'}.`);
        setTimeout(() => document.getElementById('screen-heading').focus(), 0);
      },
    });
  }

  try {
    open = await get('pod/exceptions', {signal: ctx.signal});
    if (ctx.alive()) show();
  } catch (error) {
    if (ctx.alive()) replace(area, loadFailure(error, 'The exceptions'));
  }
}
