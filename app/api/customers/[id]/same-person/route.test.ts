import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/customers/[id]/same-person/route";
import { getPrisma } from "@/lib/db";
import type { SamePerson } from "@/lib/customers/same-person";
import { DEMO_SHARED_PHONE, replyScenarioEvents } from "@/lib/demo/reply-scenarios";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { callRoute, type RouteHandler } from "@/lib/testing/route-call";
import { postWebhook } from "@/lib/testing/webhooks";

// The same person reaching us twice (issue #26, 8), on the demo's Daniel Kim: a HighLevel
// contact of the Miami location and a Voxity customer of Luis's agent, by one phone number.
// "Also in" only within what the viewer can see; only an owner of both accounts links or
// dismisses; a link shows both conversations as one customer's, a dismissal never comes back.

beforeEach(async () => {
  await resetDatabase();
  for (const { provider, payload } of replyScenarioEvents(Date.now(), 3)) await postWebhook(provider, payload);
});

async function customerOf(provider: string, externalId: string) {
  const prisma = await getPrisma();
  const account = provider === "voxity" ? "agent-demo-luis" : "loc-demo-miami";
  const accountId = await accountIdOf(provider, account);
  return (await prisma.customer.findUniqueOrThrow({ where: { accountId_externalId: { accountId, externalId } } })).id;
}

const danielOnHighLevel = () => customerOf("highlevel", "ct-demo-shared-phone");
const danielOnVoxity = () => customerOf("voxity", "cu-demo-shared-phone");

const samePerson = (id: string, headers: Record<string, string>) =>
  callRoute<{ matches: SamePerson[]; canDecide: boolean }>(GET as RouteHandler, {
    method: "GET",
    url: `/api/customers/${id}/same-person`,
    id,
    headers,
  });

const decide = (id: string, otherCustomerId: string, decision: string, headers: Record<string, string>) =>
  callRoute<{ decision?: string; error?: string }>(POST as RouteHandler, {
    method: "POST",
    url: `/api/customers/${id}/same-person`,
    id,
    headers,
    body: { otherCustomerId, decision },
  });

async function accounts() {
  return {
    miami: await accountIdOf("highlevel", "loc-demo-miami"),
    luis: await accountIdOf("voxity", "agent-demo-luis"),
  };
}

async function ownerOfBoth() {
  const { miami, luis } = await accounts();
  return createSignedInUser({
    accounts: [
      { accountId: miami, role: "owner" },
      { accountId: luis, role: "owner" },
    ],
  });
}

describe("the same person on HighLevel and Voxity", () => {
  it("shows a member who sees both accounts 'Also in' Voxity by the shared phone, without the right to decide", async () => {
    const { miami, luis } = await accounts();
    const member = await createSignedInUser({ accounts: [{ accountId: miami }, { accountId: luis }] });
    const [highLevel, voxity] = [await danielOnHighLevel(), await danielOnVoxity()];

    const { status, body } = await samePerson(highLevel, member.headers);
    expect(status).toBe(200);
    expect(body.canDecide).toBe(false);
    expect(body.matches).toEqual([
      expect.objectContaining({
        customerId: voxity,
        name: "Daniel Kim",
        provider: "voxity",
        account: { id: luis, name: "Voxity agent agent-demo-luis" },
        shared: { kind: "phone", value: DEMO_SHARED_PHONE },
        conversation: expect.objectContaining({ id: expect.any(String) }),
        status: "suggested",
      }),
    ]);
    expect((await decide(highLevel, voxity, "linked", member.headers)).status).toBe(403);
  });

  it("shows nothing of an account the viewer cannot see, and no customer outside their accounts", async () => {
    const { miami } = await accounts();
    const member = await createSignedInUser({ accounts: [{ accountId: miami, role: "owner" }] });
    const [highLevel, voxity] = [await danielOnHighLevel(), await danielOnVoxity()];
    expect((await samePerson(highLevel, member.headers)).body.matches).toEqual([]);
    expect((await samePerson(voxity, member.headers)).status).toBe(404);
    expect((await decide(highLevel, voxity, "linked", member.headers)).status).toBe(404);
  });

  it("lets an owner of both accept: each side then shows the other as linked, with its conversation", async () => {
    const owner = await ownerOfBoth();
    const [highLevel, voxity] = [await danielOnHighLevel(), await danielOnVoxity()];
    expect((await samePerson(voxity, owner.headers)).body.canDecide).toBe(true);

    expect(await decide(voxity, highLevel, "linked", owner.headers)).toEqual({
      status: 200,
      body: { decision: "linked" },
    });
    const fromHighLevel = (await samePerson(highLevel, owner.headers)).body.matches;
    const fromVoxity = (await samePerson(voxity, owner.headers)).body.matches;
    expect(fromHighLevel.map((match) => [match.customerId, match.status])).toEqual([[voxity, "linked"]]);
    expect(fromVoxity.map((match) => [match.customerId, match.status])).toEqual([[highLevel, "linked"]]);
    // Never merged: both customer rows are still there, as they were.
    const prisma = await getPrisma();
    expect(await prisma.customer.count({ where: { phoneE164: DEMO_SHARED_PHONE } })).toBe(2);
  });

  it("an owner's dismissal is never suggested again, from either side", async () => {
    const owner = await ownerOfBoth();
    const [highLevel, voxity] = [await danielOnHighLevel(), await danielOnVoxity()];
    expect((await decide(highLevel, voxity, "dismissed", owner.headers)).status).toBe(200);
    expect((await samePerson(highLevel, owner.headers)).body.matches).toEqual([]);
    expect((await samePerson(voxity, owner.headers)).body.matches).toEqual([]);
  });

  it("refuses an owner of only one of the two accounts, and two customers who share nothing", async () => {
    const { miami, luis } = await accounts();
    const halfOwner = await createSignedInUser({
      accounts: [{ accountId: miami, role: "owner" }, { accountId: luis }],
    });
    const [highLevel, voxity] = [await danielOnHighLevel(), await danielOnVoxity()];
    expect((await decide(highLevel, voxity, "linked", halfOwner.headers)).status).toBe(403);

    const admin = await createSignedInUser({ isAdmin: true });
    const hazel = await customerOf("highlevel", "ct-demo-opted-out");
    expect((await decide(highLevel, hazel, "linked", admin.headers)).status).toBe(409);
    const prisma = await getPrisma();
    expect(await prisma.customerLink.count()).toBe(0);
  });
});

describe("the same person by email", () => {
  it("matches two HighLevel locations' contacts by the same email in another case, with different phones", async () => {
    const contact = (locationId: string, id: string, email: string, phone: string) =>
      postWebhook("highlevel", {
        type: "ContactCreate",
        locationId,
        id,
        firstName: "Eva",
        lastName: "Lund",
        email,
        phone,
      });
    await contact("loc-demo-miami", "ct-eva-1", "Eva.Lund@example.com", "+13055571111");
    await contact("loc-demo-tampa", "ct-eva-2", "eva.lund@example.com", "+18135572222");
    const admin = await createSignedInUser({ isAdmin: true });
    const eva = await customerOf("highlevel", "ct-eva-1");
    const { body } = await samePerson(eva, admin.headers);
    expect(body.matches).toEqual([
      expect.objectContaining({
        name: "Eva Lund",
        account: expect.objectContaining({ name: "HighLevel location loc-demo-tampa" }),
        shared: { kind: "email", value: "eva.lund@example.com" },
        conversation: null,
      }),
    ]);
  });
});
