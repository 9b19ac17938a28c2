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
    if (!parcel.details) {
      card.append(element('p', 'Parcel ' + parcel.trackingId + ' to ' + parcel.town
        + '. Enter the recipient\'s postcode for the delivery day, time window and history.', 'muted'));
      result.replaceChildren(card);
      return;
    }
    card.append(element('p', 'Parcel ' + parcel.trackingId + ' to ' + parcel.town + ', due ' + parcel.deliveryDate
      + (parcel.timeSlot ? ' between ' + parcel.timeSlot : ''), 'muted'));
    if (parcel.etaFrom) {
      card.append(element('p', 'Expected between ' + parcel.etaFrom.substring(11, 16) + ' and '
        + parcel.etaTo.substring(11, 16), 'eta'));
    }
    if (parcel.collectionPoint) card.append(element('p', 'Delivered to ' + parcel.collectionPoint, 'muted'));
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
    const query = postcode ? '?postcode=' + encodeURIComponent(postcode) : '';
    const response = await fetch('api/tracking/' + encodeURIComponent(id) + query,
      { headers: { Accept: 'application/json' } });
    if (response.ok) {
      show(await response.json());
    } else {
      const problem = await response.json().catch(function () { return {}; });
      result.replaceChildren(element('p', response.status === 429 ? problem.detail : response.status === 404
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
    track(form.id.value, form.postcode.value);
  }
})();
