import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHARED_PHONE, replyScenarioEvents } from "@/lib/demo/reply-scenarios";
import { Random } from "@/lib/demo/random";
import { VoxityWriter } from "@/lib/demo/voxity-writer";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationDetail, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { VOXITY_CANNOT_SEND } from "./options";

// A Voxity conversation cannot be answered from here (Voxity has no public send API): its composer
// says why, with the number to call, and, when the same customer (same phone) is a HighLevel
// contact in an account the viewer can see, "Reply via HighLevel" opens that conversation.

let voxityAccount: string;
let highLevelAccount: string;

async function voxityConversation(name: string) {
  const { body } = await listConversations("limit=100");
  const found = body.conversations.find((c) => c.provider === "voxity" && c.customer?.name === name);
  if (!found) throw new Error(`no Voxity conversation with ${name}`);
  return found.id;
}

beforeAll(async () => {
  await resetDatabase();
  const now = Date.now();
  // Daniel Kim writes to a Voxity agent and is a HighLevel contact with the same phone.
  for (const { provider, payload } of replyScenarioEvents(now, 3)) await postWebhook(provider, payload);
  // Someone only Voxity knows.
  const stranger = {
    id: "cu-stranger",
    first: "Sam",
    last: "Stranger",
    language: "en" as const,
    phone: "+13055579999",
  };
  for (const { provider, payload } of new VoxityWriter(new Random(9), "agent-demo-luis").conversation(stranger, now, 2))
    await postWebhook(provider, payload);
  voxityAccount = await accountIdOf("voxity", "agent-demo-luis");
  highLevelAccount = await accountIdOf("highlevel", "loc-demo-miami");
});

describe("a Voxity conversation's composer", () => {
  it("says why it cannot send, with the number to call, and offers the customer's HighLevel conversation", async () => {
    const id = await voxityConversation("Daniel Kim");
    const highLevel = await conversationByExternalId("conv-demo-shared-phone");
    const member = await createSignedInUser({
      accounts: [{ accountId: voxityAccount }, { accountId: highLevelAccount }],
    });
    const { status, body } = await conversationDetail(id, member.headers);
    expect(status).toBe(200);
    expect(body.reply).toMatchObject({ channels: [], defaultChannel: null });
    expect(body.reply).toMatchObject({
      blocked: {
        reason: VOXITY_CANNOT_SEND,
        settingsLink: false,
        phone: DEMO_SHARED_PHONE,
        replyVia: {
          conversationId: highLevel.id,
          account: { id: highLevelAccount, name: "HighLevel location loc-demo-miami" },
        },
      },
    });
  });

  it("offers nothing in an account the viewer cannot see", async () => {
    const id = await voxityConversation("Daniel Kim");
    const member = await createSignedInUser({ accounts: [{ accountId: voxityAccount }] });
    const { body } = await conversationDetail(id, member.headers);
    expect(body.reply.blocked).toMatchObject({ reason: VOXITY_CANNOT_SEND, phone: DEMO_SHARED_PHONE, replyVia: null });
  });

  it("offers nothing when no HighLevel contact has the customer's phone", async () => {
    const { body } = await conversationDetail(await voxityConversation("Sam Stranger"));
    expect(body.reply.blocked).toMatchObject({ reason: VOXITY_CANNOT_SEND, phone: "+13055579999", replyVia: null });
  });
});
