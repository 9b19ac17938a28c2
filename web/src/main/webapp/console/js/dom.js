// Building the page from data: elements and text nodes only, never HTML strings, so API data cannot inject markup.

/**
 * h('button', {id: 'x', class: 'primary', on: {click: fn}, dataTest: 'y'}, 'Text', child)
 * Attributes are set one by one; a 'style' attribute is refused (the CSP forbids inline styles).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'for') {
      el.htmlFor = value;
    } else if (key === 'dataTest') {
      el.dataset.test = value;
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error('inline ' + key + ' is not allowed');
    } else if (key in el && typeof value !== 'string' && key !== 'list') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

let uniqueCounter = 0;
export function uid(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** A labelled form field; the input gets `id` and `name`, errors for it show in the span after it. */
export function field(label, input, hint) {
  const id = input.id || uid('f');
  input.id = id;
  const error = h('span', {class: 'field-error', id: id + '-error'});
  const describedBy = [id + '-error'];
  let hintEl = null;
  if (hint) {
    hintEl = h('span', {class: 'hint', id: id + '-hint'}, hint);
    describedBy.unshift(id + '-hint');
  }
  input.setAttribute('aria-describedby', describedBy.join(' '));
  const wrapper = h('div', {class: 'field'}, h('label', {for: id}, label), input, hintEl, error);
  return wrapper;
}

export function input(attrs) {
  return h('input', {type: 'text', ...attrs});
}

export function select(attrs, options, selected) {
  const el = h('select', attrs);
  for (const option of options) {
    const [value, text] = Array.isArray(option) ? option : [option, option];
    const opt = h('option', {value}, text);
    if (String(value) === String(selected ?? '')) opt.selected = true;
    el.append(opt);
  }
  return el;
}

export function button(text, attrs = {}, onClick) {
  return h('button', {type: 'button', ...attrs, on: onClick ? {click: onClick, ...(attrs.on || {})} : attrs.on}, text);
}

/** A table with a caption, column headers (th scope=col) and one row per item. */
export function table({id, caption, columns, rows, dataTest, empty = 'Nothing to show.'}) {
  const thead = h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.class}, c.label))));
  const tbody = h('tbody');
  for (const row of rows) tbody.append(row instanceof Node ? row : tr(columns, row));
  const t = h('table', {id, dataTest, class: 'data'}, caption ? h('caption', {}, caption) : null, thead, tbody);
  if (!rows.length) {
    return h('div', {class: 'table-wrap'}, t, h('p', {class: 'empty'}, empty));
  }
  return h('div', {class: 'table-wrap'}, t);
}

function tr(columns, item) {
  return h('tr', {}, columns.map((c, i) => {
    const value = c.cell ? c.cell(item) : item[c.key];
    return i === 0 && c.rowHeader !== false
      ? h('th', {scope: 'row', class: c.class}, value ?? '')
      : h('td', {class: c.class}, value ?? '');
  }));
}

/** A key/value list (dl) that leaves out empty values. */
export function facts(pairs) {
  const dl = h('dl', {class: 'facts'});
  for (const [key, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(h('dt', {}, key), h('dd', {}, value));
  }
  return dl;
}

export function section(title, ...children) {
  const headingId = uid('s');
  return h('section', {class: 'card', 'aria-labelledby': headingId}, h('h2', {id: headingId}, title), children);
}

export function heading(text) {
  return h('h1', {id: 'screen-heading', tabindex: '-1'}, text);
}

export function link(text, hash, attrs = {}) {
  return h('a', {href: hash, ...attrs}, text);
}

export function progress(value, max, label, attrs = {}) {
  return h('progress', {value: String(value ?? 0), max: String(max || 1), 'aria-label': label, ...attrs});
}

/** "2026-12-01T23:31:19Z" → local date and time; "2026-12-01T08:10:50" (a depot's local time) → "08:10". */
export function when(text) {
  if (!text) return '';
  if (/[zZ]|[+-]\d\d:\d\d$/.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) {
      return date.toLocaleString('en-GB', {day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit'});
    }
  }
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(text);
  return m ? m[2] : text;
}

export function clock(text) {
  const m = /T(\d\d:\d\d)/.exec(text || '');
  return m ? m[1] : (text || '');
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 1000) / 10} %`;
}

export function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function statusLabel(status) {
  return (status || '').toLowerCase().replace(/_/g, ' ');
}

export function badge(status) {
  return h('span', {class: ['badge', 'status-' + String(status || '').toLowerCase().replace(/_/g, '-')]}, statusLabel(status));
}

/** An amount the API gives as a JSON number (a BigDecimal): two decimals, with its currency when known. */
export function money(amount, currency) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  const text = Number.isFinite(n) ? n.toFixed(2) : String(amount);
  return currency ? `${text} ${currency}` : text;
}
