import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import { loadFixture, postWebhook } from "@/lib/testing/webhooks";

type VoxityEvent = ReturnType<typeof loadFixture> & { id: string; data: { object: Record<string, unknown> } };
const fixture = () => loadFixture<VoxityEvent>("voxity-sms-message-added");

beforeEach(resetDatabase);

describe("POST /api/webhooks/voxity sms.message.added", () => {
  it("stores one conversation with the 5 history messages, the customer and the opportunity", async () => {
    const result = await postWebhook("voxity", fixture());
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed" });

    const conversation = await conversationByExternalId("CH74bd2a0639244639b084643defe24d0a");
    expect(conversation.provider).toBe("voxity");
    expect(conversation.customer?.name).toBe("S*** G***");
    expect(conversation.lastMessage).toMatchObject({
      channel: "sms",
      direction: "outbound",
      preview: "Hola Como estas busco a gicela",
    });
    expect(conversation.lastMessageAt).toBe("2025-08-02T17:26:09.880Z");

    const { body } = await conversationMessages(conversation.id);
    expect(body.messages).toHaveLength(5);
    expect(body.messages.map((m) => m.externalId)).toEqual([
      "IM9c566a00f8444f01aba88cb81ff63777",
      "IM2ec6469310c24a31a6a9d63a22156712",
      "IMfb6235adcb354f77844c5a99f4c0a817",
      "IM97596dc80f2f4d1ca5a9d0b2406177ed",
      "IM771ad8e30b0846529dda887eae98487a",
    ]);
    const own = body.messages.at(-1);
    expect(own).toMatchObject({ direction: "outbound", channel: "sms", author: { name: "S*** G***" } });
    expect(body.messages[0]?.body).toContain("Hola le escribo desde SUnset calle 8");

    const detail = await conversationDetail(conversation.id);
    expect(detail.body.customer).toMatchObject({
      name: "S*** G***",
      smsConsent: "optedIn",
      sourceChannel: "facebook",
      phone: "+1561...",
    });
    expect(detail.body.customer?.phoneE164).toBeNull(); // masked number: kept, not normalised
    expect(detail.body.opportunities).toHaveLength(1);
    expect(detail.body.opportunities[0]).toMatchObject({
      name: "Smile Design Inquiry - S*** G***",
      score: 70,
      value: null,
      status: "open",
    });
  });

  it("answers a redelivery with duplicate and stores nothing new", async () => {
    const first = await postWebhook("voxity", fixture());
    const second = await postWebhook("voxity", fixture());
    expect(second.json).toMatchObject({ status: "duplicate", eventId: first.json.eventId });
    const conversation = await conversationByExternalId("CH74bd2a0639244639b084643defe24d0a");
    expect((await conversationMessages(conversation.id)).body.messages).toHaveLength(5);
  });

  it("a later event of the same conversation adds only its new message", async () => {
    await postWebhook("voxity", fixture());
    const next = fixture();
    const history = (next.data.object.metadata as { conversation: Array<Record<string, unknown>> }).conversation;
    const reply = {
      id: "IMnewreply0001",
      createdAt: "2025-08-02T18:00:00.000Z",
      role: "customer",
      media: [],
      body: "Sí, soy yo 😊",
    };
    history.push(reply);
    Object.assign(next, { id: "evt-2" });
    Object.assign(next.data.object, {
      id: reply.id,
      direction: "inbound",
      body: reply.body,
      createdAt: reply.createdAt,
    });
    expect((await postWebhook("voxity", next)).outcome).toMatchObject({ status: "processed", messagesStored: 1 });

    const conversation = await conversationByExternalId("CH74bd2a0639244639b084643defe24d0a");
    expect(conversation.unreadCount).toBe(1);
    expect(conversation.lastMessage).toMatchObject({ direction: "inbound", preview: "Sí, soy yo 😊" });
    expect((await conversationMessages(conversation.id)).body.messages).toHaveLength(6);
  });

  it("fills opportunity events and never lets an older update win", async () => {
    await postWebhook("voxity", fixture());
    const opportunity = {
      id: "3D9rDuUC0sxkcRIDoNlT",
      customerId: "ySOkYW0cE63JublL9mAC",
      name: "Smile Design Inquiry - S*** G***",
      score: 90,
      amount: 4500,
      updatedAt: "2025-08-10T00:00:00.000Z",
    };
    const won = {
      id: "evt-won",
      type: "opportunity.won",
      agentId: "ZPxEFRfTGb7QEnFW63zA",
      data: { object: opportunity },
    };
    const stale = {
      id: "evt-stale",
      type: "opportunity.updated",
      agentId: "ZPxEFRfTGb7QEnFW63zA",
      data: { object: { ...opportunity, score: 10, updatedAt: "2025-08-01T00:00:00.000Z" } },
    };
    expect((await postWebhook("voxity", won)).outcome?.status).toBe("processed");
    expect((await postWebhook("voxity", stale)).outcome?.status).toBe("processed");
    const conversation = await conversationByExternalId("CH74bd2a0639244639b084643defe24d0a");
    const { body } = await conversationDetail(conversation.id);
    expect(body.opportunities[0]).toMatchObject({ status: "won", score: 90, value: 4500 });

    const removed = {
      id: "evt-removed",
      type: "opportunity.removed",
      agentId: "ZPxEFRfTGb7QEnFW63zA",
      data: { object: { ...opportunity, updatedAt: "2025-08-11T00:00:00.000Z" } },
    };
    await postWebhook("voxity", removed);
    expect((await conversationDetail(conversation.id)).body.opportunities).toHaveLength(0);
  });

  it("keeps a delivery that fails its schema: answered 2xx, then failed with the reason", async () => {
    const broken = fixture();
    delete broken.data.object.conversationId;
    const result = await postWebhook("voxity", broken);
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "failed" });
    expect(String(result.outcome?.error)).toContain("data.object.conversationId");
  });
});
