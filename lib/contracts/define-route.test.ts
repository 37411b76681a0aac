import { describe, expect, it } from "vitest";
import { listConversationsRoute } from "./conversations";
import { routeUrl } from "./define-route";
import { labelConversationRoute } from "./team";

// The browser builds every route's URL from its contract: segments encoded, repeated keys for
// lists, nothing for what was not given.

describe("routeUrl", () => {
  it("fills each :segment, encoded", () => {
    expect(routeUrl(labelConversationRoute, { id: "c/1", labelId: "l 2" })).toBe(
      "/api/conversations/c%2F1/labels/l%202",
    );
  });

  it("repeats a list's key and leaves out what is absent", () => {
    expect(
      routeUrl(listConversationsRoute, {}, { channel: ["sms", "call"], q: undefined, view: null, limit: 50 }),
    ).toBe("/api/conversations?channel=sms&channel=call&limit=50");
  });

  it("refuses a path whose segment was not given", () => {
    expect(() => routeUrl(labelConversationRoute, { id: "c1" })).toThrow(":labelId");
  });
});
