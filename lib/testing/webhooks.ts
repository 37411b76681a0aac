import { POST as highLevelPost } from "@/app/api/webhooks/highlevel/route";
import { POST as voxityPost } from "@/app/api/webhooks/voxity/route";
import { getPrisma } from "@/lib/db";
import { drainEvents } from "@/lib/ingest/worker";
import { signatureHeaders } from "@/lib/providers/sign";
import { fixtureNames, loadFixture } from "./fixtures";
import { testSigningKeys } from "./signing";

// Drives the real route handlers, as Next would, with real Request objects.

export { FIXTURES_DIR, fixtureNames, loadFixture } from "./fixtures";

export type Provider = "highlevel" | "voxity";

export function providerOfFixture(name: string): Provider {
  return name.startsWith("voxity") ? "voxity" : "highlevel";
}

const handlers = { highlevel: highLevelPost, voxity: voxityPost };

/** What became of a delivery once the worker had it: the event's status, or "duplicate". */
export interface DeliveryOutcome {
  status: string;
  eventId?: string;
  error?: string | null;
  messagesStored?: number;
}

async function outcomeOf(answer: Record<string, unknown>): Promise<DeliveryOutcome | null> {
  const eventId = typeof answer.eventId === "string" ? answer.eventId : undefined;
  if (!eventId) return null;
  if (answer.status === "duplicate") return { status: "duplicate", eventId };
  const prisma = await getPrisma();
  const read = () =>
    prisma.webhookEvent.findUniqueOrThrow({
      where: { id: eventId },
      select: { status: true, error: true, availableAt: true },
    });
  let event = await read();
  // Concurrent posts drain concurrently: another drain may hold this event (then only wait for it:
  // polling the embedded database's one connection from every poster starved that drain), or be
  // claiming it right now (its row locked, so this drain skipped it: drain again).
  const claimable = () => event.status === "received" && event.availableAt.getTime() <= Date.now();
  for (let waited = 0; (event.status === "processing" || claimable()) && waited < 20_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (claimable()) await drainEvents();
    event = await read();
  }
  const messagesStored = await prisma.message.count({ where: { webhookEventId: eventId } });
  return { status: event.status, eventId, error: event.error, messagesStored };
}

/**
 * Posts to the real route handler, then lets a worker process what it stored (as the app's
 * in-process worker would) and reports the outcome beside the HTTP answer.
 */
export async function postRaw(provider: Provider, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  const response = await handlers[provider](request, undefined as never);
  return settleResponse(response);
}

/** The HTTP answer of a webhook route, and (for a 200) what the worker then made of it. */
export async function settleResponse(response: Response) {
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) return { status: response.status, headers: response.headers, json, outcome: null };
  await drainEvents();
  return { status: response.status, headers: response.headers, json, outcome: await outcomeOf(json) };
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
