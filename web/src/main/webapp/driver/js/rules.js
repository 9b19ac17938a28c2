// The server's rules, applied on the device before an event leaves it (docs/handheld-api.md): what each
// delivery method needs, the image limits, and what follows a failed attempt. The server checks again.

export const METHODS = ['RECIPIENT', 'NEIGHBOUR', 'SAFE_PLACE', 'LOCKER', 'CONTACTLESS'];
export const REASONS = ['NOT_AT_HOME', 'NO_ACCESS', 'ADDRESS_NOT_FOUND', 'REFUSED', 'DAMAGED', 'BUSINESS_CLOSED', 'UNSAFE_TO_LEAVE'];
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 512 * 1024;

/** What a method asks for: receiver's name, neighbour's house, signature, photo, locker compartment. */
export function needs(method) {
  return {
    receivedBy: method === 'RECIPIENT' || method === 'NEIGHBOUR',
    neighbourHouse: method === 'NEIGHBOUR',
    signature: method === 'RECIPIENT' || method === 'NEIGHBOUR',
    photo: method === 'SAFE_PLACE' || method === 'CONTACTLESS',
    lockerCompartment: method === 'LOCKER',
  };
}

function bytesOf(base64) {
  return Math.floor(base64.length * 3 / 4);
}

/** @returns the message keys of what is missing or wrong, empty when the delivery may be sent */
export function checkDelivery(method, delivery, pinRequired) {
  const wanted = needs(method);
  const problems = [];
  if (!METHODS.includes(method)) problems.push('ruleMethod');
  if (wanted.receivedBy && !(delivery.receivedBy || '').trim()) problems.push('ruleReceivedBy');
  if (wanted.neighbourHouse && !(delivery.neighbourHouse || '').trim()) problems.push('ruleNeighbourHouse');
  if (wanted.signature && !delivery.signaturePng) problems.push('ruleSignature');
  const photoCount = (delivery.photosJpeg || []).length + (delivery.photosToFollow || 0);
  if (wanted.photo && !photoCount) problems.push('rulePhoto');
  if (wanted.lockerCompartment && !(delivery.lockerCompartment || '').trim()) problems.push('ruleLocker');
  if (pinRequired && !/^\d{4,6}$/.test(delivery.pin || '')) problems.push('rulePin');
  if (photoCount > MAX_PHOTOS) problems.push('rulePhotoCount');
  if ((delivery.photosJpeg || []).some(p => bytesOf(p) > MAX_PHOTO_BYTES)) problems.push('rulePhotoSize');
  if (delivery.signaturePng && bytesOf(delivery.signaturePng) > MAX_SIGNATURE_BYTES) problems.push('ruleSignatureSize');
  return problems;
}

function nextDeliveryDay(isoDay) {
  const next = new Date(isoDay + 'T12:00:00Z');
  next.setUTCDate(next.getUTCDate() + 1);
  if (next.getUTCDay() === 0) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function plusDays(isoDay, days) {
  const next = new Date(isoDay + 'T12:00:00Z');
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The failed-attempt policy (FailedAttemptPolicy on the server): {step, day}. */
export function afterAttempt(policy, reason, attemptNumber, isoDay) {
  if (reason === 'REFUSED' || attemptNumber >= policy.maxAttempts) return {step: 'RETURN_TO_SENDER', day: isoDay};
  if (reason === 'DAMAGED' || reason === 'ADDRESS_NOT_FOUND') return {step: 'HOLD_AT_DEPOT', day: plusDays(isoDay, policy.holdDays)};
  return {step: 'REATTEMPT', day: nextDeliveryDay(isoDay)};
}
