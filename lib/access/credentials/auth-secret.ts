import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Better Auth signs its session cookie with a secret. BETTER_AUTH_SECRET wins (and must be
// set when several instances share a database); otherwise one is made on first start and
// kept beside the embedded database, so the two-command start needs no configuration and
// no installation ships with a known secret.

const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

export function authSecret(): string {
  const configured = process.env.BETTER_AUTH_SECRET?.trim();
  if (configured) return configured;
  try {
    return readFileSync(/*turbopackIgnore: true*/ SECRET_FILE, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(/*turbopackIgnore: true*/ path.dirname(SECRET_FILE), { recursive: true });
    try {
      writeFileSync(/*turbopackIgnore: true*/ SECRET_FILE, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: everyone uses that one.
      return readFileSync(/*turbopackIgnore: true*/ SECRET_FILE, "utf8").trim();
    }
  }
}
