import { mkdirSync } from "node:fs";
import path from "node:path";
import { request, type FullConfig } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STORAGE_STATE, postSignedWebhook } from "./auth";
import { FIXTURE_CONTACTS, extraEvents, fixtures } from "./data";

async function post(baseUrl: string, provider: "highlevel" | "voxity", payload: Record<string, unknown>) {
  const { status, answer } = await postSignedWebhook(baseUrl, provider, payload);
  if (status !== 200 || !["received", "duplicate"].includes(answer))
    throw new Error(`seeding ${provider} failed: ${status} ${answer}`);
}

/** Fills the fresh database through the real (signed) webhook endpoints, then signs the administrator in once. */
export default async function globalSetup(config: FullConfig) {
  const baseUrl = config.projects[0]!.use.baseURL!;
  for (const { provider, payload } of fixtures()) await post(baseUrl, provider, payload);
  for (const contact of FIXTURE_CONTACTS) await post(baseUrl, "highlevel", { type: "ContactCreate", ...contact });
  for (const event of extraEvents()) await post(baseUrl, "highlevel", event);

  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl } });
  const signIn = await api.post("/api/auth/sign-in/email", { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  if (!signIn.ok()) throw new Error(`administrator sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  // Deliveries are answered once stored; wait for the worker to have applied every one.
  for (let waited = 0; ; waited += 100) {
    const { backlog } = (await (await api.get("/api/events/summary")).json()) as { backlog: number };
    if (backlog === 0) break;
    if (waited > 30_000) throw new Error(`the worker left ${backlog} events unprocessed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  mkdirSync(path.dirname(ADMIN_STORAGE_STATE), { recursive: true });
  await api.storageState({ path: ADMIN_STORAGE_STATE });
  await api.dispose();
}
