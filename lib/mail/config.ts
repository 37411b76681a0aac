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

/** The sender gives a message up after this many failed attempts (about a day of backoff). */
export const MAX_MAIL_ATTEMPTS = 10;

/** Seconds before attempt `attempts + 1`: 15 s, 30 s, 1 min … capped at 4 hours. */
export const mailRetryDelaySeconds = (attempts: number): number => Math.min(15 * 2 ** (attempts - 1), 4 * 60 * 60);
