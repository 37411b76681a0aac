import { beforeEach, describe, expect, it } from "vitest";
import { GET as getEvent } from "@/app/api/events/[id]/route";
import { GET as getMedia } from "@/app/api/media/[id]/route";
import { adminCookie } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationDetail, conversationMessages, listConversations } from "@/lib/testing/read-api";

// PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00"); a NUL from
// the URL used to reach a query and come back as a 500. The route wrapper answers 400 first.

beforeEach(resetDatabase);

describe("a NUL character anywhere in the URL", () => {
  it("is a 400 with an error, for the list, a thread, its messages, an event and media", async () => {
    const cookie = { cookie: await adminCookie() };
    const answers = [
      await listConversations("q=%00", cookie),
      await listConversations("q=a%00b", cookie),
      await listConversations("customerId=%00", cookie),
      await listConversations("cursor=%00", cookie),
      await conversationDetail("%00", cookie),
      await conversationMessages("%00", "", cookie),
      await conversationMessages("x", "cursor=%00", cookie),
    ];
    for (const { status, body } of answers) {
      expect(status).toBe(400);
      expect(body.error).toMatch(/NUL/);
    }
    for (const [handler, path] of [
      [getEvent, "/api/events/%00"],
      [getMedia, "/api/media/%00"],
    ] as const) {
      const response = await handler(new Request(`http://localhost${path}`, { headers: cookie }), {
        params: Promise.resolve({ id: "\u0000" }),
      });
      expect(response.status, path).toBe(400);
    }
  });
});
