import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as voxityWithSecret } from "@/app/api/webhooks/voxity/[secret]/route";
import { getPrisma } from "@/lib/db";
import { VOXITY_SECRET_ENV, voxityAccountSecret, voxitySignature } from "@/lib/providers/voxity/signature";
import { resetDatabase } from "@/lib/testing/database";
import { loadFixture, postRaw, settleResponse } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);
afterEach(() => vi.unstubAllEnvs());

const fixture = loadFixture<{ agentId: string; id: string }>("voxity-sms-message-added");
const body = JSON.stringify(fixture);
const serverSecret = () => process.env[VOXITY_SECRET_ENV]!;
const agentSecret = (agentId = fixture.agentId) => voxityAccountSecret(agentId, serverSecret());

async function postWithPathSecret(secret: string, payload = body) {
  const request = new Request(`http://localhost/api/webhooks/voxity/${encodeURIComponent(secret)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: payload,
  });
  const response = await voxityWithSecret(request, { params: Promise.resolve({ secret }) });
  return settleResponse(response);
}

const storedEvents = async () => (await getPrisma()).webhookEvent.count();

describe("Voxity per-account secrets", () => {
  it("accepts a body signed with the agent's secret (x-voxity-signature)", async () => {
    const result = await postRaw("voxity", body, { "x-voxity-signature": voxitySignature(body, agentSecret()) });
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed", messagesStored: 5 });
  });

  it("accepts the agent's secret in the URL path", async () => {
    const result = await postWithPathSecret(agentSecret());
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed" });
  });

  it("gives every agent its own secret: another agent's does not open this one", async () => {
    expect(agentSecret("agent-a")).not.toBe(agentSecret("agent-b"));
    expect((await postWithPathSecret(agentSecret("some-other-agent"))).status).toBe(401);
    const signedByOther = await postRaw("voxity", body, {
      "x-voxity-signature": voxitySignature(body, agentSecret("some-other-agent")),
    });
    expect(signedByOther.status).toBe(401);
    expect(await storedEvents()).toBe(0);
  });

  it("rejects a tampered body, a missing signature and a wrong path secret with 401", async () => {
    const tampered = body.replace(fixture.id, "forged-event");
    const results = [
      await postRaw("voxity", tampered, { "x-voxity-signature": voxitySignature(body, agentSecret()) }),
      await postRaw("voxity", body),
      await postWithPathSecret("guess"),
    ];
    expect(results.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(results[1]!.json.error).toMatch(/unsigned/);
    expect(await storedEvents()).toBe(0);
  });

  it("a payload without agentId has no secret to check against: 401", async () => {
    const anonymous = JSON.stringify({ ...fixture, agentId: undefined });
    const result = await postRaw("voxity", anonymous, {
      "x-voxity-signature": voxitySignature(anonymous, agentSecret()),
    });
    expect(result.status).toBe(401);
  });

  it("in production without VOXITY_WEBHOOK_SECRET refuses with 503; in development accepts", async () => {
    vi.stubEnv(VOXITY_SECRET_ENV, "");
    vi.stubEnv("NODE_ENV", "production");
    const refused = await postRaw("voxity", body);
    expect(refused.status).toBe(503);
    expect(String(refused.json.error)).toMatch(/VOXITY_WEBHOOK_SECRET/);
    expect(await storedEvents()).toBe(0);
    vi.stubEnv("NODE_ENV", "development");
    expect((await postRaw("voxity", body)).status).toBe(200);
  });
});
