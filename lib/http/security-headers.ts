// Headers on every response (next.config.ts adds them to Next.js's answers; the webhook front
// gate writes its own 429s without Next.js, so it adds them itself). The pages'
// Content-Security-Policy needs a nonce per request, so proxy.ts sets it.

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** API answers skip proxy.ts (no nonce needed): nothing in them may run or frame anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
