import { beforeEach, describe, expect, it } from "vitest";
import { PATCH as renameAccount } from "@/app/api/accounts/[id]/route";
import { GET as listAccounts } from "@/app/api/accounts/route";
import { accountIdOf, adminCookie, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Accounts people can tell apart: HighLevel's location name, an owner's own name for it, or
// "HighLevel location <id>"; and a list filter to one account.

beforeEach(resetDatabase);

const rename = (accountId: string, displayName: string, headers: Record<string, string>) =>
  renameAccount(
    new Request(`http://localhost/api/accounts/${accountId}`, {
      method: "PATCH",
      headers: { origin: "http://localhost", "content-type": "application/json", ...headers },
      body: JSON.stringify({ displayName }),
    }),
    { params: Promise.resolve({ id: accountId }) },
  );

async function accountNames(cookie: string) {
  const response = await listAccounts(new Request("http://localhost/api/accounts", { headers: { cookie } }), {
    params: Promise.resolve({}),
  } as never);
  const { accounts } = (await response.json()) as {
    accounts: Array<{ externalId: string; name: string; ownName: string | null }>;
  };
  return Object.fromEntries(accounts.map((account) => [account.externalId, account.name]));
}

/** The owner's own name only (what Settings' field edits), never the name shown in its place. */
async function ownName(cookie: string, externalId: string) {
  const response = await listAccounts(new Request("http://localhost/api/accounts", { headers: { cookie } }), {
    params: Promise.resolve({}),
  } as never);
  const { accounts } = (await response.json()) as { accounts: Array<{ externalId: string; ownName: string | null }> };
  return accounts.find((account) => account.externalId === externalId)?.ownName;
}

async function twoLocations() {
  await postWebhook("highlevel", highLevelMessage({ locationId: "loc-a", conversationId: "conv-a" }));
  await postWebhook("highlevel", highLevelMessage({ locationId: "loc-b", conversationId: "conv-b", messageId: "mb" }));
  return { a: await accountIdOf("highlevel", "loc-a"), b: await accountIdOf("highlevel", "loc-b") };
}

describe("account names", () => {
  it("default, then HighLevel's LocationUpdate name, then the owner's name, which later renames do not undo", async () => {
    const { a } = await twoLocations();
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    expect((await accountNames(owner.cookie))["loc-a"]).toBe("HighLevel location loc-a");

    await postWebhook("highlevel", { type: "LocationUpdate", id: "loc-a", companyId: "co", name: "Sunset Dental" });
    expect((await accountNames(owner.cookie))["loc-a"]).toBe("Sunset Dental");
    expect(await ownName(owner.cookie, "loc-a")).toBeNull();
    const rows = await listConversations("", owner.headers);
    expect(rows.body.conversations[0]?.account).toEqual({ id: a, name: "Sunset Dental" });

    const renamed = await rename(a, "Sunset – front desk", owner.headers);
    expect(renamed.status).toBe(200);
    await postWebhook("highlevel", {
      type: "LocationUpdate",
      id: "loc-a",
      name: "Sunset Dental LLC",
      webhookId: "w2",
    });
    expect((await accountNames(owner.cookie))["loc-a"]).toBe("Sunset – front desk");
    expect(await ownName(owner.cookie, "loc-a")).toBe("Sunset – front desk");

    // An empty name hands the name back to HighLevel.
    expect((await rename(a, "  ", owner.headers)).status).toBe(200);
    expect((await accountNames(owner.cookie))["loc-a"]).toBe("Sunset Dental LLC");
  });

  it("members cannot rename; another account's id is 404; bad input is 400", async () => {
    const { a, b } = await twoLocations();
    const member = await createSignedInUser({ accounts: [{ accountId: a, role: "member" }] });
    const owner = await createSignedInUser({ accounts: [{ accountId: a, role: "owner" }] });
    expect((await rename(a, "Mine now", member.headers)).status).toBe(403);
    expect((await rename(b, "Not yours", owner.headers)).status).toBe(404);
    expect((await rename(a, "x".repeat(121), owner.headers)).status).toBe(400);
  });
});

describe("the account filter", () => {
  it("lists one account's conversations; an account outside the viewer's scope lists nothing", async () => {
    const { a, b } = await twoLocations();
    const admin = { cookie: await adminCookie() };
    const onlyA = await listConversations(`account=${a}`, admin);
    expect(onlyA.body.conversations.map((row) => row.externalId)).toEqual(["conv-a"]);
    const member = await createSignedInUser({ accounts: [{ accountId: a }] });
    expect((await listConversations(`account=${b}`, member.headers)).body.conversations).toEqual([]);
  });
});
