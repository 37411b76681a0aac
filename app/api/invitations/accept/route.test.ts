import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createSignedInUser, signIn } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { acceptWith, inviteLink, tokenOfLink, twoAccounts } from "@/lib/testing/invitations";
import { listConversations } from "@/lib/testing/read-api";

// Issue #11 without SMTP_URL (owners deliver links themselves): an owner must not be able to
// claim someone else's address and carry it into another account, and one invitation is
// accepted once however many accepts race for it.

beforeEach(resetDatabase);

/** One 200; every other accept lost the race in flight (409) or came after the winner's commit (404, a used link). */
function expectOneWinner(statuses: number[]) {
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status !== 200).every((status) => status === 409 || status === 404)).toBe(true);
}

describe("accepting an invitation", () => {
  it("an owner who claims another person's address cannot carry it into a second account", async () => {
    const { a, b } = await twoAccounts();
    const ownerA = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const ownerB = await createSignedInUser({ accounts: [{ accountId: b, role: "owner" }] });
    // A's owner invites the victim's address and accepts the link with a password of their own.
    const linkA = await inviteLink(a, ownerA.cookie, "victim@corp.test");
    const squat = await acceptWith({ token: tokenOfLink(linkA), name: "Victim", password: "owner A knows this" });
    expect(squat.status).toBe(200);
    // B's owner invites the real person; A's owner gets hold of that link.
    const linkB = await inviteLink(b, ownerB.cookie, "victim@corp.test");
    const body = { token: tokenOfLink(linkB), name: "Victim", password: "owner A knows this" };
    expect((await acceptWith(body)).status).toBe(409);
    const asVictim = await signIn("victim@corp.test", "owner A knows this");
    expect(asVictim.status).toBe(200);
    const joined = await acceptWith(body, { cookie: asVictim.cookie });
    expect(joined.status).toBe(403);
    expect((joined.body as { error: string }).error).toMatch(/not confirmed/);
    const seen = await listConversations("", { cookie: asVictim.cookie });
    expect(seen.body.conversations.map((c) => c.externalId)).toEqual(["conv-a"]);
    // The link is still good for the real person once their sign-in is theirs.
    expect((await getPrisma()).invitation.count({ where: { acceptedAt: null } })).resolves.toBe(1);
  });

  it("a sign-in created from a link the owner delivered is unconfirmed; an administrator's is confirmed", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const link = await inviteLink(a, owner.cookie, "new@corp.test");
    expect((await acceptWith({ token: tokenOfLink(link), name: "New", password: "long enough pw" })).status).toBe(200);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "new@corp.test" } })).toMatchObject({
      emailVerified: false,
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ emailVerified: true });
  });

  it("a new address's name and password are required (400), not a server error", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const token = tokenOfLink(await inviteLink(a, owner.cookie, "nameless@corp.test"));
    expect((await acceptWith({ token })).status).toBe(400);
  });

  it("nine concurrent accepts of one invitation: one joins, the other eight get 409 (or 404 once it is used), one user exists", async () => {
    const { a } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const token = tokenOfLink(await inviteLink(a, owner.cookie, "race@corp.test"));
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => acceptWith({ token, name: `Racer ${i}`, password: `password number ${i}` })),
    );
    expectOneWinner(answers.map((answer) => answer.status));
    const prisma = await getPrisma();
    expect(await prisma.user.count({ where: { email: "race@corp.test" } })).toBe(1);
    expect(await prisma.membership.count({ where: { accountId: a } })).toBe(2);
  });

  it("nine concurrent accepts by the signed-in invitee: one joins, eight get 409 or 404", async () => {
    const { a, b } = await twoAccounts();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    const invitee = await createSignedInUser({ accounts: [{ accountId: b }] });
    const token = tokenOfLink(await inviteLink(a, owner.cookie, invitee.email));
    const answers = await Promise.all(Array.from({ length: 9 }, () => acceptWith({ token }, invitee.headers)));
    expectOneWinner(answers.map((answer) => answer.status));
  });
});
