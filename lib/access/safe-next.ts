// Where to go after signing in: a path on this site, never another origin. The value is read
// the way a browser will read it: by the URL parser, which drops TAB/CR/LF and turns "\" into
// "/", so "/<TAB>/evil.test" is "//evil.test" (another host) by the time it is followed.

const OWN_ORIGIN = "http://threadline.invalid";

export function safeNextPath(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/")) return "/";
  const url = URL.parse(value, OWN_ORIGIN);
  if (url?.origin !== OWN_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.test" resolves to the path "//evil.test", which as a Location is another host.
  return path.startsWith("//") ? "/" : path;
}
