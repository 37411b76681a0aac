// Which database errors mean "the database could not be reached or is overloaded" (try again
// later) rather than "this data is wrong" (retrying will not help).

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator intervention).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection (?:is )?closed/i,
  /can't reach database/i,
  /timeout exceeded when trying to connect/i,
  /unable to start a transaction/i,
  /server closed the connection/i,
  /client has encountered a connection error/i,
  /ECONNREFUSED|ECONNRESET/,
];

function fieldsOf(error: unknown): Array<Record<string, unknown>> {
  const chain: Array<Record<string, unknown>> = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    const record = current as Record<string, unknown>;
    chain.push(record);
    current = record.cause;
  }
  return chain;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return fieldsOf(error).some((record) => {
    const code = typeof record.code === "string" ? record.code : undefined;
    const message = typeof record.message === "string" ? record.message : "";
    const originalCode = typeof record.originalCode === "string" ? record.originalCode : undefined;
    if (code && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (originalCode && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
    if (code && /^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code)) return true;
    return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** Prisma's unique-constraint violation: two writers raced for one row. */
export function isUniqueViolation(error: unknown): boolean {
  return fieldsOf(error).some((record) => record.code === "P2002" || record.code === "23505");
}

/** A row referenced a parent that is not there, e.g. a cached account id after its table was emptied. */
export function isForeignKeyViolation(error: unknown): boolean {
  return fieldsOf(error).some((record) => record.code === "P2003" || record.code === "23503");
}
