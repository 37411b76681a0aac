import { beforeEach, describe, expect, it } from "vitest";
import { POST as highLevelPost } from "@/app/api/webhooks/highlevel/route";
import { POST } from "@/app/api/webhooks/leadconnector/route";
import { signatureHeaders } from "@/lib/providers/sign";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationMessages } from "@/lib/testing/read-api";
import { testSigningKeys } from "@/lib/testing/signing";
import { settleResponse } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

// The URL HighLevel apps were configured with before the provider was renamed in code.
describe("POST /api/webhooks/leadconnector (the old URL)", () => {
  it("is the highlevel URL's own handler", () => {
    expect(POST).toBe(highLevelPost);
  });

  it("stores a signed delivery as the highlevel URL does", async () => {
    const body = JSON.stringify(highLevelMessage({ conversationId: "conv-old-url", messageId: "m-old-url" }));
    const request = new Request("http://localhost/api/webhooks/leadconnector", {
      method: "POST",
      headers: { "content-type": "application/json", ...signatureHeaders("highlevel", body, testSigningKeys()) },
      body,
    });
    const answer = await settleResponse(await POST(request, undefined as never));
    expect(answer.status).toBe(200);
    expect(answer.outcome).toMatchObject({ status: "processed", messagesStored: 1 });
    const conversation = await conversationByExternalId("conv-old-url");
    expect((await conversationMessages(conversation.id)).body.messages).toHaveLength(1);
  });

  it("refuses an unsigned delivery as the highlevel URL does", async () => {
    const request = new Request("http://localhost/api/webhooks/leadconnector", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(highLevelMessage({ conversationId: "conv-unsigned" })),
    });
    const answer = await settleResponse(await POST(request, undefined as never));
    expect(answer.status).toBe(401);
  });
});
