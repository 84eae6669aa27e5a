// A cloud URL must never carry the API key: settings are plain JSON in SQLite, shown by `app.info`
// and kept in backups, while keys live only in the key store (encrypted) or the environment.

/** Query parameters that services use to carry a key in the URL (`?api-key=…`, `?key=…`, `?access_token=…`). */
const KEY_PARAMS = /^(?:x-)?(?:api[-_]?key|key|access[-_]?token|token|auth|secret|password|subscription[-_]?key)$/i;

/** What a user sees when a URL with a key in it is refused. */
export const URL_KEY_REFUSED =
  'Put the API key in the API key field (or DUET_CLOUD_API_KEY when Duet runs headless), not in the URL: ' +
  'Duet keeps keys encrypted and apart from its settings, and never stores URLs with keys.';

/**
 * The key a URL carries (`https://user:KEY@host`, `https://KEY@host`, or a key-like query parameter)
 * and the URL without it; null when it carries none or is no URL at all.
 */
export function splitKeyFromUrl(raw: string): { url: string; key: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  let key: string | null = null;
  if (url.password || url.username) {
    key = decodeURIComponent(url.password || url.username);
    url.username = '';
    url.password = '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (!KEY_PARAMS.test(name)) continue;
    key ??= url.searchParams.get(name);
    url.searchParams.delete(name);
  }
  return key === null ? null : { url: url.toString(), key };
}

/** True when a URL carries no key (what the contract's URL schemas require). */
export function hasNoKeyInUrl(raw: string): boolean {
  return splitKeyFromUrl(raw) === null;
}
