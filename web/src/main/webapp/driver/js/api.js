// The handheld API, and nothing else: the device token travels as an HttpOnly cookie the page cannot read;
// every change carries the app's header, which another site's page cannot add.

const base = new URL('../api/handheld/', document.baseURI);

export class Offline extends Error {
  constructor() {
    super('offline');
  }
}

/** @returns {status, body} for any answer of the server; throws Offline when there is none. */
export async function call(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-Lastmile-Handheld'] = '1';
  return answer(() => fetch(new URL(path, base), {
    method, headers, credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS),
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** A request that hangs (a dead zone that keeps the connection) counts as no network. */
const TIMEOUT_MS = 60000;

async function answer(request) {
  let response;
  let text;
  try {
    response = await request();
    text = await response.text();
  } catch (e) {
    // No answer, or the connection dropped half-way through it.
    throw new Offline();
  }
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  return {status: response.status, body: json};
}

/** A photo as the JPEG itself: a third smaller than base64 in JSON, which matters on a weak uplink. */
export async function upload(path, base64) {
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return answer(() => fetch(new URL(path, base), {
    method: 'PUT', credentials: 'same-origin', cache: 'no-store', body: bytes, signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {'Content-Type': 'image/jpeg', Accept: 'application/json', 'X-Lastmile-Handheld': '1'},
  }));
}
