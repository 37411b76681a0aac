import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "@/app/api/accounts/[id]/tokens/[tokenId]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/accounts/[id]/tokens/route";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

const tokenRequest = (accountId: string, headers: Record<string, string>) =>
  createToken(
    new Request(`http://localhost/api/accounts/${accountId}/tokens`, {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/json", ...headers },
      body: JSON.stringify({ name: "CRM sync" }),
    }),
    { params: Promise.resolve({ id: accountId }) },
  );

describe("issuing API tokens", () => {
  it("an owner gets the token once; listing shows it without the token", async () => {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-t",
      conversationId: "conv-t",
      messageId: "t1",
      messageType: "SMS",
      body: "t",
    });
    const accountId = await accountIdOf("highlevel", "loc-t");
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const response = await tokenRequest(accountId, owner.headers);
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { token: string; id: string };
    expect(issued.token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
    expect((await listConversations("", { authorization: `Bearer ${issued.token}` })).body.conversations).toHaveLength(
      1,
    );
    const listed = await listTokens(
      new Request(`http://localhost/api/accounts/${accountId}/tokens`, { headers: owner.headers }),
      { params: Promise.resolve({ id: accountId }) },
    );
    const text = await listed.text();
    expect(text).toContain(issued.id);
    expect(text).not.toContain(issued.token);
  });

  it("members and API tokens cannot issue tokens", async () => {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-t",
      conversationId: "conv-t",
      messageId: "t1",
      messageType: "SMS",
      body: "t",
    });
    const accountId = await accountIdOf("highlevel", "loc-t");
    const member = await createSignedInUser({ accounts: [{ accountId, role: "member" }] });
    expect((await tokenRequest(accountId, member.headers)).status).toBe(403);
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const { token } = (await (await tokenRequest(accountId, owner.headers)).json()) as { token: string };
    expect((await tokenRequest(accountId, { authorization: `Bearer ${token}` })).status).toBe(403);
  });

  it("an owner revokes a token; it stops working at once, and revoking twice is 404", async () => {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-t",
      conversationId: "conv-t",
      messageId: "t1",
      messageType: "SMS",
      body: "t",
    });
    const accountId = await accountIdOf("highlevel", "loc-t");
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const issued = (await (await tokenRequest(accountId, owner.headers)).json()) as { token: string; id: string };
    const revoke = () =>
      revokeToken(
        new Request(`http://localhost/api/accounts/${accountId}/tokens/${issued.id}`, {
          method: "DELETE",
          headers: { ...owner.headers, origin: "http://localhost" },
        }),
        {
          params: Promise.resolve({ id: accountId, tokenId: issued.id }),
        },
      );
    expect((await revoke()).status).toBe(200);
    expect((await listConversations("", { authorization: `Bearer ${issued.token}` })).status).toBe(401);
    expect((await revoke()).status).toBe(404);
  });
});
