// Elements built in script, never from HTML strings: text from the server is always text.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function show(screen, ...children) {
  const main = document.getElementById('screen');
  main.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  main.dataset.screen = screen;
  window.scrollTo(0, 0);
}

export function button(label, onclick, attributes = {}) {
  return h('button', {type: 'button', class: 'btn', ...attributes, onclick}, label);
}
