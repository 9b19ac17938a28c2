// Barcodes from three sources, in the order carriers' handhelds use them: the hardware scanner, which types
// the code into the focused field and presses Enter (caught anywhere in the app); the camera through the
// browser's BarcodeDetector where there is one; a tracking id typed by hand.

let handler = null;
let buffer = '';
let lastKey = 0;

/** The screen that takes scans now; null for none. */
export function onScan(callback) {
  handler = callback;
  buffer = '';
}

/**
 * A tracking id from what a scanner read: the label's Code 128 content ((00) and the SSCC, with or without
 * the brackets, a symbology prefix or the FNC1 character), its QR code (the tracking id), or a typed id.
 */
export function trackingIdOf(text) {
  const plain = String(text).replace(/^\]C1|^\]Q\d/, '').replace(/[\u001d()\s-]/g, '');
  if (/^00\d{18}$/.test(plain)) return plain.slice(2);
  if (/^\d{18}$/.test(plain)) return plain;
  const inside = plain.match(/(?:^|\D)(\d{18})(?:\D|$)/);
  return inside ? inside[1] : null;
}

function deliver(text) {
  if (handler && text.trim()) handler(text.trim());
}

document.addEventListener('keydown', event => {
  const target = event.target;
  const typing = target instanceof HTMLElement && target.matches('input, textarea, select') && !target.matches('[data-scan]');
  if (typing || event.ctrlKey || event.altKey || event.metaKey) return;
  if (target instanceof HTMLElement && target.matches('[data-scan]')) {
    // The scan field: the scanner (or the driver) typed into it; Enter hands its content over.
    if (event.key === 'Enter') {
      event.preventDefault();
      const text = target.value;
      target.value = '';
      deliver(text);
    }
    return;
  }
  const now = Date.now();
  if (now - lastKey > 1000) buffer = '';
  lastKey = now;
  if (event.key === 'Enter') {
    if (buffer) {
      event.preventDefault();
      const text = buffer;
      buffer = '';
      deliver(text);
    }
  } else if (event.key.length === 1) {
    buffer += event.key;
  }
});

export const hasCamera = 'BarcodeDetector' in window && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);

/** Reads codes from the camera until one is found or the overlay is closed. */
export async function fromCamera(container, closeLabel) {
  const detector = new window.BarcodeDetector({formats: ['code_128', 'qr_code']});
  const stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}});
  const video = document.createElement('video');
  video.setAttribute('playsinline', '');
  video.muted = true;
  video.srcObject = stream;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn';
  close.textContent = closeLabel;
  const overlay = document.createElement('div');
  overlay.className = 'camera';
  overlay.append(video, close);
  container.append(overlay);
  await video.play();
  let open = true;
  const stop = () => {
    open = false;
    stream.getTracks().forEach(track => track.stop());
    overlay.remove();
  };
  close.addEventListener('click', stop);
  while (open) {
    const codes = await detector.detect(video).catch(() => []);
    if (codes.length) {
      stop();
      deliver(codes[0].rawValue);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
