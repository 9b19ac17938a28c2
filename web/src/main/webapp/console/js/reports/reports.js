// Reports: the PDFs the server makes, for a depot's day and for each of its routes; the way to partner statements.

import {get, apiUrl, enc} from '../api.js';
import {h, replace, section, table, link} from '../dom.js';
import {may} from '../session.js';
import {depotDatePicker} from '../widgets.js';
import {loadFailure} from '../feedback.js';

export function render(main, ctx) {
  const daily = h('div', {id: 'report-daily'});
  const reconciliations = h('div', {id: 'report-reconciliations'});
  const statements = may(['MANAGER']) ? h('p', {}, link('Partner statements: a partner\'s month and its settlement',
    '#/reports/partner-statements', {id: 'report-partner-statements-link'})) : null;
  main.append(statements, depotDatePicker({signal: ctx.signal, onChange: show}),
    section('Daily deliveries', daily), section('Route reconciliations', reconciliations));

  async function show({depot, date}) {
    replace(daily, h('p', {}, h('a', {id: 'report-daily-link', href: apiUrl(`reports/depots/${enc(depot)}/deliveries/${enc(date)}`),
      target: '_blank', rel: 'noopener'}, `Deliveries of ${depot} on ${date} (PDF)`)));
    try {
      const routes = await get('routes', {query: {depot, date}, signal: ctx.signal});
      if (!ctx.alive()) return;
      replace(reconciliations, table({id: 'report-routes', rows: routes, empty: 'No route on this day.', columns: [
        {label: 'Route', cell: r => `#${r.id}`}, {label: 'Vehicle', key: 'vehicle'}, {label: 'Driver', cell: r => r.driver || '—'},
        {label: 'Reconciliation', cell: r => h('a', {href: apiUrl(`reports/routes/${r.id}/reconciliation`), target: '_blank',
          rel: 'noopener', dataTest: 'report-reconciliation-link'}, 'PDF')}]}));
    } catch (error) {
      if (ctx.alive()) replace(reconciliations, loadFailure(error, 'The routes'));
    }
  }
}
