// What the device captures as evidence: a photo from the camera, shrunk to a size a weak uplink carries
// (the server takes JPEGs up to 4 MiB), and the position at the moment of the handover.

const LONGEST_SIDE = 1600;
let lastFix = null;

export function watchPosition() {
  if (!navigator.geolocation) return;
  navigator.geolocation.watchPosition(p => {
    lastFix = {latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy),
      at: Date.now()};
  }, () => {}, {enableHighAccuracy: true, maximumAge: 30000});
}

/** The latest fix if it is under two minutes old, else a fresh one; null without any. */
export function position() {
  if (lastFix && Date.now() - lastFix.at < 120000) return Promise.resolve(strip(lastFix));
  if (!navigator.geolocation) return Promise.resolve(lastFix ? strip(lastFix) : null);
  return new Promise(resolve => navigator.geolocation.getCurrentPosition(
    p => resolve({latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy)}),
    () => resolve(lastFix ? strip(lastFix) : null), {enableHighAccuracy: true, timeout: 10000, maximumAge: 60000}));
}

function strip(fix) {
  return {latitude: fix.latitude, longitude: fix.longitude, accuracyM: fix.accuracyM};
}

/** A chosen or taken picture as base64 JPEG, at most LONGEST_SIDE pixels on its longest side. */
export async function jpeg(file) {
  const url = URL.createObjectURL(file);
  try {
    const image = await new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('not an image'));
      img.src = url;
    });
    const scale = Math.min(1, LONGEST_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    const data = canvas.toDataURL('image/jpeg', 0.8);
    return data.slice(data.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}
