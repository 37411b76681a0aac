// Where to go after signing in, confirming an address or resetting a password: a path on this
// site, never another origin. One check for every redirect target we take (`next` on the sign-in
// page; callbackURL, redirectTo and the rest in Better Auth, lib/access/authentication/redirect-guard.ts).
//
// The value is read the way a browser will read it: by the URL parser, which drops TAB/CR/LF,
// turns "\" into "/" and resolves dot segments, so "/<TAB>/evil.test" and "/.//evil.test" are
// "//evil.test" (another host) by the time they are followed. What comes out is that normalised
// path, so whoever redirects to it sends exactly what was checked.

const OWN_ORIGIN = "http://threadline.invalid";

/** How often a path is decoded looking for a hidden "//": "%252f" is "%2f" after one layer. */
const DECODE_LAYERS = 3;

/** C0 and C1 controls, and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * Decoded once, twice, …: a path whose decoding ever holds "//", "\", a control character or a
 * dot segment is one a server or router that decodes before it routes could send elsewhere.
 * Nothing on this site has such a path, so refusing them costs nothing.
 */
function hidesAnotherPath(pathname: string): boolean {
  let current = pathname;
  for (let layer = 0; layer < DECODE_LAYERS && current.includes("%"); layer++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return true; // A malformed escape: no reader agrees on what it means.
    }
    if (/\/\/|\\/.test(current) || CONTROL.test(current) || /(^|\/)\.{1,2}(\/|$)/.test(current)) return true;
  }
  return false;
}

/** The same-origin path `value` leads to after the browser's normalisation, or null if it leads anywhere else. */
export function sameOriginPath(value: unknown): string | null {
  // Leading spaces or controls are stripped by the parser: " //evil.test" is "//evil.test".
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  const url = URL.parse(value, OWN_ORIGIN);
  if (url?.origin !== OWN_ORIGIN) return null;
  // "/.//evil.test" resolves to the path "//evil.test", which as a Location is another host.
  if (/^\/[/\\]/.test(url.pathname) || hidesAnotherPath(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A `next` from the sign-in link: that path, or home if it is anything but a path on this site. */
export function safeNextPath(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  return sameOriginPath(value) ?? "/";
}
