// Renders the public tracking JSON; text goes in through textContent only, never as HTML.
(function () {
  const form = document.getElementById('lookup');
  const result = document.getElementById('result');
  const params = new URLSearchParams(window.location.search);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show(parcel) {
    const card = element('div', null, 'card');
    card.append(element('div', parcel.status.replaceAll('_', ' ').toLowerCase(), 'status'));
    card.append(element('p', 'Parcel ' + parcel.trackingId + ' to ' + parcel.town + ', due ' + parcel.deliveryDate, 'muted'));
    const list = element('ol', null, 'timeline');
    parcel.timeline.slice().reverse().forEach(function (step) {
      const item = element('li');
      item.append(element('time', new Date(step.at).toLocaleString()));
      item.append(element('span', step.description));
      list.append(item);
    });
    card.append(list);
    result.replaceChildren(card);
  }

  async function track(id, postcode) {
    const response = await fetch('api/tracking/' + encodeURIComponent(id) + '?postcode=' + encodeURIComponent(postcode),
      { headers: { Accept: 'application/json' } });
    if (response.ok) {
      show(await response.json());
    } else {
      const problem = await response.json().catch(function () { return {}; });
      result.replaceChildren(element('p', response.status === 404
        ? 'No parcel with this tracking id and postcode.' : (problem.detail || 'Tracking is unavailable.'), 'error'));
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    track(form.id.value.trim(), form.postcode.value.trim());
  });

  if (params.get('id')) {
    form.id.value = params.get('id');
    form.postcode.value = params.get('postcode') || '';
    if (form.postcode.value) track(form.id.value, form.postcode.value);
  }
})();
