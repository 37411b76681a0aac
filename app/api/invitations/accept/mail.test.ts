import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/accounts/[id]/invitations/route";
import { GET as authGet } from "@/app/api/auth/[...all]/route";
import { getPrisma } from "@/lib/db";
import { drainOutbox } from "@/lib/mail/outbox";
import { mailSenderIdle } from "@/lib/mail/sender";
import { createSignedInUser, signIn } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { acceptWith, inviteAs, tokenOfLink, twoAccounts } from "@/lib/testing/invitations";
import { listConversations } from "@/lib/testing/read-api";
import { withTestSmtpServer } from "@/lib/testing/mail";
import { linkIn } from "@/lib/testing/smtp-server";

// Invitations with SMTP_URL, against a real SMTP server: the link goes only to the address,
// and a sign-in made from it signs in once the address is confirmed by a second mail.

const server = withTestSmtpServer();
beforeEach(async () => {
  await resetDatabase();
});

const PASSWORD = "the invitee's own password";

async function listInvitations(accountId: string, headers: Record<string, string>) {
  const response = await GET(new Request(`http://localhost/api/accounts/${accountId}/invitations`, { headers }), {
    params: Promise.resolve({ id: accountId }),
  });
  return response.json();
}

describe("invitations by mail", () => {
  it("mails the link after the commit; the owner is not shown it; Settings lists it as sent", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const created = await inviteAs(a, owner.cookie, { email: "Invitee@Corp.test" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "invitee@corp.test", delivery: "mail", link: null });
    const mail = await server().waitFor("invitee@corp.test");
    expect(mail.subject).toMatch(/invited to HighLevel location loc-a/);
    // THREADLINE_PUBLIC_URL is unset here: mailed links point at the development server.
    expect(linkIn(mail)).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    await mailSenderIdle();
    expect(await listInvitations(a, owner.headers)).toMatchObject({
      mail: true,
      invitations: [{ email: "invitee@corp.test", acceptedAt: null, mail: { status: "sent", lastError: null } }],
    });
  });

  it("a refused invitation mail shows its error to the owner and is retried", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    server().refuseNext(1);
    expect((await inviteAs(a, owner.cookie, { email: "later@corp.test" })).status).toBe(201);
    await mailSenderIdle();
    expect(await listInvitations(a, owner.headers)).toMatchObject({
      invitations: [{ mail: { status: "pending", attempts: 1, lastError: expect.stringMatching(/451/) } }],
    });
    await (await getPrisma()).mailOutbox.updateMany({ data: { availableAt: new Date(0) } });
    expect(await drainOutbox()).toMatchObject({ sent: 1 });
    expect(linkIn(await server().waitFor("later@corp.test"))).toMatch(/\/invite\//);
    expect(await listInvitations(a, owner.headers)).toMatchObject({ invitations: [{ mail: { status: "sent" } }] });
  });

  it("a new sign-in from the mailed link cannot sign in until the confirmation mail's link is followed", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    await inviteAs(a, owner.cookie, { email: "new@corp.test" });
    const token = tokenOfLink(linkIn(await server().waitFor("new@corp.test")));
    const accepted = await acceptWith({ token, name: "New", password: PASSWORD });
    expect(accepted.body).toMatchObject({ created: true, confirmBy: "mail" });
    const refused = await signIn("new@corp.test", PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    await mailSenderIdle();
    const confirmation = server().delivered.find((m) => m.to === "new@corp.test" && /Confirm/.test(m.subject));
    const confirmUrl = new URL(linkIn(confirmation!));
    expect(confirmUrl.pathname).toBe("/api/auth/verify-email");
    const confirmed = await authGet(new Request(confirmUrl, { headers: { "x-forwarded-for": "10.9.9.9" } }));
    expect(confirmed.status).toBe(302);
    const session = confirmed.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await listConversations("", { cookie: session })).body.conversations.map((c) => c.externalId)).toEqual([
      "conv-a",
    ]);
    expect((await signIn("new@corp.test", PASSWORD)).status).toBe(200);
    expect(await (await getPrisma()).user.findUniqueOrThrow({ where: { email: "new@corp.test" } })).toMatchObject({
      emailVerified: true,
    });
  });

  it("an address that already signs in gets the mail and joins while signed in as itself", async () => {
    const { a, b } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const existing = await createSignedInUser({ accounts: [{ accountId: b }] });
    await inviteAs(a, owner.cookie, { email: existing.email });
    const token = tokenOfLink(linkIn(await server().waitFor(existing.email)));
    expect((await acceptWith({ token, name: "X", password: PASSWORD })).status).toBe(409);
    expect((await acceptWith({ token }, existing.headers)).status).toBe(200);
  });
});
