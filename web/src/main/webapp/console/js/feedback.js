// What the console tells the user: one polite live region (#status) for outcomes and problems, and each
// field's own error next to it.

import {h, replace} from './dom.js';
import {Problem} from './api.js';

function region() {
  return document.getElementById('status');
}

export function say(text) {
  const el = region();
  if (!el) return;
  el.classList.remove('is-error');
  el.dataset.kind = 'info';
  replace(el, text);
}

export function quiet() {
  const el = region();
  if (el) {
    el.classList.remove('is-error');
    el.dataset.kind = '';
    el.replaceChildren();
  }
}

/** The message of a problem for people: its detail, else its title; never the raw body. */
export function messageOf(error) {
  if (error instanceof Problem && error.endpointMissing) return 'This is not available on this server yet (the endpoint is missing).';
  if (error instanceof Problem) return error.message;
  return 'Something went wrong in the console: ' + (error && error.message ? error.message : String(error));
}

/**
 * Shows a failure: the message in the live region, and each field error beside the field of that name
 * in the form (when given). Field errors without a field go into the message.
 */
export function fail(error, form) {
  if (error && error.name === 'AbortError') return;
  if (!(error instanceof Problem)) console.error(error);
  if (form) clearErrors(form);
  const unplaced = [];
  const errors = error instanceof Problem ? error.errors : [];
  for (const fieldError of errors) {
    const input = form ? inputFor(form, fieldError.field) : null;
    const slot = input ? document.getElementById(input.id + '-error') : null;
    if (input) input.setAttribute('aria-invalid', 'true');
    if (slot) {
      slot.textContent = fieldError.message;
    } else {
      unplaced.push(`${fieldError.field ? fieldError.field + ': ' : ''}${fieldError.message}`);
    }
  }
  const el = region();
  if (!el) return;
  el.classList.add('is-error');
  el.dataset.kind = 'error';
  replace(el, h('strong', {}, messageOf(error)), unplaced.length ? h('ul', {}, unplaced.map(t => h('li', {}, t))) : null);
  const invalid = form && form.querySelector('[aria-invalid="true"]');
  if (invalid) invalid.focus();
}

/**
 * Runs work while the button is disabled; a disabled button loses the keyboard focus, so it gets it back
 * afterwards unless the work moved the focus elsewhere.
 */
export async function whileBusy(buttonEl, work) {
  buttonEl.disabled = true;
  try {
    return await work();
  } finally {
    buttonEl.disabled = false;
    if (buttonEl.isConnected && (document.activeElement === document.body || !document.activeElement)) buttonEl.focus();
  }
}

function inputFor(form, field) {
  if (!field) return null;
  const names = [field, field.split('.').pop(), field.replace(/^.*\./, '').replace(/\[\d+\]$/, '')];
  for (const name of names) {
    const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (el) return el;
  }
  return null;
}

export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(el => { el.textContent = ''; });
}

/** A notice inside a screen, e.g. for an endpoint the server does not offer yet. */
export function notice(text, kind = 'info') {
  return h('p', {class: ['notice', 'notice-' + kind], dataTest: 'notice'}, text);
}

/** The notice for a failed load: "not on this server yet" for a missing endpoint, else the problem. */
export function loadFailure(error, what) {
  if (error instanceof Problem && error.endpointMissing) {
    return notice(`${what} is not available on this server yet (the endpoint is missing).`, 'warning');
  }
  return notice(`${what} could not be loaded: ${messageOf(error)}`, 'error');
}
