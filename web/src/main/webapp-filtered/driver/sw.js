// The driver's app on the device: its pages, scripts, strings and map code are kept in a cache named after
// the build, so the app opens and works with no network at all. The API is never cached here: the manifest
// and the queue live in IndexedDB, under the app's control. A new build replaces the cache as a whole.

const VERSION = 'lastmile-driver-${project.version}-${lastmile.build.stamp}';
const SHELL = [
  './', 'index.html', 'driver.css', 'app.webmanifest', 'icon.svg',
  'js/main.js', 'js/screens.js', 'js/day.js', 'js/db.js', 'js/api.js', 'js/outbox.js', 'js/i18n.js', 'js/dom.js',
  'js/scanner.js', 'js/rules.js', 'js/capture.js', 'js/map.js', 'js/positions.js',
  'i18n/en.json', 'i18n/de.json',
  '../webjars/leaflet/1.9.4/dist/leaflet.js', '../webjars/leaflet/1.9.4/dist/leaflet.css',
  '../webjars/signature_pad/5.0.4/dist/signature_pad.umd.min.js',
];

self.addEventListener('install', event => {
  // Checked with the server, not taken from the HTTP cache unseen: a new build must not keep an older build's
  // scripts, and a file the page has just loaded comes back as a small 304 instead of a second download.
  event.waitUntil(caches.open(VERSION).then(cache => cache.addAll(SHELL.map(url => new Request(url, {cache: 'no-cache'}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('lastmile-driver-') && k !== VERSION).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(new URL('./', self.location).pathname)) {
    event.respondWith(caches.match('index.html', {ignoreSearch: true}).then(page => page || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, {ignoreSearch: true}).then(hit => hit || fetch(request)));
});
