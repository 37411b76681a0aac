// The page's Content-Security-Policy. Scripts run only with this response's nonce
// ('strict-dynamic' lets Next's own chunks load theirs); no 'unsafe-inline' for scripts.
// Styles may be inline (React style attributes, Tailwind) — a style cannot run code.
// Remote images and styles are allowed because an email's, shown on request inside the
// sandboxed iframe (which inherits this policy), come from the sender's servers.

export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline' https:",
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
