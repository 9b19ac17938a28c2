// Pieces several screens share: the depot and date picker, dialogs, a secret shown once.

import {h, field, select, button, isoToday} from './dom.js';
import {depots, choice} from './session.js';
import {fail, say} from './feedback.js';

/**
 * Depot (GET /api/depots) and, unless withDate is false, date pickers: #depot-picker, #date-picker.
 * Calls onChange({depot, date, depotView}) at once with the first depot and today, and on every change.
 */
export function depotDatePicker({onChange, withDate = true, signal}) {
  const depotSelect = h('select', {id: 'depot-picker', name: 'depot'});
  const dateInput = h('input', {type: 'date', id: 'date-picker', name: 'date', value: choice.date || isoToday(), required: true});
  const form = h('form', {class: 'picker', id: 'depot-date-form', on: {submit: e => e.preventDefault()}},
    field('Depot', depotSelect), withDate ? field('Date', dateInput) : null);
  let list = [];
  const emit = () => {
    if (!depotSelect.value) return;
    choice.depot = depotSelect.value;
    if (withDate && dateInput.value) choice.date = dateInput.value;
    onChange({depot: depotSelect.value, date: dateInput.value, depotView: list.find(d => d.code === depotSelect.value)});
  };
  depotSelect.addEventListener('change', emit);
  dateInput.addEventListener('change', () => { if (dateInput.value) emit(); });
  depots().then(found => {
    if (signal && signal.aborted) return;
    list = found;
    if (!found.length) {
      depotSelect.append(h('option', {value: ''}, 'No depot'));
      say('You work for no depot: ask an administrator to give you one.');
      return;
    }
    for (const d of found) depotSelect.append(h('option', {value: d.code}, `${d.code} · ${d.name}`));
    const remembered = found.find(d => d.code === choice.depot);
    depotSelect.value = remembered ? remembered.code : found[0].code;
    emit();
  }).catch(e => fail(e));
  return form;
}

/**
 * A modal dialog (<dialog>, Escape closes it). content gets a close function.
 * The dialog is removed from the page when closed, with what it showed.
 */
export function openDialog({title, id, build, onClose}) {
  const headingId = (id || 'dialog') + '-title';
  const dialog = h('dialog', {id, class: 'dialog', 'aria-labelledby': headingId});
  const close = () => dialog.close();
  dialog.append(h('h2', {id: headingId}, title), build(close));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (onClose) onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('input, select, textarea, button');
  if (first) first.focus();
  return dialog;
}

/**
 * Shows a secret (token, password, API key) once, with a copy button. Nothing keeps it: the only copy is
 * the dialog's text node, removed with the dialog when it closes.
 */
export function showSecretOnce({title, what, secret, valueId = 'secret-value', returnFocus}) {
  openDialog({
    title, id: 'secret-dialog',
    onClose: () => {
      const back = returnFocus && returnFocus.isConnected ? returnFocus : document.getElementById('screen-heading');
      if (back) back.focus();
    },
    build: close => {
      const value = h('code', {id: valueId, class: 'secret', dataTest: 'secret-value', tabindex: '0'}, secret);
      const copied = h('span', {class: 'hint', role: 'status'});
      const copy = button('Copy', {id: 'secret-copy', dataTest: 'secret-copy'}, async () => {
        try {
          await navigator.clipboard.writeText(value.textContent);
          copied.textContent = 'Copied.';
        } catch (e) {
          window.getSelection().selectAllChildren(value);
          copied.textContent = 'Copying is not allowed here: the text is selected, press Ctrl+C.';
        }
      });
      return h('div', {},
        h('p', {}, what),
        h('p', {class: 'secret-row'}, value, ' ', copy, ' ', copied),
        h('p', {class: 'warning'}, 'It will not be shown again: copy it now.'),
        h('div', {class: 'actions'}, button('Done', {id: 'secret-close', class: 'primary', dataTest: 'secret-close'}, close)));
    },
  });
}

/** A form in a dialog: fields, a submit button; submit(values, form) returns a promise; failures show on the fields. */
export function formDialog({title, id, fields, submitLabel, submit, intro}) {
  openDialog({
    title, id,
    build: close => {
      const form = h('form', {novalidate: true, class: 'dialog-form'});
      const submitButton = h('button', {type: 'submit', class: 'primary', id: id + '-submit', dataTest: 'dialog-submit'}, submitLabel);
      form.append(intro ? h('p', {}, intro) : null, ...fields.filter(Boolean),
        h('div', {class: 'actions'}, submitButton, button('Cancel', {dataTest: 'dialog-cancel'}, close)));
      form.addEventListener('submit', async e => {
        e.preventDefault();
        submitButton.disabled = true;
        try {
          await submit(new FormData(form), form);
          close();
        } catch (error) {
          fail(error, form);
        } finally {
          submitButton.disabled = false;
          if (submitButton.isConnected && document.activeElement === document.body) submitButton.focus();
        }
      });
      return form;
    },
  });
}

/** Prev / next and "from–to of total". */
export function pager({page, size, total, onPage, id = 'pager'}) {
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return h('nav', {class: 'pager', id, 'aria-label': 'Pages'},
    button('Previous', {id: id + '-prev', disabled: page <= 0}, () => onPage(page - 1)),
    h('span', {id: id + '-count', dataTest: 'pager-count'}, total === 0 ? 'No results' : `${first}–${last} of ${total}`),
    button('Next', {id: id + '-next', disabled: last >= total}, () => onPage(page + 1)));
}

export function textarea(attrs) {
  return h('textarea', {rows: 3, ...attrs});
}

export {select};
