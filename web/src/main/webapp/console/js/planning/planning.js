// Planning: plan a depot's day in the background, follow the job, look at the plan, publish it; re-plan after a breakdown.

import {get, post, del, enc} from '../api.js';
import {h, replace, section, field, input, table, button, badge, clock, facts, statusLabel, link} from '../dom.js';
import {may} from '../session.js';
import {depotDatePicker} from '../widgets.js';
import {fail, say, loadFailure, notice, whileBusy} from '../feedback.js';
import {ConsoleMap} from '../map.js';

const POLL_MS = 1000;
const FINISHED = ['DONE', 'CANCELLED', 'FAILED', 'PUBLISHED'];

export function render(main, ctx) {
  const planner = may(['DISPATCHER']);
  const state = {depot: null, date: null, depotView: null, job: null, timer: null, map: null, shownPlanOf: null};
  const located = new Map();
  ctx.onLeave(() => {
    clearTimeout(state.timer);
    if (state.map) state.map.destroy();
  });

  const dayArea = h('div', {id: 'planning-day'});
  const budget = input({type: 'number', id: 'plan-budget', name: 'budgetSeconds', min: '1', max: '600', step: '1', value: '10'});
  const start = h('button', {type: 'submit', id: 'plan-start', class: 'primary'}, 'Start planning job');
  const startForm = h('form', {id: 'plan-start-form', class: 'toolbar', novalidate: true},
    field('Time budget (seconds)', budget), start);
  const jobIdInput = input({type: 'number', id: 'plan-job-id', name: 'job', min: '1', value: ctx.query.get('job') || ''});
  const watchForm = h('form', {id: 'plan-watch-form', class: 'toolbar', novalidate: true},
    field('Planning job number', jobIdInput), h('button', {type: 'submit', id: 'plan-watch'}, 'Follow this job'));
  const jobArea = h('div', {id: 'planning-job', 'aria-live': 'off'});
  const planArea = h('div', {id: 'planning-plan'});
  const replanArea = h('div', {id: 'replan'});
  const replanResult = h('div', {id: 'replan-result'});

  main.append(
    depotDatePicker({signal: ctx.signal, onChange: choice => { Object.assign(state, choice); loadDay(); }}),
    h('div', {class: 'grid'},
      section('The day', dayArea),
      section('Planning job', planner ? startForm : h('p', {class: 'hint'}, 'Dispatchers start planning jobs; you can follow one.'), watchForm, jobArea)),
    planArea,
    planner ? section('Re-plan after a breakdown', replanArea, replanResult) : null);

  async function loadDay() {
    replace(dayArea, h('p', {class: 'hint'}, 'Loading…'));
    const {depot, date} = state;
    const [today, availability, routes] = await Promise.allSettled([
      get(`depots/${enc(depot)}/today`, {query: {date}, signal: ctx.signal}),
      get(`depots/${enc(depot)}/availability/${enc(date)}`, {signal: ctx.signal}),
      get('routes', {query: {depot, date}, signal: ctx.signal}),
    ]);
    if (!ctx.alive() || state.depot !== depot || state.date !== date) return;
    const byStatus = today.status === 'fulfilled' ? today.value.parcelsByStatus || {} : null;
    const due = byStatus ? Object.values(byStatus).reduce((a, b) => a + b, 0) : null;
    replace(dayArea,
      byStatus ? facts([['Parcels due', h('span', {id: 'plan-parcels-due'}, String(due))],
        ['Not yet on a route', h('span', {id: 'plan-parcels-unplanned'}, String(byStatus.REGISTERED || 0))]])
        : loadFailure(today.reason, 'The count of parcels due'),
      availability.status === 'fulfilled' ? fleet(availability.value) : loadFailure(availability.reason, 'The fleet available'),
      routes.status === 'fulfilled' ? h('p', {id: 'plan-routes-published'}, `${routes.value.length} routes published for this day. `,
        link('Route board', '#/routes')) : null);
    if (planner) showReplan(routes.status === 'fulfilled' ? routes.value : []);
  }

  function fleet(a) {
    return h('div', {id: 'plan-fleet'}, facts([
      ['Vehicles available', h('span', {id: 'plan-vehicles-available'}, String(a.vehicles.length))],
      ['Drivers available', h('span', {id: 'plan-drivers-available'}, String(a.drivers.length))],
      ['Off this day', a.absent.length ? h('ul', {id: 'plan-absent'}, a.absent.map(t => h('li', {}, t))) : 'nobody']]),
    h('p', {class: 'hint'}, link('Change who is available', '#/fleet')));
  }

  startForm.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const job = await whileBusy(start, () => post('planning-jobs', {depot: state.depot, date: state.date, budgetSeconds: Number(budget.value) || 10}));
      say(`Planning job ${job.id} started.`);
      follow(job);
    } catch (error) {
      fail(error, startForm);
    }
  });

  watchForm.addEventListener('submit', async e => {
    e.preventDefault();
    if (!jobIdInput.value) return;
    try {
      follow(await get(`planning-jobs/${enc(jobIdInput.value)}`, {signal: ctx.signal}));
    } catch (error) {
      fail(error, watchForm);
    }
  });

  function follow(job) {
    clearTimeout(state.timer);
    state.job = job;
    state.shownPlanOf = null;
    jobIdInput.value = job.id;
    history.replaceState(null, '', '#/planning?job=' + job.id);
    showJob();
    poll();
  }

  async function poll() {
    clearTimeout(state.timer);
    if (!state.job || FINISHED.includes(state.job.status)) return;
    state.timer = setTimeout(async () => {
      try {
        const id = state.job.id;
        const job = await get(`planning-jobs/${id}`, {signal: ctx.signal});
        if (!ctx.alive() || !state.job || state.job.id !== id) return;
        state.job = job;
        showJob();
        if (FINISHED.includes(job.status)) say(`Planning job ${job.id} ${statusLabel(job.status)}.`);
      } catch (error) {
        if (ctx.alive()) fail(error);
      }
      if (ctx.alive()) poll();
    }, POLL_MS);
  }

  function showJob() {
    const job = state.job;
    const running = !FINISHED.includes(job.status);
    const cancel = planner && running ? button('Cancel', {id: 'plan-cancel', class: 'danger'}, async () => {
      cancel.disabled = true;
      try {
        state.job = await del(`planning-jobs/${job.id}`);
        showJob();
        say(`Planning job ${job.id} cancelled${state.job.plan ? '; its best plan so far can still be published' : ''}.`);
      } catch (error) {
        fail(error);
        cancel.disabled = false;
      }
    }) : null;
    replace(jobArea,
      h('p', {}, `Job ${job.id} · ${job.depot} · ${job.date} `, h('span', {id: 'plan-status', dataTest: 'plan-status'}, badge(job.status))),
      h('progress', {id: 'planning-progress', max: String(job.budgetMs || 1),
        value: String(FINISHED.includes(job.status) ? job.budgetMs || 1 : Math.min(job.elapsedMs || 0, job.budgetMs || 1)),
        'aria-label': 'Time spent of the planning budget'}),
      facts([
        ['Best cost so far', h('span', {id: 'plan-cost'}, job.cost !== undefined && job.cost !== null ? money(job.cost) : '—')],
        ['Vehicles', h('span', {id: 'plan-vehicles'}, job.vehicles ?? '—')],
        ['Distance', h('span', {id: 'plan-distance'}, job.distanceKm !== undefined && job.distanceKm !== null ? `${job.distanceKm.toFixed(1)} km` : '—')],
        ['Not placed', h('span', {id: 'plan-unassigned'}, job.unassigned ?? '—')],
        ['Elapsed', h('span', {id: 'plan-elapsed'}, `${((job.elapsedMs || 0) / 1000).toFixed(1)} s of ${((job.budgetMs || 0) / 1000).toFixed(0)} s`)],
        ['Error', job.error]]),
      cancel ? h('div', {class: 'actions'}, cancel) : null);
    if (!running && job.plan && state.shownPlanOf !== job.id + job.status) {
      state.shownPlanOf = job.id + job.status;
      showPlan(job);
    } else if (!job.plan) {
      planArea.replaceChildren();
    }
  }

  async function showPlan(job) {
    const plan = job.plan;
    if (state.map) state.map.destroy();
    state.map = null;
    const publish = planner && job.status !== 'PUBLISHED'
      ? button('Publish', {id: 'plan-publish', class: 'primary'}, () => publishPlan(job, publish)) : null;
    const mapEl = h('div', {id: 'plan-map', dataTest: 'map'});
    const totals = plan.totals || {};
    replace(planArea, section(job.status === 'PUBLISHED' ? 'The published plan' : 'The plan',
      h('p', {id: 'plan-totals'}, `${totals.vehicles ?? plan.routes.length} vehicles, ${totals.parcels ?? '?'} parcels, `
        + `${totals.distanceKm ?? '?'} km, cost ${money(totals.cost)}, ${totals.co2Kg ?? '?'} kg CO₂`),
      publish ? h('div', {class: 'actions'}, publish) : h('p', {}, link('See the routes on the route board', '#/routes')),
      mapEl,
      table({id: 'plan-routes', caption: 'Routes', rows: plan.routes, empty: 'No route.', columns: [
        {label: 'Vehicle', key: 'registration'}, {label: 'Driver', cell: r => r.driver || '—'},
        {label: 'Stops', class: 'num', cell: r => r.stops.length}, {label: 'Departs', cell: r => clock(r.departure)},
        {label: 'Back', cell: r => clock(r.returnsAt)}, {label: 'Distance', class: 'num', cell: r => `${r.distanceKm} km`},
        {label: 'Cost', class: 'num', cell: r => money(r.cost)}]}),
      table({id: 'plan-unplaced', caption: 'Parcels not placed', rows: plan.unassigned || [], empty: 'Every parcel found a place.',
        columns: [{label: 'Parcel', cell: u => link(u.trackingId, '#/parcels/' + encodeURIComponent(u.trackingId))},
          {label: 'Why', cell: u => statusLabel(u.code)}, {label: 'Detail', key: 'reason'}]})));
    state.map = new ConsoleMap(mapEl, {depot: state.depotView && state.depotView.code === job.depot ? state.depotView : null,
      label: 'Map of the plan'});
    const map = state.map;
    const missing = await locate(plan.routes.flatMap(r => r.stops));
    if (!ctx.alive() || state.map !== map) return;
    plan.routes.forEach((r, i) => map.addRoute({id: 'p' + i, colour: i, label: `${r.registration}${r.driver ? ' · ' + r.driver : ''}`,
      stops: r.stops.map((s, n) => ({sequence: n + 1, trackingId: s.trackingId, eta: clock(s.eta), ...located.get(s.trackingId)}))}));
    map.fit();
    if (missing) mapEl.before(notice(`${missing} stops could not be put on the map (their position is not available).`, 'warning'));
  }

  /** Planned stops carry no position: each parcel's position comes from its desk page (a few at a time). */
  async function locate(stops) {
    const wanted = stops.filter(s => s.latitude === undefined && !located.has(s.trackingId));
    stops.filter(s => s.latitude !== undefined).forEach(s => located.set(s.trackingId, {latitude: s.latitude, longitude: s.longitude}));
    let missing = 0;
    let broken = false;
    const queue = [...new Set(wanted.map(s => s.trackingId))];
    const worker = async () => {
      while (queue.length && !broken && ctx.alive()) {
        const id = queue.shift();
        try {
          const page = await get(`desk/parcels/${enc(id)}`, {signal: ctx.signal});
          const a = page.parcel.address || {};
          if (a.latitude !== undefined && a.latitude !== null) located.set(id, {latitude: a.latitude, longitude: a.longitude});
        } catch (error) {
          if (error.endpointMissing) broken = true;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    for (const s of stops) if (!located.has(s.trackingId)) missing += 1;
    return missing;
  }

  async function publishPlan(job, publishButton) {
    publishButton.disabled = true;
    try {
      const routes = await post(`planning-jobs/${job.id}/publish`);
      say(`Published: ${routes.length} routes are now the drivers' manifests.`);
      state.job = await get(`planning-jobs/${job.id}`);
      showJob();
      loadDay();
    } catch (error) {
      fail(error);
      publishButton.disabled = false;
    }
  }

  function showReplan(routes) {
    const vehicle = h('select', {id: 'replan-vehicle', name: 'brokenVehicle'},
      h('option', {value: ''}, 'No breakdown: re-plan the rest of the day'),
      routes.filter(r => !r.withdrawn).map(r => h('option', {value: r.vehicle}, `${r.vehicle}${r.driver ? ' · ' + r.driver : ''} (route ${r.id})`)));
    const submit = h('button', {type: 'submit', id: 'replan-submit', class: 'primary'}, 'Re-plan');
    const form = h('form', {id: 'replan-form', class: 'toolbar', novalidate: true}, field('Vehicle that broke down', vehicle), submit);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const outcome = await whileBusy(submit, () => post('routes/replan', {depot: state.depot, date: state.date, brokenVehicle: vehicle.value || null}));
        replace(replanResult, facts([
          ['Changed', (outcome.changed || []).map(r => `${r.vehicle} (route ${r.id}, revision ${r.revision})`).join(', ') || 'none'],
          ['Unchanged', (outcome.unchanged || []).map(id => `route ${id}`).join(', ') || 'none'],
          ['Added', (outcome.added || []).map(r => `${r.vehicle} (route ${r.id})`).join(', ') || 'none'],
          ['Withdrawn', (outcome.withdrawn || []).map(r => `${r.vehicle} (route ${r.id})`).join(', ') || 'none']]),
        table({id: 'replan-unassigned', caption: 'Parcels without a place', rows: outcome.unassigned || [], empty: 'Every parcel has a place.',
          columns: [{label: 'Parcel', key: 'trackingId'}, {label: 'Why', cell: u => statusLabel(u.code)}, {label: 'Detail', key: 'reason'}]}));
        say('The rest of the day is re-planned.');
        loadDay();
      } catch (error) {
        fail(error, form);
      }
    });
    replace(replanArea, routes.length ? form : h('p', {class: 'empty'}, 'No route published for this day yet.'));
  }

  if (ctx.query.get('job')) {
    get(`planning-jobs/${enc(ctx.query.get('job'))}`, {signal: ctx.signal}).then(follow).catch(error => fail(error));
  }
}

function money(value) {
  return value === undefined || value === null ? '—' : Number(value).toFixed(2);
}
