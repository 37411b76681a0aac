import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

const LOCATION = TEST_LOCATION;
const message = highLevelMessage;

describe("contacts and opportunities", () => {
  const contact = (overrides: Record<string, unknown>) => ({
    type: "ContactUpdate",
    locationId: LOCATION,
    id: "contact-1",
    firstName: "Maria",
    lastName: "López",
    email: "Maria.Lopez@Example.COM",
    phone: "(415) 555-2671",
    tags: ["vip"],
    ...overrides,
  });

  it("fills the customer of a message that arrived first, normalising phone and email", async () => {
    await postWebhook("highlevel", message());
    await postWebhook("highlevel", contact({ type: "ContactCreate", dateAdded: "2025-01-01T00:00:00Z" }));
    const conversation = await conversationByExternalId("conv-1");
    expect(conversation.customer).toMatchObject({
      name: "Maria López",
      phone: "(415) 555-2671",
      email: "Maria.Lopez@Example.COM",
    });
    const { body } = await conversationDetail(conversation.id);
    expect(body.customer).toMatchObject({
      phoneE164: "+14155552671",
      emailNormalized: "maria.lopez@example.com",
      tags: ["vip"],
    });
  });

  it("never lets an older contact update overwrite a newer one", async () => {
    await postWebhook("highlevel", message());
    await postWebhook("highlevel", contact({ firstName: "New", dateUpdated: "2025-02-02T00:00:00Z" }));
    await postWebhook("highlevel", contact({ firstName: "Old", dateUpdated: "2025-01-01T00:00:00Z" }));
    const { body } = await conversationDetail((await conversationByExternalId("conv-1")).id);
    expect(body.customer?.firstName).toBe("New");
  });

  it("marks a deleted contact without losing its conversation", async () => {
    await postWebhook("highlevel", message());
    await postWebhook("highlevel", { type: "ContactDelete", locationId: LOCATION, id: "contact-1" });
    const { body } = await conversationDetail((await conversationByExternalId("conv-1")).id);
    expect(body.customer?.deleted).toBe(true);
  });

  it("applies every opportunity event, newest wins, delete hides", async () => {
    await postWebhook("highlevel", message());
    const base = {
      locationId: LOCATION,
      id: "opp-1",
      contactId: "contact-1",
      name: "Implants",
      pipelineId: "pipe-1",
      pipelineStageId: "stage-new",
      status: "open",
      monetaryValue: 1200,
      assignedTo: "user-9",
    };
    const events = [
      { ...base, type: "OpportunityCreate", dateAdded: "2025-01-01T00:00:00Z" },
      {
        ...base,
        type: "OpportunityStageUpdate",
        pipelineStageId: "stage-consult",
        dateUpdated: "2025-01-03T00:00:00Z",
      },
      {
        ...base,
        type: "OpportunityMonetaryValueUpdate",
        monetaryValue: "2500.50",
        dateUpdated: "2025-01-04T00:00:00Z",
      },
      { ...base, type: "OpportunityAssignedToUpdate", assignedTo: "user-7", dateUpdated: "2025-01-05T00:00:00Z" },
      {
        ...base,
        type: "OpportunityStatusUpdate",
        status: "won",
        monetaryValue: "2500.50",
        assignedTo: "user-7",
        pipelineStageId: "stage-consult",
        dateUpdated: "2025-01-06T00:00:00Z",
      },
      { ...base, type: "OpportunityUpdate", status: "lost", dateUpdated: "2025-01-02T00:00:00Z" }, // older: ignored
    ];
    for (const event of events) expect((await postWebhook("highlevel", event)).outcome?.status).toBe("processed");
    const conversation = await conversationByExternalId("conv-1");
    const { body } = await conversationDetail(conversation.id);
    expect(body.opportunities).toEqual([
      expect.objectContaining({
        name: "Implants",
        // Known only by id: no name, never the id dressed as one.
        stage: null,
        stageId: "stage-consult",
        status: "won",
        value: 2500.5,
        owner: null,
        ownerId: "user-7",
      }),
    ]);

    await postWebhook("highlevel", {
      type: "OpportunityDelete",
      locationId: LOCATION,
      id: "opp-1",
      dateUpdated: "2025-01-07T00:00:00Z",
    });
    expect((await conversationDetail(conversation.id)).body.opportunities).toEqual([]);
  });

  it("logs events it does not use as ignored", async () => {
    const result = await postWebhook("highlevel", { type: "AppInstall", locationId: LOCATION, appId: "x" });
    expect(result.outcome?.status).toBe("ignored");
  });
});
