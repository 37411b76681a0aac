import fc from "fast-check";
import { HOSTILE_VALUES } from "./mutations";

// Mutations of an authenticated request, as fast-check arbitraries (seeded: a failure names the
// seed and case): its JSON body (wrong types, nulls, arrays, extra and missing fields, huge and
// hostile strings, deep nesting, other accounts' ids), its bytes (not JSON, truncated, empty,
// over the 64 KiB limit), its path ids (another account's, malformed, percent-escapes) and its
// query string. Shared by every route the write-route fuzz calls.

/** A body as sent: JSON of a value, raw text, or none. */
export type FuzzBody = { kind: "json"; value: unknown } | { kind: "raw"; text: string } | { kind: "none" };

type Step =
  | { kind: "set"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "nest"; at: number; depth: number }
  | { kind: "replace"; value: unknown };

/** Strings that reached databases and URL parsers in the past, beside the webhook fuzz's list. */
const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "é́́",
  "👩‍👩‍👧‍👦",
  "\u202eRTL",
  "' OR 1=1 --",
  "%",
  "%zz",
  "%E0%A4%A",
  "%00",
  "%2e%2e%2f",
  "../..",
  "a/b",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];

const EXTRA_KEYS = ["__proto__", "constructor", "id", "accountId", "userId", "state", "isAdmin", "role", "x", ""];

function hostileValue(worldIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    // Ids of both accounts: another account's label, user, conversation, the account itself.
    { weight: 4, arbitrary: fc.constantFrom(...worldIds) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 30_000 }).map((length) => "é".repeat(length)) },
    {
      weight: 1,
      arbitrary: fc
        .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
        .map((date) => date.toISOString()),
    },
  );
}

function step(worldIds: readonly string[]): fc.Arbitrary<Step> {
  const value = hostileValue(worldIds);
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("extra" as const), key: fc.constantFrom(...EXTRA_KEYS), value }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("nest" as const),
        at: fc.nat(),
        depth: fc.integer({ min: 1, max: 400 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace" as const), value }) },
  );
}

type Damage = "truncate" | "not-json" | "empty" | "oversize" | "nul-escape" | "duplicate-key";

export interface BodyMutation {
  /** No step: the genuine body, so every route also takes requests that succeed. */
  steps: Step[];
  damage: Damage | null;
  at: number;
}

export function bodyMutation(worldIds: readonly string[]): fc.Arbitrary<BodyMutation> {
  return fc.record({
    steps: fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as Step[]) },
      { weight: 4, arbitrary: fc.array(step(worldIds), { minLength: 1, maxLength: 3 }) },
    ),
    damage: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom<Damage>("truncate", "not-json", "empty", "oversize") },
      { weight: 1, arbitrary: fc.constantFrom<Damage>("nul-escape", "duplicate-key") },
    ),
    at: fc.nat(),
  });
}

type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      paths(child, path, out);
    }
  }
  return out;
}

type Container = Record<string | number, unknown>;

function nest(value: unknown, depth: number): unknown {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = level % 2 ? [nested] : { v: nested };
  return nested;
}

function applyStep(body: unknown, mutation: Step): unknown {
  if (mutation.kind === "replace") return structuredClone(mutation.value);
  if (mutation.kind === "extra") {
    if (!body || typeof body !== "object" || Array.isArray(body)) return body;
    // defineProperty: a key "__proto__" becomes an own property, as JSON.parse makes it.
    Object.defineProperty(body, mutation.key, {
      value: structuredClone(mutation.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return body;
  }
  const all = paths(body);
  if (all.length === 0) return mutation.kind === "nest" ? nest(body, mutation.depth) : body;
  const path = all[mutation.at % all.length]!;
  let parent: unknown = body;
  for (const key of path.slice(0, -1)) parent = (parent as Container)[key];
  if (!parent || typeof parent !== "object") return body;
  const key = path[path.length - 1]!;
  const container = parent as Container;
  if (mutation.kind === "delete") delete container[key];
  else if (mutation.kind === "set") container[key] = structuredClone(mutation.value);
  else container[key] = nest(container[key], mutation.depth);
  return body;
}

function damageText(text: string, damage: Damage, at: number): string {
  switch (damage) {
    case "truncate":
      return text.slice(0, text.length ? at % text.length : 0);
    case "not-json":
      return `${text.slice(0, 10)}<xml/>`;
    case "empty":
      return "";
    case "oversize":
      return JSON.stringify({ pad: "p".repeat(70 * 1024) });
    case "nul-escape":
      // A NUL inside a JSON string: valid JSON, and a string PostgreSQL cannot store.
      return text.replace(/"([^"\\]*)"/, '"$1\\u0000"');
    case "duplicate-key":
      return text.startsWith("{") ? `{"__proto__":{"isAdmin":true},${text.slice(1)}` : text;
  }
}

/** The body a case sends: the genuine one, mutated. */
export function mutateBody(genuine: unknown, mutation: BodyMutation): FuzzBody {
  let value = structuredClone(genuine);
  for (const each of mutation.steps) value = applyStep(value, each);
  if (!mutation.damage) return { kind: "json", value };
  return { kind: "raw", text: damageText(JSON.stringify(value) ?? "null", mutation.damage, mutation.at) };
}

/** A path segment: one of the world's ids (the viewer's account's or another's), or a malformed one. */
export function pathId(own: readonly string[], foreign: readonly string[]): fc.Arbitrary<string> {
  const some = (ids: readonly string[]) => (ids.length ? fc.constantFrom(...ids) : fc.constant("none"));
  return fc.oneof(
    { weight: 8, arbitrary: some(own) },
    { weight: 3, arbitrary: some(foreign) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 5_000 }).map((length) => "9".repeat(length)) },
  );
}

const QUERY_KEYS = ["limit", "cursor", "q", "view", "channel", "account", "accountId", "label", "tz", "state", "x"];
const RAW_QUERY_VALUES = ["%zz", "%E0%A4%A", "%ED%A0%80", "%00", "%FF%FE", "%", "+", "&&", "=="];

/** A query string (with its "?"), or "" for none. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom(...QUERY_KEYS),
          fc.oneof(
            fc.constantFrom(...HOSTILE_STRINGS).map(encodeQueryValue),
            fc.constantFrom(...RAW_QUERY_VALUES),
            fc.integer({ min: -1e6, max: 1e6 }).map(String),
            fc.string({ maxLength: 300 }).map(encodeQueryValue),
          ),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`),
  },
);

/** encodeURIComponent, but a lone surrogate (which it refuses) goes as the bytes a browser would not send. */
export function encodeQueryValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^\w%-]/g, (c) => encodeURIComponent(c));
  }
}
