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

/** A button whose action runs once at a time: a second tap (or a glove's double tap) waits for the first. */
export function button(label, onclick, attributes = {}) {
  const element = h('button', {type: 'button', class: 'btn', ...attributes}, label);
  element.addEventListener('click', async event => {
    if (element.dataset.busy) return;
    element.dataset.busy = 'true';
    element.setAttribute('aria-busy', 'true');
    try {
      await onclick(event);
    } catch (e) {
      console.warn('action failed:', e && e.message);
    } finally {
      delete element.dataset.busy;
      element.removeAttribute('aria-busy');
    }
  });
  return element;
}
