import { describe, expect, it } from "vitest";
import { senderOf, threadlineAuthorId } from "./sender";

// Who said it, from what a message carries (the route tests show it through the read API).

const outbound = {
  provider: "highlevel",
  direction: "outbound",
  source: null,
  authorName: null,
  authorExternalId: null,
  fromThreadline: false,
};

describe("senderOf", () => {
  it("a reply from Threadline is its person, whatever its echo said", () => {
    expect(senderOf({ ...outbound, fromThreadline: true, source: "api", authorName: "Ana" }, null)).toEqual({
      kind: "person",
      name: "Ana",
    });
  });

  it.each([
    ["workflow", "Workflow"],
    ["campaign", "Campaign"],
    ["bulk_actions", "Bulk action"],
  ])("HighLevel's source %s is an automation, even with a user id (%s)", (source, name) => {
    expect(senderOf({ ...outbound, source, authorExternalId: "u-1" }, "Mark Lee")).toEqual({
      kind: "automation",
      name,
    });
  });

  it("a HighLevel user: the payload's name first, then the teammate's, else unnamed", () => {
    const user = { ...outbound, source: "app", authorExternalId: "u-1" };
    expect(senderOf({ ...user, authorName: "Mark" }, "Mark Lee")).toEqual({ kind: "highlevel-user", name: "Mark" });
    expect(senderOf(user, "Mark Lee")).toEqual({ kind: "highlevel-user", name: "Mark Lee" });
    expect(senderOf(user, null)).toEqual({ kind: "highlevel-user", name: "HighLevel user" });
    expect(senderOf({ ...outbound, source: "app" }, null)).toEqual({ kind: "highlevel-user", name: "HighLevel user" });
  });

  it("another app through the API with no user is an automation; nothing said is no one", () => {
    expect(senderOf({ ...outbound, source: "api" }, null)).toEqual({ kind: "automation", name: "Automation" });
    expect(senderOf(outbound, null)).toBeNull();
    expect(senderOf({ ...outbound, direction: "inbound", authorName: "Customer" }, null)).toBeNull();
  });

  it("a Voxity agent's user", () => {
    const voxity = { ...outbound, provider: "voxity", authorName: "Luis Vega", authorExternalId: "agent-1" };
    expect(senderOf(voxity, null)).toEqual({ kind: "voxity-user", name: "Luis Vega" });
  });
});

describe("threadlineAuthorId", () => {
  it("names the person, or the API token, who sent a reply", () => {
    expect(threadlineAuthorId({ userId: "u1", tokenId: null })).toBe("threadline:user:u1");
    expect(threadlineAuthorId({ userId: null, tokenId: "t1" })).toBe("threadline:token:t1");
  });
});
