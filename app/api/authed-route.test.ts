import { beforeEach, describe, expect, it } from "vitest";
import { POST as markRead } from "@/app/api/conversations/[id]/read/route";
import { GET as getMessages } from "@/app/api/conversations/[id]/messages/route";
import { GET as getConversation } from "@/app/api/conversations/[id]/route";
import { GET as getConversations } from "@/app/api/conversations/route";
import { POST as createToken } from "@/app/api/accounts/[id]/tokens/route";
import { GET as getAccounts } from "@/app/api/accounts/route";
import { POST as retryFailed } from "@/app/api/events/retry-failed/route";
import { GET as getEvents } from "@/app/api/events/route";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";

// What every authenticated answer shares (lib/access/authed-route.ts, lib/access/viewer.ts):
// nothing is cached, and an API token only reads.

type Handler = (request: Request, context: never) => Promise<Response>;

let accountId: string;
let conversationId: string;

beforeEach(async () => {
  await resetDatabase();
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "loc-cache",
    conversationId: "conv-cache",
    messageId: "m-cache",
    messageType: "SMS",
    direction: "inbound",
    body: "private words",
  });
  accountId = await accountIdOf("highlevel", "loc-cache");
  conversationId = (await (await getPrisma()).conversation.findFirstOrThrow()).id;
});

function call(handler: Handler, path: string, headers: Record<string, string>, params = {}, method = "GET") {
  const sent =
    method === "GET" ? headers : { origin: "http://localhost", "content-type": "application/json", ...headers };
  const body = method === "GET" ? undefined : JSON.stringify({ name: "CRM" });
  return handler(new Request(`http://localhost${path}`, { method, headers: sent, body }), {
    params: Promise.resolve(params),
  } as never);
}

describe("Cache-Control on authenticated answers", () => {
  it("is no-store on reads, writes, errors and the one-time token answer", async () => {
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const answers = {
      list: await call(getConversations, "/api/conversations", owner.headers),
      detail: await call(getConversation, `/api/conversations/${conversationId}`, owner.headers, {
        id: conversationId,
      }),
      messages: await call(getMessages, `/api/conversations/${conversationId}/messages`, owner.headers, {
        id: conversationId,
      }),
      accounts: await call(getAccounts, "/api/accounts", owner.headers),
      events: await call(getEvents, "/api/events", owner.headers),
      read: await call(
        markRead,
        `/api/conversations/${conversationId}/read`,
        owner.headers,
        { id: conversationId },
        "POST",
      ),
      token: await call(createToken, `/api/accounts/${accountId}/tokens`, owner.headers, { id: accountId }, "POST"),
      unknown: await call(getConversation, "/api/conversations/nope", owner.headers, { id: "nope" }),
      anonymous: await call(getConversations, "/api/conversations", {}),
    };
    expect(answers.token.status).toBe(201);
    expect(answers.unknown.status).toBe(404);
    expect(answers.anonymous.status).toBe(401);
    for (const [name, response] of Object.entries(answers))
      expect(response.headers.get("cache-control"), name).toBe("no-store");
  });
});

describe("API tokens are read-only", () => {
  it("answer 403 with an error to any write, and the write does not happen", async () => {
    await (await getPrisma()).conversation.update({ where: { id: conversationId }, data: { unreadCount: 1 } });
    const { token } = await issueApiToken(accountId, "crm");
    const bearer = { authorization: `Bearer ${token}` };
    const writes = [
      await call(markRead, `/api/conversations/${conversationId}/read`, bearer, { id: conversationId }, "POST"),
      await call(createToken, `/api/accounts/${accountId}/tokens`, bearer, { id: accountId }, "POST"),
      await call(retryFailed, "/api/events/retry-failed", bearer, {}, "POST"),
    ];
    for (const response of writes) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe("this API token can only read");
    }
    const conversation = await (await getPrisma()).conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.unreadCount).toBe(1);
    expect(await (await getPrisma()).apiToken.count()).toBe(1);
    // Reading still works.
    expect((await call(getConversations, "/api/conversations", bearer)).status).toBe(200);
  });
});
