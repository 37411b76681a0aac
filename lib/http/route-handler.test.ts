import { describe, expect, it } from "vitest";
import { loggablePath } from "./route-handler";

describe("loggablePath", () => {
  it("keeps paths, but never the secret a webhook URL may carry", () => {
    expect(loggablePath(new Request("http://x/api/conversations/abc/messages?q=1"))).toBe(
      "/api/conversations/abc/messages",
    );
    expect(loggablePath(new Request("http://x/api/webhooks/voxity"))).toBe("/api/webhooks/voxity");
    expect(loggablePath(new Request("http://x/api/webhooks/voxity/s3cr3t-value"))).toBe(
      "/api/webhooks/voxity/[secret]",
    );
  });
});
