// Who is signed in, and what their roles let them do (the server decides; this only hides what would be refused).

import {get} from './api.js';

export const ROLES = ['ADMIN', 'DISPATCHER', 'DEPOT_STAFF', 'CUSTOMER_SERVICE', 'MANAGER'];
export const STAFF = ROLES;

let me = null;
let depotsPromise = null;

export function current() {
  return me;
}

export function setCurrent(value) {
  me = value;
  depotsPromise = null;
}

/** True when the caller has one of the roles; an administrator acts in every staff role. */
export function may(roles) {
  if (!me) return false;
  if (me.roles.includes('ADMIN')) return true;
  return roles.some(role => me.roles.includes(role));
}

export function hasRole(role) {
  return !!me && me.roles.includes(role);
}

/** The depots the caller works for, as the server lists them (GET /api/depots), loaded once per sign-in. */
export function depots() {
  if (!depotsPromise) {
    depotsPromise = get('depots').catch(e => {
      depotsPromise = null;
      throw e;
    });
  }
  return depotsPromise;
}

export function forgetDepots() {
  depotsPromise = null;
}

/** The depot and date last chosen, shared by the screens so switching screens keeps them. */
export const choice = {depot: null, date: null};
