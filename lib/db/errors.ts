// Which database errors mean "the database could not be reached or is overloaded" (try again
// later) rather than "this data is wrong" (retrying will not help).

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
// Prisma 7 driver adapters' own names for the same conditions.
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator
// intervention: shutdown, restart, cannot connect now) and 57014 (statement timeout, cancel).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|57014)/;
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection (?:is )?closed/i,
  /can't reach database/i,
  /timeout exceeded when trying to connect/i,
  /unable to start a transaction/i,
  /server closed the connection/i,
  /client has encountered a connection error/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /not currently accepting connections/i,
  /ECONNREFUSED|ECONNRESET/,
];
// Where Prisma and pg put the error underneath: `cause` chains, and Prisma 7's
// `meta.driverAdapterError.cause` (whose `originalCode` is the SQLSTATE).
const NESTED_KEYS = ["cause", "meta", "driverAdapterError", "originalError"];

function fieldsOf(error: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 16) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || found.includes(current as Record<string, unknown>)) continue;
    const record = current as Record<string, unknown>;
    found.push(record);
    for (const key of NESTED_KEYS) queue.push(record[key]);
  }
  return found;
}

const textOf = (value: unknown) => (typeof value === "string" ? value : undefined);

export function isDatabaseUnavailable(error: unknown): boolean {
  return fieldsOf(error).some((record) => {
    const code = textOf(record.code);
    const originalCode = textOf(record.originalCode);
    const kind = textOf(record.kind);
    if (code && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (kind && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (originalCode && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
    if (code && /^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code)) return true;
    const message = [textOf(record.message), textOf(record.originalMessage)].join(" ");
    return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** Prisma's unique-constraint violation: two writers raced for one row. */
export function isUniqueViolation(error: unknown): boolean {
  return fieldsOf(error).some((record) => record.code === "P2002" || record.code === "23505");
}

/** PostgreSQL broke a deadlock (40P01) or a serialization conflict (40001; Prisma's P2034) by failing this transaction: run it again. */
export function isTransientConflict(error: unknown): boolean {
  return fieldsOf(error).some(
    (record) =>
      record.code === "P2034" ||
      record.code === "40P01" ||
      record.code === "40001" ||
      record.originalCode === "40P01" ||
      record.originalCode === "40001" ||
      /deadlock detected/i.test(String(record.message ?? "")),
  );
}

/** A row referenced a parent that is not there, e.g. a cached account id after its table was emptied. */
export function isForeignKeyViolation(error: unknown): boolean {
  return fieldsOf(error).some((record) => record.code === "P2003" || record.code === "23503");
}
