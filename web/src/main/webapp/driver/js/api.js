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
  let response;
  try {
    response = await fetch(new URL(path, base), {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Offline();
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  return {status: response.status, body: json};
}
