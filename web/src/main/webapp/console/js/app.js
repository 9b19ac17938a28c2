// The console's shell: sign-in, the header, the navigation for the caller's roles and the hash router.

import {api, get, setCsrfToken, whenSignedOut} from './api.js';
import {h, replace, field, heading, button} from './dom.js';
import {current, setCurrent, may, STAFF} from './session.js';
import {say, quiet, fail, notice} from './feedback.js';

const ALL = STAFF;

/** Every screen: hash pattern, nav entry, who may use it, and its module (loaded when first shown). */
const SCREENS = [
  {pattern: 'today', nav: 'Today', roles: ALL, load: () => import('./today/today.js')},
  {pattern: 'parcels', nav: 'Parcels', roles: ALL, load: () => import('./parcels/search.js')},
  {pattern: 'parcels/:trackingId', roles: ALL, load: () => import('./parcels/parcel.js'), navAs: 'parcels'},
  {pattern: 'address-checks', nav: 'Address checks', roles: ['ADMIN', 'DEPOT_STAFF'], load: () => import('./parcels/address-checks.js')},
  {pattern: 'exceptions', nav: 'Exceptions', roles: ['ADMIN', 'DEPOT_STAFF', 'MANAGER'], load: () => import('./parcels/exceptions.js')},
  {pattern: 'planning', nav: 'Planning', roles: ['ADMIN', 'DISPATCHER', 'MANAGER'], load: () => import('./planning/planning.js')},
  {pattern: 'partners/allocation', nav: 'Partner parcels', roles: ['ADMIN', 'DISPATCHER'], load: () => import('./planning/partner-parcels.js')},
  {pattern: 'routes', nav: 'Route board', roles: ALL, load: () => import('./planning/routes.js')},
  {pattern: 'fleet', nav: 'Fleet', roles: ALL, load: () => import('./fleet/fleet.js')},
  {pattern: 'admin/accounts', nav: 'Accounts', roles: ['ADMIN'], load: () => import('./admin/accounts.js'), group: 'Administration'},
  {pattern: 'admin/shippers', nav: 'Shippers', roles: ['ADMIN'], load: () => import('./admin/shippers.js'), group: 'Administration'},
  {pattern: 'admin/partners', nav: 'Partners', roles: ['ADMIN'], load: () => import('./admin/partners.js'), group: 'Administration'},
  {pattern: 'admin/audit', nav: 'Audit trail', roles: ['ADMIN', 'MANAGER'], load: () => import('./admin/audit.js'), group: 'Administration'},
  {pattern: 'reports', nav: 'Reports', roles: ['ADMIN', 'MANAGER', 'DISPATCHER', 'DEPOT_STAFF'], load: () => import('./reports/reports.js'), group: 'Reports'},
  {pattern: 'reports/partner-statements', nav: 'Partner statements', roles: ['ADMIN', 'MANAGER'], load: () => import('./reports/partner-statements.js'), group: 'Reports'},
];

const main = document.getElementById('main');
const navList = document.getElementById('nav-list');
const whoEl = document.getElementById('who');
let leaving = null;

