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
    if (parcel.live) showLive(card, parcel.live);
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

  /** How close the van is; a few stops away, where it is, on a map drawn from this server only. */
  function showLive(card, live) {
    card.append(element('p', live.stopsBefore === 0 ? 'You\'re next: the driver is on the way to you.'
      : live.stopsBefore === 1 ? '1 stop before yours.' : live.stopsBefore + ' stops before yours.', 'live'));
    if (!live.van) return;
    const map = element('div', null, 'van-map');
    map.id = 'van-map';
    map.setAttribute('role', 'img');
    map.setAttribute('aria-label', 'Map: where the delivery van is');
    card.append(map);
    withLeaflet(function (L) {
      const view = L.map(map, {attributionControl: false}).setView([live.van.latitude, live.van.longitude], 15);
      if (live.tileUrl) L.tileLayer(live.tileUrl, {maxZoom: 19}).addTo(view);
      const icon = L.divIcon({className: 'van-marker', html: '<span>Van</span>', iconSize: [36, 22]});
      L.marker([live.van.latitude, live.van.longitude], {icon: icon, title: 'Delivery van', keyboard: false}).addTo(view);
    });
  }

  let leaflet = null;
  /** Leaflet only for a parcel whose van is near: most lookups never need it. */
  function withLeaflet(draw) {
    if (!leaflet) {
      leaflet = new Promise(function (resolve, reject) {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = 'webjars/leaflet/1.9.4/dist/leaflet.css';
        document.head.append(css);
        const script = document.createElement('script');
        script.src = 'webjars/leaflet/1.9.4/dist/leaflet.js';
        script.onload = function () { resolve(window.L); };
        script.onerror = reject;
        document.head.append(script);
      });
    }
    leaflet.then(draw).catch(function () { /* the text above still says how close the van is */ });
  }

  let refresh = null;

  async function track(id, postcode) {
    const query = postcode ? '?postcode=' + encodeURIComponent(postcode) : '';
    const response = await fetch('api/tracking/' + encodeURIComponent(id) + query,
      { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const parcel = await response.json();
      show(parcel);
      // While the van is out, the window and its place move: look again every minute.
      clearTimeout(refresh);
      if (parcel.details && parcel.status === 'OUT_FOR_DELIVERY') {
        refresh = setTimeout(function () { track(id, postcode); }, 60000);
      }
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
