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

/** Resolves once the value is on the device (the transaction committed), not merely queued. */
export async function setMeta(key, value) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Adds items to the queue in one transaction, so a crash keeps all of them or none. */
export async function append(items) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('queue', 'readwrite');
    const queue = tx.objectStore('queue');
    const keys = [];
    for (const item of items) {
      queue.add(item).onsuccess = e => keys.push(e.target.result);
    }
    tx.oncomplete = () => resolve(keys);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function update(items) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('queue', 'readwrite');
    for (const item of items) tx.objectStore('queue').put(item);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    // A full disk aborts the transaction without an error event.
    tx.onabort = () => reject(tx.error);
  });
}

/** The whole queue, oldest first. */
export async function queue() {
  return done((await store('queue', 'readonly')).getAll());
}

/** Forgets what the server settled more than {@code days} ago: the device is not an archive. */
export async function forgetSettled(days) {
  const before = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('queue', 'readwrite');
    const queue = tx.objectStore('queue');
    queue.openCursor().onsuccess = event => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (cursor.value.state !== 'pending' && cursor.value.sentAt && cursor.value.sentAt < before) cursor.delete();
      cursor.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function pending() {
  return done((await store('queue', 'readonly')).index('state').getAll('pending'));
}
