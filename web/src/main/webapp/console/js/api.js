// The REST API as the console calls it: same-origin cookies, the CSRF token on every change, problems as errors.

const base = new URL('../api/', document.baseURI);
let csrfToken = null;
let onSignedOut = () => {};

export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called when the server answers 401: the session ended. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** A URL of the API for links and images, e.g. apiUrl('reports/depots/LON1/deliveries/2026-12-01'). */
export function apiUrl(path, query) {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url.pathname + url.search;
}

/** An RFC 9457 problem from the server (or a network failure put in the same shape). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `Request failed (${status})`);
    this.status = status;
    this.title = body.title || '';
    this.type = body.type || '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }

  /** The server does not have this endpoint (yet): a 404 or 405 from the HTTP layer, not a missing parcel or depot. */
  get endpointMissing() {
    return (this.status === 404 || this.status === 405) && /http-40[45]$/.test(this.type);
  }
}

async function send(method, path, {body, query, signal, accept = 'application/json'} = {}) {
  const headers = {Accept: accept};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(apiUrl(path, query), {
      method, headers, signal, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Problem(0, {title: 'The server cannot be reached', detail: 'The server cannot be reached. Check the connection and try again.'});
  }
}

function parsed(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function failure(response, data, allow401) {
  const problem = new Problem(response.status, data && typeof data === 'object' ? data : {title: response.statusText});
  if (response.status === 401 && !allow401) onSignedOut(problem);
  return problem;
}

export async function api(method, path, {body, query, signal, allow401 = false} = {}) {
  const response = await send(method, path, {body, query, signal});
  if (response.status === 204) return null;
  const data = parsed(await response.text());
  if (!response.ok) throw failure(response, data, allow401);
  return data;
}

/**
 * Saves a file the API makes in another representation of a JSON resource (Accept: text/csv, application/pdf),
 * which a plain link cannot ask for: fetched with the session like every call, then handed to the browser as a
 * download under the server's file name. Resolves to that name.
 */
export async function download(path, {accept, query, signal, filename = 'download'} = {}) {
  const response = await send('GET', path, {query, signal, accept});
  if (!response.ok) throw failure(response, parsed(await response.text()), false);
  const blob = await response.blob();
  const disposition = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = disposition ? disposition[1] : filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns: it is let go a while later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return a.download;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options) => api('POST', path, {...options, body: body ?? {}});
export const put = (path, body, options) => api('PUT', path, {...options, body});
export const del = (path, options) => api('DELETE', path, options);

export const enc = encodeURIComponent;
