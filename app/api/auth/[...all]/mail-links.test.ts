import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { getPrisma } from "@/lib/db";
import { mailSenderIdle } from "@/lib/mail/sender";
import { createSignedInUser, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { POST as invite } from "@/app/api/accounts/[id]/invitations/route";
import { twoAccounts } from "@/lib/testing/invitations";
import { withTestSmtpServer } from "@/lib/testing/mail";
import { linkIn } from "@/lib/testing/smtp-server";

// Issue #25, finding 10: a mailed link never takes its host from the request. Whoever forges the
// Host header (here: the request goes to evil.example) still mails links to THREADLINE_PUBLIC_URL,
// or, where that is unset outside production, to the fixed development address.

const server = withTestSmtpServer();
beforeEach(resetDatabase);
afterEach(() => {
  delete process.env.THREADLINE_PUBLIC_URL;
});

const FORGED = "http://evil.example";
let clientAddress = 0;
const forged = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request(`${FORGED}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        host: "evil.example",
        origin: FORGED,
        [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(`10.63.0.${++clientAddress}`),
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );

async function mailedLink(to: string, subject: RegExp): Promise<URL> {
  await mailSenderIdle();
  return new URL(linkIn(await server().waitFor(to, subject)));
}

describe("links in mail", () => {
  it("a reset link points at the fixed development address, not the forged Host", async () => {
    const user = await createSignedInUser();
    expect((await forged("/request-password-reset", { email: user.email, redirectTo: "/reset-password" })).status).toBe(
      200,
    );
    const link = await mailedLink(user.email, /Reset/);
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toMatch(/^\/api\/auth\/reset-password\//);
  });

  it("with THREADLINE_PUBLIC_URL every mailed link points there", async () => {
    process.env.THREADLINE_PUBLIC_URL = "https://inbox.example.com/";
    const user = await createSignedInUser();
    await forged("/request-password-reset", { email: user.email, redirectTo: "/reset-password" });
    expect((await mailedLink(user.email, /Reset/)).origin).toBe("https://inbox.example.com");
  });

  it("a confirmation link sent on sign-in points at the configured address, not the forged Host", async () => {
    const user = await createSignedInUser();
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: false } });
    expect((await forged("/sign-in/email", { email: user.email, password: TEST_PASSWORD })).status).toBe(403);
    const link = await mailedLink(user.email, /Confirm/);
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/api/auth/verify-email");
  });

  it("an invitation link points at the configured address, not the forged Host", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const response = await invite(
      new Request(`${FORGED}/api/accounts/${a}/invitations`, {
        method: "POST",
        headers: { cookie: owner.cookie, host: "evil.example", origin: FORGED, "content-type": "application/json" },
        body: JSON.stringify({ email: "invitee@corp.test" }),
      }),
      { params: Promise.resolve({ id: a }) },
    );
    expect(response.status).toBe(201);
    expect((await mailedLink("invitee@corp.test", /invited/)).origin).toBe("http://localhost:3000");
  });
});
