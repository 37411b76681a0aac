import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

const DEFAULT_COUNTRY = (process.env.DEFAULT_PHONE_COUNTRY ?? "US") as CountryCode;

/** E.164 form of a phone number, or null when it is not a valid number (masked, partial). */
export function toE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone, DEFAULT_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}

/** The address part of "Name <a@b.c>", lower-cased; null when there is none. */
export function normalizeEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const angle = /<([^>]+)>/.exec(email);
  const address = (angle?.[1] ?? email).trim().toLowerCase();
  return address.includes("@") ? address : null;
}

export function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  const name = [first, last]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return name || null;
}
