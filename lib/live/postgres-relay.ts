import { randomUUID } from "node:crypto";
import pg from "pg";
import { logger } from "@/lib/logger";

// Several app instances on one PostgreSQL: each publishes its changes with NOTIFY and LISTENs
// for the others'. A payload names its instance so nobody hears its own change twice. On the
// embedded database there is only ever one process, so none of this runs.

export const CHANNEL = "threadline_changes";
// On globalThis like the rest of the relay's state: Next bundles the worker (instrumentation) and
// the /api/live route separately, and with a module constant each bundle had its own id, so an
// instance heard its own NOTIFY as another's and every stream got each nudge twice.
export const INSTANCE = ((globalThis as unknown as { threadlineRelayInstance?: string }).threadlineRelayInstance ??=
  randomUUID());
// NOTIFY payloads must stay under 8000 bytes: 100 ids of 36 characters is well within.
const IDS_PER_NOTIFY = 100;

/** What a nudge is about: conversations changed, or who has one open changed (presence). */
export type ChangeKind = "conversations" | "presence";
type Deliver = (accountId: string, conversationIds: string[], kind: ChangeKind) => void;
interface RelayState {
  listener?: pg.Client;
  publisher?: pg.Pool;
  deliver?: Deliver;
  starting?: boolean;
}
const state = ((globalThis as unknown as { threadlineRelay?: RelayState }).threadlineRelay ??= {});
(globalThis as unknown as { threadlineRelay?: RelayState }).threadlineRelay = state;

export function encodeChange(
  instance: string,
  accountId: string,
  conversationIds: readonly string[],
  kind: ChangeKind = "conversations",
): string {
  return `${instance}|${accountId}|${conversationIds.join(",")}${kind === "presence" ? "|presence" : ""}`;
}

export function decodeChange(payload: string): {
  instance: string;
  accountId: string;
  conversationIds: string[];
  kind: ChangeKind;
} {
  const [instance = "", accountId = "", ids = "", kind] = payload.split("|");
  return {
    instance,
    accountId,
    conversationIds: ids.split(",").filter(Boolean),
    kind: kind === "presence" ? "presence" : "conversations",
  };
}

export function relayToOtherInstances(
  accountId: string,
  conversationIds: readonly string[],
  kind: ChangeKind = "conversations",
): void {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  if (!state.publisher) {
    state.publisher = new pg.Pool({ connectionString: url, max: 1 });
    // An idle connection the database drops must not become an uncaught exception.
    state.publisher.on("error", (error) =>
      logger.warn("live relay: publisher connection lost", { error: error.message }),
    );
  }
  for (let i = 0; i < conversationIds.length; i += IDS_PER_NOTIFY) {
    const payload = encodeChange(INSTANCE, accountId, conversationIds.slice(i, i + IDS_PER_NOTIFY), kind);
    state.publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]).catch((error: Error) => {
      logger.warn("live relay: notify failed", { error: error.message });
    });
  }
}

/** Starts listening once per process; reconnects after a lost connection. */
export function startRelay(deliver: Deliver): void {
  const url = process.env.DATABASE_URL;
  state.deliver = deliver;
  if (!url || state.listener || state.starting) return;
  state.starting = true;
  const client = new pg.Client({ connectionString: url });
  const retry = () => {
    if (state.listener === client) state.listener = undefined;
    client.end().catch(() => undefined);
    setTimeout(() => state.deliver && startRelay(state.deliver), 2_000).unref();
  };
  client.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const change = decodeChange(message.payload);
    if (change.instance !== INSTANCE) state.deliver?.(change.accountId, change.conversationIds, change.kind);
  });
  client.on("error", retry);
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      state.listener = client;
    })
    .catch((error: Error) => {
      logger.warn("live relay: listen failed, retrying", { error: error.message });
      retry();
    })
    .finally(() => {
      state.starting = false;
    });
}

export async function stopRelay(): Promise<void> {
  const { listener, publisher } = state;
  state.listener = undefined;
  state.publisher = undefined;
  await Promise.allSettled([listener?.end(), publisher?.end()]);
}
