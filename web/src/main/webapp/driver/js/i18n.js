// Strings in one file per language (i18n/en.json, i18n/de.json); the language comes from the device.

const SUPPORTED = ['en', 'de'];
let strings = {};
let fallback = {};
export let language = 'en';

async function load(lang) {
  const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url));
  return response.json();
}

export async function init() {
  const wanted = (navigator.languages || [navigator.language || 'en']).map(l => l.slice(0, 2).toLowerCase());
  language = wanted.find(l => SUPPORTED.includes(l)) || 'en';
  fallback = await load('en');
  strings = language === 'en' ? fallback : await load(language);
  document.documentElement.lang = language;
}

/** t('stopsLeft', {n: 3}): the string with {n} replaced. */
export function t(key, params = {}) {
  const text = strings[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)}/g, (m, name) => (params[name] ?? m));
}

export function time(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return date.toLocaleTimeString(language, {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
}

export function day(iso) {
  return new Date(iso + 'T12:00:00').toLocaleDateString(language, {weekday: 'short', day: 'numeric', month: 'short'});
}
