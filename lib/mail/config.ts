// Outgoing mail is on when SMTP_URL names an SMTP server (smtp://user:pass@host:587, smtps://…
// for TLS from the first byte). Without it (the embedded demo) nothing is mailed: owners pass
// invitation links on themselves, and password reset and address verification are off.

export interface MailSettings {
  url: string;
  from: string;
}

export function mailSettings(): MailSettings | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: process.env.THREADLINE_MAIL_FROM?.trim() || "Threadline <threadline@localhost>" };
}

export const mailConfigured = (): boolean => mailSettings() !== null;

/** Where mailed links point when THREADLINE_PUBLIC_URL is unset outside production: `npm run dev`. */
export const DEVELOPMENT_PUBLIC_URL = "http://localhost:3000";

/** THREADLINE_PUBLIC_URL's origin, null when unset; throws when it is set but no http(s) address. */
function configuredPublicOrigin(): string | null {
  const configured = process.env.THREADLINE_PUBLIC_URL?.trim();
  if (!configured) return null;
  const url = URL.parse(configured);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new Error(
      `THREADLINE_PUBLIC_URL must be an http(s) address such as https://inbox.example.com, not ${JSON.stringify(configured)}`,
    );
  }
  return url.origin;
}

/**
 * The origin of every link we mail (invitations, confirmations, password resets; the mention
 * job reads the same setting):
 * THREADLINE_PUBLIC_URL, never the request's Host header, which whoever sends the request writes
 * (a forged Host would get a reset link pointing at their own server). Outside production it may
 * be unset and links point at the development server; in production mail does not start without
 * it (assertMailStartable).
 */
export function mailLinkOrigin(): string {
  const configured = configuredPublicOrigin();
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") {
    throw new Error("THREADLINE_PUBLIC_URL is not set: mailed links would have no address to point at");
  }
  return DEVELOPMENT_PUBLIC_URL;
}

/** At start-up (the app and `npm run worker`): production mail needs THREADLINE_PUBLIC_URL, said plainly. */
export function assertMailStartable(): void {
  if (!mailConfigured() || process.env.NODE_ENV !== "production") return;
  if (configuredPublicOrigin() === null) {
    throw new Error(
      "SMTP_URL is set but THREADLINE_PUBLIC_URL is not: set it to the address people open Threadline at " +
        "(e.g. https://inbox.example.com), so mailed links never take their host from a request",
    );
  }
}

/** The sender gives a message up after this many failed attempts (about a day of backoff). */
export const MAX_MAIL_ATTEMPTS = 10;

/** Seconds before attempt `attempts + 1`: 15 s, 30 s, 1 min … capped at 4 hours. */
export const mailRetryDelaySeconds = (attempts: number): number => Math.min(15 * 2 ** (attempts - 1), 4 * 60 * 60);
