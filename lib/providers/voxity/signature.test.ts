import { afterEach, describe, expect, it, vi } from "vitest";
import {
  VOXITY_SECRET_ENV,
  VOXITY_SIGNATURE_HEADER,
  verifyVoxityDelivery,
  voxityAccountSecret,
  voxitySignature,
} from "./signature";

// Per-agent secrets derived from one server secret, and the HMAC over the raw body.

afterEach(() => vi.unstubAllEnvs());

const body = JSON.stringify({ id: "evt-1", type: "sms.message.added", agentId: "agent-a" });
const verify = (headers: Record<string, string>, pathSecret?: string, text = body) =>
  verifyVoxityDelivery({
    headers: new Headers(headers),
    body: Buffer.from(text),
    payload: JSON.parse(text),
    pathSecret,
  });

describe("Voxity signatures", () => {
  it("each agent's secret verifies its own deliveries only, as a header HMAC or in the URL", () => {
    vi.stubEnv(VOXITY_SECRET_ENV, "server-secret");
    const secretA = voxityAccountSecret("agent-a", "server-secret");
    expect(secretA).not.toBe(voxityAccountSecret("agent-b", "server-secret"));
    expect(verify({ [VOXITY_SIGNATURE_HEADER]: voxitySignature(body, secretA) })).toEqual({ deliveryId: null });
    expect(verify({}, secretA)).toEqual({ deliveryId: null });
    expect(() => verify({}, voxityAccountSecret("agent-b", "server-secret"))).toThrow(/not this agent's/);
    expect(() => verify({ [VOXITY_SIGNATURE_HEADER]: voxitySignature(`${body} `, secretA) })).toThrow(/does not match/);
    expect(() => verify({})).toThrow(/unsigned/);
  });
});
