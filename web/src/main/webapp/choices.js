// The recipient's self-service page: reads the signed link, shows the choices, sends each change.
// Text goes in through textContent only, never as HTML.
(function () {
  const params = new URLSearchParams(window.location.search);
  const base = 'api/choices/' + encodeURIComponent(params.get('id') || '');
  const signature = '?sig=' + encodeURIComponent(params.get('sig') || '');

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function option(value, text) {
    const node = element('option', text);
    node.value = value;
    return node;
  }

  function say(text, className) {
    document.getElementById('message').replaceChildren(element('p', text, 'card ' + className));
  }

  function show(view) {
    const card = document.getElementById('parcel');
    card.replaceChildren(element('div', view.status.replaceAll('_', ' ').toLowerCase(), 'status'),
      element('p', 'Parcel ' + view.trackingId + ' to ' + view.town + ', due ' + view.deliveryDate
        + (view.slot ? ' between ' + view.slot.from + ' and ' + view.slot.to : ''), 'muted'));
    if (!view.changeable) card.append(element('p', view.closedReason, 'error'));
    document.getElementById('options').hidden = !view.changeable;
    document.getElementById('day').value = view.deliveryDate;
    document.getElementById('day').min = view.firstBookableDay;
    document.getElementById('slot').replaceChildren(...view.openSlots.map(function (s) {
      return option(s.from + '-' + s.to, s.from + ' – ' + s.to + ' (' + s.free + ' free)');
    }));
    document.getElementById('point').replaceChildren(...view.collectionPoints.map(function (p) {
      return option(p.code, p.name + ', ' + p.address + ' (' + p.distanceKm + ' km)' + (p.fits ? '' : ' – full'));
    }));
    document.getElementById('history').replaceChildren(...view.history.map(function (c) {
      const item = element('li');
      item.append(element('time', new Date(c.madeAt).toLocaleString() + ' · ' + c.madeBy));
      item.append(element('span', c.kind.replaceAll('_', ' ').toLowerCase() + ': ' + c.detail));
      return item;
    }));
  }

  function body(form) {
    const data = Object.fromEntries(new FormData(form).entries());
    if (form.dataset.choice === 'slot') {
      const [from, to] = (data.slot || '-').split('-');
      return { date: data.date, from: from, to: to };
    }
    if (form.dataset.choice === 'contactless') return { contactless: form.contactless.checked };
    return data;
  }

  async function call(method, path, payload) {
    const response = await fetch(base + path + signature, {
      method: method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload)
    });
    const json = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const fields = (json.errors || []).map(function (e) { return e.field + ' ' + e.message; }).join('; ');
      throw new Error(response.status === 404 ? 'This link is not valid.' : (json.detail || 'Failed') + (fields ? ': ' + fields : ''));
    }
    return json;
  }

  document.querySelectorAll('form[data-choice]').forEach(function (form) {
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      try {
        show(await call(form.dataset.method || 'PUT', '/' + form.dataset.choice, body(form)));
        say('Saved.', 'muted');
      } catch (e) {
        say(e.message, 'error');
      }
    });
  });

  call('GET', '').then(show).catch(function (e) { say(e.message, 'error'); });
})();
