import { APIError } from "better-auth/api";
import { sameOriginPath } from "@/lib/access/authentication/safe-next";

// Every place Better Auth takes a redirect target (callbackURL, redirectTo, errorCallbackURL,
// newUserCallbackURL, in the query or the body) goes through safe-next's one check, in a
// `hooks.before` (lib/access/authentication/server.ts) so no endpoint is missed. Better Auth's own check lets
// "/.//evil.example" through (a root-relative path to it) and its error redirect then sends the
// browser to "//evil.example"; its trustedOrigins holds the request's own Host. So: a target is a
// path on this site after the browser's normalisation, handed on in that normalised form, or the
// request is refused (400) and nothing is redirected, mailed or stored.

/** Parameter names that carry a place to send the browser (disableRedirect is a boolean: skipped). */
const REDIRECT_PARAMETER = /callback|redirect|returnto/i;

type Params = Record<string, unknown>;

const isParams = (value: unknown): value is Params =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function refuse(name: string): never {
  const error = `${name} must be a path on this site`;
  throw new APIError("BAD_REQUEST", { error, message: error, code: "UNSAFE_REDIRECT" });
}

/** One parameter's value with each target normalised; throws for any that leads off-site. */
function checkedValue(name: string, value: unknown): unknown {
  // An empty value is no target: Better Auth redirects nowhere for it.
  if (value === "" || (typeof value !== "string" && !Array.isArray(value))) return value;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const paths = values.map((item) => sameOriginPath(item));
  if (paths.some((path) => path === null)) refuse(name);
  return Array.isArray(value) ? paths : paths[0];
}

/** The params with every redirect target normalised, or null if nothing changed; throws on an unsafe one. */
function checkedParams(params: unknown): Params | null {
  if (!isParams(params)) return null;
  let changed: Params | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (!REDIRECT_PARAMETER.test(name)) continue;
    const checked = checkedValue(name, value);
    if (JSON.stringify(checked) !== JSON.stringify(value)) changed = { ...(changed ?? params), [name]: checked };
  }
  return changed;
}

/**
 * For a before hook: throws a 400 APIError when a redirect target in the query or body leads
 * off-site; otherwise the query and body to continue with (each target in its normalised form),
 * or null when they stand as they are.
 */
export function guardRedirects(input: { query?: unknown; body?: unknown }): { query: unknown; body: unknown } | null {
  const query = checkedParams(input.query);
  const body = checkedParams(input.body);
  if (!query && !body) return null;
  return { query: query ?? input.query, body: body ?? input.body };
}
