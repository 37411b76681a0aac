import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getPrisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authSecret } from "./auth-secret";
import { allowedOrigins } from "./request-origin";

// Sign-in is Better Auth's: scrypt password hashes, sessions in the database, httpOnly
// SameSite=Lax cookies, an Origin check on every state-changing auth request, and rate
// limits (sign-in: 5 attempts a minute per address). Sign-up is closed: people join by
// invitation or through `npm run user:create`.

export const SESSION_COOKIE_PREFIX = "threadline";
/** Per client address; THREADLINE_SIGN_IN_LIMIT_PER_MINUTE changes it (the e2e suite signs in often from one address). */
export const signInAttemptsPerMinute = () => Number(process.env.THREADLINE_SIGN_IN_LIMIT_PER_MINUTE) || 5;

function createAuth(prisma: PrismaClient) {
  return betterAuth({
    appName: "Threadline",
    secret: authSecret(),
    baseURL: process.env.THREADLINE_PUBLIC_URL?.trim() || undefined,
    // The request's own origin: a form posted from any other site fails the Origin check.
    trustedOrigins: (request) => (request ? allowedOrigins(request) : []),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    account: { modelName: "authAccount" },
    user: { additionalFields: { isAdmin: { type: "boolean", input: false, defaultValue: false } } },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 256 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: signInAttemptsPerMinute() } },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Secure is added per response (lib/auth/secure-cookies.ts): always, except on localhost.
      useSecureCookies: false,
      // Tests and the e2e suite run as production builds on 127.0.0.1; Next itself sets this header.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      // Better Auth skips these under NODE_ENV=test; the tests are here to prove them.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    // The "no base URL" notice is expected: origins come from each request (see trustedOrigins).
    logger: { level: "error" },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { threadlineAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.threadlineAuth ??= getPrisma().then(createAuth);
  return globalForAuth.threadlineAuth;
}