function navId(pattern) {
  return 'nav-' + pattern.replace(/\//g, '-');
}

function parseHash() {
  let raw = location.hash.replace(/^#\/?/, '');
  try {
    raw = decodeURIComponent(raw);
  } catch (e) {
    // A malformed link (a stray %): read it as typed rather than show nothing.
  }
  const [path, queryString] = raw.split('?');
  return {segments: path.split('/').filter(Boolean), query: new URLSearchParams(queryString || '')};
}

function match(segments) {
  for (const screen of SCREENS) {
    const parts = screen.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params = {};
    const ok = parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (ok) return {screen, params};
  }
  return null;
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function renderNav(active) {
  navList.replaceChildren();
  let group = null;
  for (const screen of SCREENS) {
    if (!screen.nav || !may(screen.roles)) continue;
    if (screen.group && screen.group !== group) {
      group = screen.group;
      navList.append(h('li', {class: 'nav-group', 'aria-hidden': 'true'}, group));
    }
    const current = active && (active.pattern === screen.pattern || active.navAs === screen.pattern);
    navList.append(h('li', {}, h('a', {
      href: '#/' + screen.pattern, id: navId(screen.pattern), dataTest: 'nav',
      'aria-current': current ? 'page' : null,
    }, screen.nav)));
  }
}

function renderWho(me) {
  if (!me) {
    whoEl.replaceChildren();
    whoEl.hidden = true;
    return;
  }
  whoEl.hidden = false;
  replace(whoEl,
    h('span', {id: 'me-name', class: 'me-name'}, me.name),
    h('span', {id: 'me-roles', class: 'me-roles'}, me.roles.map(r => r.toLowerCase().replace(/_/g, ' ')).join(', ')),
    h('span', {id: 'me-depots', class: 'me-depots'}, me.allDepots ? 'all depots' : (me.depots.length ? me.depots.join(', ') : 'no depot')),
    button('Sign out', {id: 'signout', class: 'link-button'}, signOut));
}

/** Leaves the current screen: its timers and requests stop, and no dialog of it stays open on top. */
function leave() {
  if (leaving) leaving();
  leaving = null;
  document.querySelectorAll('dialog[open]').forEach(dialog => dialog.close());
}

/** Nothing of one person's work stays for the next one at the same browser. */
function forgetTheSession() {
  leave();
  setCurrent(null);
  setCsrfToken(null);
  import('./parcels/search.js').then(search => search.forget());
}

async function route() {
  leave();
  quiet();
  const me = current();
  if (!me) {
    renderSignIn();
    return;
  }
  const {segments, query} = parseHash();
  if (!segments.length) {
    location.replace('#/today');
    return;
  }
  const found = match(segments);
  renderNav(found && found.screen);
  main.replaceChildren();
  if (!found) {
    main.append(heading('Not found'), notice('There is no such screen. Pick one from the menu.'));
    focusHeading();
    return;
  }
  const {screen, params} = found;
  document.title = `${screen.nav || 'Parcel'} · Lastmile console`;
  if (!may(screen.roles)) {
    main.append(heading(screen.nav || 'Not available'),
      h('p', {class: 'notice notice-warning', id: 'not-available', dataTest: 'not-available'},
        'This screen is not available for your role.'));
    focusHeading();
    return;
  }
  const controller = new AbortController();
  const cleanups = [];
  leaving = () => {
    controller.abort();
    cleanups.forEach(fn => { try { fn(); } catch (e) { console.error(e); } });
  };
  const ctx = {
    params, query, signal: controller.signal, navigate,
    onLeave: fn => cleanups.push(fn),
    alive: () => !controller.signal.aborted,
  };
  main.append(heading(screen.nav || ''));
  focusHeading();
  try {
    const module = await screen.load();
    if (controller.signal.aborted) return;
    await module.render(main, ctx);
  } catch (e) {
    if (!controller.signal.aborted) fail(e);
  }
}

function focusHeading() {
  const el = document.getElementById('screen-heading');
  if (el) el.focus();
}

function renderSignIn(message) {
  renderNav(null);
  renderWho(null);
  document.title = 'Sign in · Lastmile console';
  const username = h('input', {id: 'signin-username', name: 'username', autocomplete: 'username', required: true});
  const password = h('input', {id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const form = h('form', {id: 'signin-form', class: 'card signin', novalidate: true},
    field('User name', username), field('Password', password),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'signin-submit', class: 'primary'}, 'Sign in')),
    h('p', {}, h('a', {href: '../api/auth/oidc', id: 'signin-oidc'}, 'Sign in with your identity provider')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const submit = document.getElementById('signin-submit');
    submit.disabled = true;
    try {
      const me = await api('POST', 'auth/session', {body: {username: username.value.trim(), password: password.value}, allow401: true});
      password.value = '';
      signedIn(me);
    } catch (error) {
      fail(error, form);
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(heading('Sign in to the Lastmile console'), form);
  if (message) say(message);
  username.focus();
}

function signedIn(me) {
  if (!me.roles.some(role => STAFF.includes(role))) {
    setCurrent(null);
    renderSignIn('The console is for the carrier\'s staff; this account has no staff role.');
    return;
  }
  setCurrent(me);
  setCsrfToken(me.csrfToken);
  renderWho(me);
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    location.replace('#/today');
    return;
  }
  route();
}

async function signOut() {
  try {
    await api('DELETE', 'auth/session', {allow401: true});
  } catch (e) {
    // Signed out either way: the session is forgotten here too.
  }
  forgetTheSession();
  renderSignIn('You are signed out.');
}

whenSignedOut(() => {
  if (!current()) return;
  forgetTheSession();
  renderSignIn('Your session has ended: sign in again.');
});

window.addEventListener('hashchange', () => route());

async function start() {
  try {
    const me = await get('auth/me', {allow401: true});
    signedIn(me);
  } catch (e) {
    renderSignIn(e.status === 401 ? null : 'The server cannot tell who you are: ' + e.message);
  }
}

const menuToggle = document.getElementById('menu-toggle');
menuToggle.addEventListener('click', () => {
  const open = menuToggle.getAttribute('aria-expanded') !== 'true';
  menuToggle.setAttribute('aria-expanded', String(open));
  document.getElementById('nav').classList.toggle('open', open);
});
navList.addEventListener('click', e => {
  if (e.target.closest('a')) {
    menuToggle.setAttribute('aria-expanded', 'false');
    document.getElementById('nav').classList.remove('open');
  }
});

// The skip link would change the hash (the router's): it moves the focus instead.
document.querySelector('.skip-link').addEventListener('click', e => {
  e.preventDefault();
  main.focus();
});

start();
