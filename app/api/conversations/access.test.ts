import { beforeEach, describe, expect, it } from "vitest";
import { POST as markRead } from "@/app/api/conversations/[id]/read/route";
import { GET as live } from "@/app/api/live/route";
import { issueApiToken, revokeApiToken } from "@/lib/access/api-tokens/api-tokens";
import { publishConversationChanges } from "@/lib/live/bus";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationDetail, conversationMessages, listConversations, type Credentials } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Who may read what: nobody without a session or token; a member only their accounts; an
// API token only its account. Another account's ids answer 404, exactly like unknown ids.

let clinic: string;
let bakery: string;
let clinicConversation: string;
let bakeryConversation: string;

async function seed() {
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "loc-clinic",
    conversationId: "conv-clinic",
    messageId: "m-c",
    messageType: "SMS",
    direction: "inbound",
    body: "clinic secret",
  });
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "loc-bakery",
    conversationId: "conv-bakery",
    messageId: "m-b",
    messageType: "SMS",
    direction: "inbound",
    body: "bakery secret",
  });
  clinic = await accountIdOf("highlevel", "loc-clinic");
  bakery = await accountIdOf("highlevel", "loc-bakery");
  const all = (await listConversations()).body.conversations;
  clinicConversation = all.find((c) => c.externalId === "conv-clinic")!.id;
  bakeryConversation = all.find((c) => c.externalId === "conv-bakery")!.id;
}

beforeEach(async () => {
  await resetDatabase();
  await seed();
});

const readAs = (id: string, credentials: Credentials) =>
  markRead(
    new Request(`http://localhost/api/conversations/${id}/read`, {
      method: "POST",
      headers: { origin: "http://localhost", ...credentials },
    }),
    {
      params: Promise.resolve({ id }),
    },
  );

describe("without credentials", () => {
  it("every read route answers 401 with a JSON error", async () => {
    const none = {};
    const results = [
      await listConversations("", none),
      await conversationDetail(clinicConversation, none),
      await conversationMessages(clinicConversation, "", none),
    ];
    expect(results.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(results[0]!.body.error).toBe("sign in required");
    expect((await readAs(clinicConversation, {})).status).toBe(401);
    expect((await live(new Request("http://localhost/api/live"), undefined as never)).status).toBe(401);
  });

  it("a forged or expired session cookie is no session", async () => {
    const result = await listConversations("", { cookie: "threadline.session_token=forged.signature" });
    expect(result.status).toBe(401);
  });
});

describe("a member of one account", () => {
  it("lists only that account's conversations and gets 404 for the other's", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }] });
    const list = await listConversations("", member.headers);
    expect(list.body.conversations.map((c) => c.externalId)).toEqual(["conv-clinic"]);
    expect((await listConversations("q=bakery", member.headers)).body.conversations).toEqual([]);
    expect((await conversationDetail(clinicConversation, member.headers)).status).toBe(200);
    const foreign = [
      await conversationDetail(bakeryConversation, member.headers),
      await conversationMessages(bakeryConversation, "", member.headers),
    ];
    expect(foreign.map((r) => r.status)).toEqual([404, 404]);
    expect(foreign[0]!.body.error).toBe("conversation not found");
    expect((await readAs(bakeryConversation, member.headers)).status).toBe(404);
  });

  it("a user with no accounts sees nothing; an administrator sees everything", async () => {
    const nobody = await createSignedInUser();
    expect((await listConversations("", nobody.headers)).body.conversations).toEqual([]);
    const admin = await createSignedInUser({ isAdmin: true });
    expect((await listConversations("", admin.headers)).body.conversations).toHaveLength(2);
  });

  it("live updates carry only the member's accounts' conversations", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }] });
    const controller = new AbortController();
    const response = await live(
      new Request("http://localhost/api/live", { headers: member.headers, signal: controller.signal }),
      undefined as never,
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the "connected" comment
    publishConversationChanges(bakery, [bakeryConversation]);
    publishConversationChanges(clinic, [clinicConversation]);
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    controller.abort();
    expect(text).toContain(clinicConversation);
    expect(text).not.toContain(bakeryConversation);
    expect(text).not.toContain(bakery);
  });
});

describe("API tokens", () => {
  it("authorise the read API for their account only", async () => {
    const { token } = await issueApiToken(clinic, "crm");
    const bearer = { authorization: `Bearer ${token}` };
    expect((await listConversations("", bearer)).body.conversations.map((c) => c.externalId)).toEqual(["conv-clinic"]);
    expect((await conversationMessages(clinicConversation, "", bearer)).status).toBe(200);
    expect((await conversationDetail(bakeryConversation, bearer)).status).toBe(404);
    expect((await conversationMessages(bakeryConversation, "", bearer)).status).toBe(404);
  });

  it("a wrong, malformed or revoked token is 401", async () => {
    const issued = await issueApiToken(clinic, "crm");
    expect((await listConversations("", { authorization: "Bearer tl_not-a-real-token" })).status).toBe(401);
    expect((await listConversations("", { authorization: `Basic ${issued.token}` })).status).toBe(401);
    expect((await listConversations("", { authorization: "Bearer" })).status).toBe(401);
    expect(await revokeApiToken(issued.id, clinic)).toBe(true);
    const revoked = await listConversations("", { authorization: `Bearer ${issued.token}` });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toBe("invalid or revoked API token");
  });

  it("are stored only as a hash", async () => {
    const { token } = await issueApiToken(clinic, "crm");
    const { getPrisma } = await import("@/lib/db");
    const rows = await (await getPrisma()).$queryRaw<
      Array<{ row: string }>
    >`SELECT row_to_json(t)::text AS row FROM api_tokens t`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token.slice(3));
  });
});

describe("cross-site request forgery", () => {
  it("a state change with the session cookie from another origin, or with no origin at all, is 403", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }] });
    const forged = await markRead(
      new Request(`http://localhost/api/conversations/${clinicConversation}/read`, {
        method: "POST",
        headers: { ...member.headers, origin: "https://evil.example" },
      }),
      { params: Promise.resolve({ id: clinicConversation }) },
    );
    expect(forged.status).toBe(403);
    const noOrigin = await markRead(
      new Request(`http://localhost/api/conversations/${clinicConversation}/read`, {
        method: "POST",
        headers: member.headers,
      }),
      { params: Promise.resolve({ id: clinicConversation }) },
    );
    expect(noOrigin.status).toBe(403);
    expect((await readAs(clinicConversation, member.headers)).status).toBe(200);
  });
});
