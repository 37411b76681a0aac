import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, highLevelOpportunity, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import { loadFixture, postWebhook } from "@/lib/testing/webhooks";

// Names, not ids: HighLevel's user events name the people behind message authors and deal
// owners; location events name the account; a pipeline or stage known only by id has no name.

beforeEach(resetDatabase);

const user = (type: string, overrides: Record<string, unknown> = {}) => ({
  type,
  locationId: TEST_LOCATION,
  id: "user-dana",
  firstName: "Dana",
  lastName: "Scully",
  email: "dana@clinic.test",
  ...overrides,
});

const reply = (messageId: string) =>
  highLevelMessage({ type: "OutboundMessage", direction: "outbound", messageId, userId: "user-dana" });

async function authorOf(messageId: string) {
  const conversation = await conversationByExternalId("conv-1");
  const { body } = await conversationMessages(conversation.id);
  return body.messages.find((message) => message.externalId === messageId)?.author;
}

describe("HighLevel users name message authors", () => {
  it("a reply by a user id shows the user's name, whichever arrived first; renames follow", async () => {
    await postWebhook("highlevel", reply("r1"));
    expect(await authorOf("r1")).toEqual({ name: null, externalId: "user-dana" });
    expect((await postWebhook("highlevel", user("UserCreate"))).outcome?.status).toBe("processed");
    expect(await authorOf("r1")).toEqual({ name: "Dana Scully", externalId: "user-dana" });
    await postWebhook("highlevel", user("UserUpdate", { lastName: "Mulder", webhookId: "u2" }));
    expect((await authorOf("r1"))?.name).toBe("Dana Mulder");
  });

  it("a deleted user still names what they wrote", async () => {
    await postWebhook("highlevel", user("UserCreate"));
    await postWebhook("highlevel", reply("r1"));
    await postWebhook("highlevel", { type: "UserDelete", locationId: TEST_LOCATION, id: "user-dana" });
    expect((await authorOf("r1"))?.name).toBe("Dana Scully");
  });

  it("the same user id in another location names nobody here", async () => {
    await postWebhook("highlevel", user("UserCreate", { locationId: "other-location" }));
    await postWebhook("highlevel", reply("r1"));
    expect((await authorOf("r1"))?.name).toBeNull();
  });
});

describe("opportunities show names or say they have none", () => {
  const opportunity = highLevelOpportunity;

  async function panelOpportunity() {
    const conversation = await conversationByExternalId("conv-1");
    const { body } = await conversationDetail(conversation.id);
    return body.opportunities[0];
  }

  it("ids without names answer null names (never the id as a name); the owner is named by their user event", async () => {
    await postWebhook("highlevel", highLevelMessage({ contactId: "contact-1" }));
    await postWebhook("highlevel", opportunity({}));
    await postWebhook("highlevel", user("UserCreate"));
    expect(await panelOpportunity()).toMatchObject({
      pipeline: null,
      pipelineId: "pipe-9",
      stage: null,
      stageId: "stage-9",
      owner: "Dana Scully",
      ownerId: "user-dana",
    });
  });

  it("names the payload carries are shown", async () => {
    await postWebhook("highlevel", highLevelMessage({ contactId: "contact-1" }));
    await postWebhook(
      "highlevel",
      opportunity({ pipelineName: "New patients", pipelineStageName: "Booked", assignedToName: "Dr Ruiz" }),
    );
    expect(await panelOpportunity()).toMatchObject({ pipeline: "New patients", stage: "Booked", owner: "Dr Ruiz" });
  });
});

describe("a Voxity SMS's copy of a deal does not erase the deal's names", () => {
  it("names from the opportunity event survive a later SMS whose embedded deal has none", async () => {
    const sms = loadFixture<{
      data: { object: { expanded: { opportunities: Array<Record<string, unknown>> } } };
    }>("voxity-sms-message-added");
    const deal = sms.data.object.expanded.opportunities[0]!;
    await postWebhook("voxity", {
      id: "evt-opp",
      type: "opportunity.updated",
      agentId: "ZPxEFRfTGb7QEnFW63zA",
      createdAt: "2025-07-18T17:35:35.598Z",
      data: { object: { ...deal, pipelineName: "Smile design", stageName: "Consult booked" } },
    });
    expect((await postWebhook("voxity", sms)).outcome?.status).toBe("processed");
    const conversation = await conversationByExternalId("CH74bd2a0639244639b084643defe24d0a");
    const { body } = await conversationDetail(conversation.id);
    expect(body.opportunities[0]).toMatchObject({ pipeline: "Smile design", stage: "Consult booked" });
  });
});
