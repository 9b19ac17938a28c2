// The device's own store (IndexedDB): what survives a reload, a closed browser and a restarted phone.
// "meta" holds the pairing, the manifest and the depot's changes; "queue" every scan, proof and outcome
// in the order the driver made them, with what the server answered.

const NAME = 'lastmile-driver';
let opened = null;

function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('meta');
        const queue = db.createObjectStore('queue', {keyPath: 'seq', autoIncrement: true});
        queue.createIndex('state', 'state');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name, mode) {
  return (await open()).transaction(name, mode).objectStore(name);
}

export async function meta(key) {
  return done((await store('meta', 'readonly')).get(key));
}

/**
 * One read-write transaction on a store; resolves with what {@code work} returns once it committed (not merely
 * queued), rejects on an error and on an abort (a full disk aborts without an error event).
 */
async function write(name, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, 'readwrite');
    const result = work(tx.objectStore(name));
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function setMeta(key, value) {
  return write('meta', meta => {
    meta.put(value, key);
  });
}

/** Adds items to the queue in one transaction, so a crash keeps all of them or none. */
export function append(items) {
  return write('queue', queue => {
    for (const item of items) queue.add(item);
  });
}

export function update(items) {
  return write('queue', queue => {
    for (const item of items) queue.put(item);
  });
}

/** The whole queue, oldest first. */
export async function queue() {
  return done((await store('queue', 'readonly')).getAll());
}

/** Forgets what the server settled more than {@code days} ago: the device is not an archive. */
export function forgetSettled(days) {
  const before = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
  return write('queue', queue => {
    queue.openCursor().onsuccess = event => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (cursor.value.state !== 'pending' && cursor.value.sentAt && cursor.value.sentAt < before) cursor.delete();
      cursor.continue();
    };
  });
}

export async function pending() {
  return done((await store('queue', 'readonly')).index('state').getAll('pending'));
}
