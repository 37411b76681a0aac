import type { FullConfig } from "@playwright/test";
import { FIXTURE_CONTACTS, extraEvents, fixtures } from "./data";

async function post(baseUrl: string, provider: string, payload: unknown) {
  const response = await fetch(`${baseUrl}/api/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as { status?: string; error?: string };
  if (response.status !== 200 || !["processed", "duplicate"].includes(body.status ?? "")) {
    throw new Error(`seeding ${provider} failed: ${response.status} ${JSON.stringify(body)}`);
  }
}

/** Fills the fresh database through the real webhook endpoints, as providers would. */
export default async function globalSetup(config: FullConfig) {
  const baseUrl = config.projects[0]!.use.baseURL!;
  for (const { provider, payload } of fixtures()) await post(baseUrl, provider, payload);
  for (const contact of FIXTURE_CONTACTS) await post(baseUrl, "leadconnector", { type: "ContactCreate", ...contact });
  for (const event of extraEvents(baseUrl)) await post(baseUrl, "leadconnector", event);
}
