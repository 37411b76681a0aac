import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { POST as leadConnectorPost } from "@/app/api/webhooks/leadconnector/route";
import { POST as voxityPost } from "@/app/api/webhooks/voxity/route";
import { signatureHeaders } from "@/lib/webhooks/sign";
import { testSigningKeys } from "./signing";

// Drives the real route handlers, as Next would, with real Request objects.

export const FIXTURES_DIR = path.resolve(process.cwd(), "..", "shared", "fixtures", "webhooks");

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith(".json")).sort();
}

export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name.endsWith(".json") ? name : `${name}.json`), "utf8")) as T;
}

export type Provider = "leadconnector" | "voxity";

export function providerOfFixture(name: string): Provider {
  return name.startsWith("voxity") ? "voxity" : "leadconnector";
}

const handlers = { leadconnector: leadConnectorPost, voxity: voxityPost };

export async function postRaw(provider: Provider, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  const response = await handlers[provider](request, undefined as never);
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

/** Posts as the provider would: signed with the test keys the server trusts. */
export function postWebhook(provider: Provider, payload: unknown) {
  const body = JSON.stringify(payload);
  return postRaw(provider, body, signatureHeaders(provider, body, testSigningKeys()));
}

export async function postAllFixtures() {
  for (const name of fixtureNames()) {
    const result = await postWebhook(providerOfFixture(name), loadFixture(name));
    if (result.status !== 200) throw new Error(`${name}: ${result.status} ${JSON.stringify(result.json)}`);
  }
}
