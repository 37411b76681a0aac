import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/access/credentials/auth-secret";

// Secrets an account gives us to send elsewhere (a media host's password, a HighLevel API
// token) are sealed with AES-256-GCM under a key derived from the server secret, so a database
// dump alone does not hand them out. Each purpose has its own key: one sealed value cannot be
// opened as another. Changing the server secret means configuring them again.

export type SealPurpose = "media credentials" | "highlevel api token";

const key = (purpose: SealPurpose) => createHash("sha256").update(`threadline ${purpose}:${authSecret()}`).digest();

export function sealSecret(purpose: SealPurpose, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

/** Throws when the value was sealed under another server secret or purpose (or was tampered with). */
export function openSecret(purpose: SealPurpose, sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString("utf8");
}
