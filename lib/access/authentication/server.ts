import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { getDatabase } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger, toLogValue } from "@/lib/logger";
import { authSecret } from "@/lib/access/credentials/auth-secret";
import { CLIENT_ADDRESS_HEADER } from "@/lib/access/authentication/client-address";
import { mailConfigured } from "@/lib/mail/config";
import { passwordResetByMail, verificationByMail } from "@/lib/access/authentication/auth-mail";
import { requestPasswordReset } from "@/lib/access/authentication/password-reset-request";
import { guardRedirects } from "@/lib/access/authentication/redirect-guard";
import { allowedOrigins } from "@/lib/access/authentication/request-origin";

// Sign-in is Better Auth's: scrypt password hashes, sessions in the database, httpOnly
// SameSite=Lax cookies, an Origin check on every state-changing auth request, and rate
// limits (sign-in: 5 attempts a minute per client address; lib/access/authentication/auth-request.ts adds the
// same per account name and works out the address). Sign-up is closed: people join by
// invitation or through `npm run user:create`. With SMTP_URL: password reset by mail, and
// sign-ins created from invitations must confirm their address (lib/access/authentication/auth-mail.ts).

export const SESSION_COOKIE_PREFIX = "threadline";
/** Per client address; THREADLINE_SIGN_IN_LIMIT_PER_MINUTE changes it (the e2e suite signs in often from one address). */
export const signInAttemptsPerMinute = () => Number(process.env.THREADLINE_SIGN_IN_LIMIT_PER_MINUTE) || 5;

/** Reset requests per client address per minute (each one can send a mail). */
export const passwordResetsPerMinute = () => Number(process.env.THREADLINE_PASSWORD_RESET_LIMIT_PER_MINUTE) || 3;

/**
 * Before every endpoint: each redirect target must be a path on this site (redirect-guard.ts,
 * which answers 400 otherwise and hands on the normalised path), and reset requests are answered
 * by password-reset-request.ts, the same work for every address.
 */
const beforeEveryEndpoint = createAuthMiddleware(async (ctx) => {
  const guarded = guardRedirects({ query: ctx.query, body: ctx.body });
  if (ctx.path === "/request-password-reset") return ctx.json(await requestPasswordReset(guarded?.body ?? ctx.body));
  return guarded ? { context: guarded } : undefined;
});

/** Better Auth's log lines through ours: one JSON line each, its words (which may quote input) escaped. */
function authLog(level: "debug" | "info" | "warn" | "error", message: string, ...details: unknown[]) {
  const fields = details.length > 0 ? { details: details.map((detail) => toLogValue(detail)) } : undefined;
  logger[level === "debug" ? "info" : level](`auth: ${message}`, fields);
}

function createAuth(prisma: PrismaClient, mailOn: boolean) {
  return betterAuth({
    appName: "Threadline",
    secret: authSecret(),
    baseURL: process.env.THREADLINE_PUBLIC_URL?.trim() || undefined,
    // The request's own origin: a form posted from any other site fails the Origin check.
    trustedOrigins: (request) => (request ? allowedOrigins(request) : []),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    account: { modelName: "authAccount" },
    user: { additionalFields: { isAdmin: { type: "boolean", input: false, defaultValue: false } } },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      // With mail, a sign-in signs in only once its address is confirmed (admin-created ones are).
      requireEmailVerification: mailOn,
      ...passwordResetByMail,
    },
    emailVerification: verificationByMail,
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: signInAttemptsPerMinute() },
        "/request-password-reset": { window: 60, max: passwordResetsPerMinute() },
      },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Secure is added per response (lib/access/authentication/secure-cookies.ts): always, except on localhost.
      useSecureCookies: false,
      // Never X-Forwarded-For (any client writes it): the address auth-request.ts worked out from
      // the socket and THREADLINE_TRUSTED_PROXIES, set on every request it hands over.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Better Auth skips these under NODE_ENV=test; the tests are here to prove them.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    // The "no base URL" notice is expected: origins come from each request (see trustedOrigins).
    logger: { level: "error", log: authLog },
    // Errors go up to lib/access/authentication/auth-request.ts, which logs them through our logger: Better Auth
    // would print them itself, raw.
    onAPIError: { throw: true },
    hooks: { before: beforeEveryEndpoint },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as {
  threadlineAuth?: { mailOn: boolean; database: Promise<unknown>; auth: Promise<Auth> };
};

/**
 * Better Auth, configured for whether mail is on and bound to the open database: after the
 * database is closed and opened again (a reconnect; each test file) it is built again, never left
 * holding a closed connection.
 */
export function getAuth(): Promise<Auth> {
  const mailOn = mailConfigured();
  const database = getDatabase();
  const cached = globalForAuth.threadlineAuth;
  if (cached?.mailOn === mailOn && cached.database === database) return cached.auth;
  const auth = database.then(({ prisma }) => createAuth(prisma, mailOn));
  globalForAuth.threadlineAuth = { mailOn, database, auth };
  return auth;
}
