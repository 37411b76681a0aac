import fc from "fast-check";
import type { Payload } from "./seeds";

// Mutations of a provider's payload, as fast-check arbitraries (seeded, so a failure names the
// seed and index that reproduce it). Two layers: structural changes to the parsed payload (wrong
// types, missing and extra fields, hostile strings and dates, deep nesting, other event types),
// then sometimes byte-level damage to the serialized text (truncation, flipped bytes, invalid
// UTF-8, duplicate keys). Every body stays under a few hundred KiB except the rare oversize one.

const EVENT_TYPES = [
  "InboundMessage",
  "OutboundMessage",
  "ContactCreate",
  "ContactUpdate",
  "ContactDelete",
  "ContactDndUpdate",
  "ContactTagUpdate",
  "OpportunityCreate",
  "OpportunityStageUpdate",
  "OpportunityDelete",
  "sms.message.added",
  "opportunity.created",
  "opportunity.removed",
  "opportunity.won",
  "ConversationUnreadUpdate",
  "",
  "__proto__",
  "constructor",
];

/** Values that broke parsers, databases or formatters somewhere. */
export const HOSTILE_VALUES: unknown[] = [
  "",
  " ",
  "null",
  "\u0000",
  "a\u0000b",
  "\ud83d",
  "\udc00x",
  "\u202e\u202dRTL",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "%E0%A4%A",
  "%00",
  "+010000-01-01T00:00:00.000Z",
  "10000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "0000-01-01T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "2025-02-30T25:61:61Z",
  "1970-01-01",
  "Invalid Date",
  1e308,
  -1e308,
  2 ** 53 + 1,
  -0,
  0.1,
  true,
  false,
  null,
  [],
  {},
  [null],
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  "SMS",
  "Email",
  "Call",
  "TYPE_CALL",
  "inbound",
  "outbound",
  "sideways",
  "https://127.0.0.1/recording.wav",
  "http://[::1]/x",
  "file:///etc/passwd",
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((length) => "x".repeat(length)) },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((date) => date.toISOString()),
  },
  { weight: 1, arbitrary: fc.double().map((value) => (Number.isFinite(value) ? value : String(value))) },
);

type Step =
  | { kind: "set"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "retype"; type: string }
  | { kind: "nest"; at: number; depth: number }
  | { kind: "replace"; value: unknown };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("retype" as const),
      type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string({ maxLength: 20 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("nest" as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace" as const), value: fc.jsonValue({ maxDepth: 2 }) }) },
);

type TextDamage =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number; byte: number }
  | { kind: "insert"; at: number; bytes: number[] }
  | { kind: "duplicate-key"; value: string }
  | { kind: "pad"; prefix: string }
  | { kind: "oversize" };

const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 60, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  {
    weight: 60,
    arbitrary: fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  },
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 40,
    arbitrary: fc.record({ kind: fc.constant("duplicate-key" as const), value: fc.constantFrom(...EVENT_TYPES) }),
  },
  {
    weight: 20,
    arbitrary: fc.record({ kind: fc.constant("pad" as const), prefix: fc.constantFrom("\ufeff", " \n\t", "\u00a0") }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "oversize" as const }) },
);

export type Signing = "valid" | "wrong" | "none";

export interface FuzzCase {
  seed: Payload;
  /** Unique ids keep most cases new events (stored and processed); the rest are duplicates. */
  uniqueIds: boolean;
  steps: Step[];
  damage: TextDamage | null;
  signing: Signing;
}

export function fuzzCases(seeds: Payload[]): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.constantFrom(...seeds),
    uniqueIds: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    steps: fc.array(step, { minLength: 1, maxLength: 4 }),
    // One case in five has its bytes damaged; the rest stay JSON and reach the mappers.
    damage: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: textDamage }),
    signing: fc.oneof(
      { weight: 22, arbitrary: fc.constant<Signing>("valid") },
      { weight: 1, arbitrary: fc.constant<Signing>("wrong") },
      { weight: 1, arbitrary: fc.constant<Signing>("none") },
    ),
  });
}

/** Every path to a value inside a payload, so a step can pick one by index. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
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

function parentOf(root: unknown, path: (string | number)[]): Container | null {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== "object") return null;
    node = (node as Container)[key];
  }
  return node && typeof node === "object" ? (node as Container) : null;
}

function nest(value: unknown, depth: number): unknown {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = level % 2 ? [nested] : { v: nested };
  return nested;
}

function applyStep(payload: unknown, step: Step, index: number): unknown {
  if (step.kind === "replace") return structuredClone(step.value);
  if (step.kind === "retype") {
    if (payload && typeof payload === "object" && !Array.isArray(payload)) (payload as Container).type = step.type;
    return payload;
  }
  const all = paths(payload);
  if (all.length === 0) return payload;
  const path = all[step.at % all.length]!;
  const parent = parentOf(payload, path);
  const key = path[path.length - 1]!;
  if (!parent) return payload;
  if (step.kind === "delete") delete parent[key];
  // Clone: fast-check hands the same constant to many cases, and later steps mutate in place.
  else if (step.kind === "set") parent[key] = structuredClone(step.value);
  else parent[key] = nest(parent[key] ?? index, step.depth);
  return payload;
}

function withUniqueIds(payload: Payload, id: string): Payload {
  const copy = structuredClone(payload);
  if (typeof copy.messageId === "string" || copy.type === "InboundMessage" || copy.type === "OutboundMessage") {
    copy.messageId = `fuzz-message-${id}`;
  }
  if (typeof copy.webhookId === "string" || typeof copy.locationId === "string") copy.webhookId = `fuzz-hook-${id}`;
  if (typeof copy.agentId === "string") copy.id = `fuzz-event-${id}`;
  return copy;
}

function damageText(text: Buffer, damage: TextDamage): Buffer {
  const at = (n: number) => (text.length ? n % text.length : 0);
  switch (damage.kind) {
    case "truncate":
      return text.subarray(0, at(damage.at));
    case "flip": {
      const copy = Buffer.from(text);
      if (copy.length) copy[at(damage.at)] = damage.byte;
      return copy;
    }
    case "insert":
      return Buffer.concat([text.subarray(0, at(damage.at)), Buffer.from(damage.bytes), text.subarray(at(damage.at))]);
    case "duplicate-key":
      return text[0] === 0x7b
        ? Buffer.concat([Buffer.from(`{"type":${JSON.stringify(damage.value)},`), text.subarray(1)])
        : text;
    case "pad":
      return Buffer.concat([Buffer.from(damage.prefix), text]);
    case "oversize":
      return Buffer.from(`{"pad":"${"p".repeat(1024 * 1024 + 1)}","body":${text.toString("utf8")}}`);
  }
}

/** The bytes a fuzz case sends, and the agent it claims to come from (Voxity signs per agent). */
export function renderCase(
  fuzzCase: FuzzCase,
  index: number,
  idPrefix: string,
): { body: Buffer; agentId: string | null } {
  const base = fuzzCase.uniqueIds
    ? withUniqueIds(fuzzCase.seed, `${idPrefix}-${index}`)
    : structuredClone(fuzzCase.seed);
  const agentId = typeof base.agentId === "string" ? base.agentId : null;
  let payload: unknown = base;
  for (const mutation of fuzzCase.steps) payload = applyStep(payload, mutation, index);
  const text = Buffer.from(JSON.stringify(payload) ?? "null");
  return { body: fuzzCase.damage ? damageText(text, fuzzCase.damage) : text, agentId };
}
