import { isSubscribed, subscribeToConversationChanges, type ConversationChanges } from "./bus";

// Every open /api/live stream of this process, served together: the bus's changes are heard once
// per process (not once per stream), everything that arrives in one turn of the event loop goes
// to a stream as one chunk, one timer beats the heart of all streams, and the viewer's access is
// rechecked once per credential (a person's tabs share one lookup), not once per stream.
// Each chunk costs Next.js a trip through its web-stream piping, and each recheck a database
// lookup: with 500 streams, per-stream work per event was the cost of live updates.

export const HEARTBEAT_MS = 15_000;
const HEARTBEAT = ": heartbeat\n\n";
const encoder = new TextEncoder();

export interface LiveStreamHandle {
  /** Sends already-encoded bytes at once (the greeting). */
  write(bytes: Uint8Array): boolean;
  /** Closes the stream (the hub calls it when the viewer lost access). */
  end(): void;
}

/** Whether a viewer may read an account's changes. */
export type AccountFilter = (accountId: string) => boolean;

export interface LiveStreamViewer {
  /** Streams with the same credential (token, session cookie) share one recheck. */
  credential: string;
  /** What the viewer could read when the stream opened: it never gains accounts while open. */
  mayRead: AccountFilter;
  /** What the viewer may read now (the route asks the database, cached briefly), or null once signed out or revoked. */
  recheck: () => Promise<AccountFilter | null>;
}

interface Member {
  stream: LiveStreamHandle;
  mayRead: AccountFilter;
  group: Group;
  /** Changes (and heartbeats: no account) queued for the next flush, in arrival order. */
  queued: Array<{ accountId?: string; sse: Uint8Array | string }>;
}

interface Group {
  key: string;
  members: Set<Member>;
  recheck: () => Promise<AccountFilter | null>;
}

interface Hub {
  groups: Map<string, Group>;
  members: Set<Member>;
  unsubscribe: (() => void) | null;
  heartbeat: NodeJS.Timeout | null;
  flushScheduled: boolean;
  flushing: Promise<void> | null;
}

const globalForHub = globalThis as unknown as { threadlineLiveHub?: Hub };
const hub = (): Hub =>
  (globalForHub.threadlineLiveHub ??= {
    groups: new Map(),
    members: new Set(),
    unsubscribe: null,
    heartbeat: null,
    flushScheduled: false,
    flushing: null,
  });

function onChanges({ accountId, sse }: ConversationChanges): void {
  const state = hub();
  for (const member of state.members) if (member.mayRead(accountId)) member.queued.push({ accountId, sse });
  scheduleFlush();
}

function beat(): void {
  const state = hub();
  for (const member of state.members) member.queued.push({ sse: HEARTBEAT });
  scheduleFlush();
}

// The bus emits one batch per account in one synchronous loop: waiting for setImmediate
// collects them all into one chunk per stream.
function scheduleFlush(): void {
  const state = hub();
  if (state.flushScheduled) return;
  state.flushScheduled = true;
  setImmediate(() => {
    state.flushScheduled = false;
    // One flush at a time keeps each stream's chunks in arrival order.
    const previous = state.flushing ?? Promise.resolve();
    const current = previous.then(flush).catch(() => undefined);
    state.flushing = current;
    void current.finally(() => {
      if (state.flushing === current) state.flushing = null;
    });
  });
}

function concat(parts: Array<Uint8Array | string>): Uint8Array {
  if (parts.length === 1 && typeof parts[0] !== "string") return parts[0]!;
  const bytes = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  const out = new Uint8Array(bytes.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of bytes) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

async function flush(): Promise<void> {
  const state = hub();
  await Promise.all(
    [...state.groups.values()].map(async (group) => {
      const waiting = [...group.members].filter((member) => member.queued.length > 0);
      if (waiting.length === 0) return;
      // Checked before anything goes out: a revoked token or a sign-out ends the stream, a
      // removed membership stops that account's changes (cached briefly per credential).
      const now = await group.recheck();
      for (const member of waiting) {
        const queued = member.queued;
        member.queued = [];
        if (!group.members.has(member)) continue;
        if (!now) {
          member.stream.end();
          continue;
        }
        const allowed = queued.filter((item) => item.accountId === undefined || now(item.accountId));
        if (allowed.length > 0) member.stream.write(concat(allowed.map((item) => item.sse)));
      }
    }),
  );
}

/** Adds a stream to the hub; the returned function removes it (on close, abort or recycle). */
export function joinLiveStreams(viewer: LiveStreamViewer, stream: LiveStreamHandle): () => void {
  const state = hub();
  const key = viewer.credential;
  let group = state.groups.get(key);
  if (!group) {
    group = { key, members: new Set(), recheck: viewer.recheck };
    state.groups.set(key, group);
  }
  const member: Member = { stream, mayRead: viewer.mayRead, group, queued: [] };
  group.members.add(member);
  state.members.add(member);
  // Resubscribes after resetLiveBus (tests) dropped the hub's listener.
  if (!state.unsubscribe || !isSubscribed(onChanges)) {
    state.unsubscribe?.();
    state.unsubscribe = subscribeToConversationChanges(onChanges);
  }
  if (!state.heartbeat) {
    state.heartbeat = setInterval(beat, HEARTBEAT_MS);
    state.heartbeat.unref();
  }
  return () => {
    if (!state.members.delete(member)) return;
    member.queued = [];
    group.members.delete(member);
    if (group.members.size === 0 && state.groups.get(key) === group) state.groups.delete(key);
    if (state.members.size === 0) {
      state.unsubscribe?.();
      state.unsubscribe = null;
      if (state.heartbeat) clearInterval(state.heartbeat);
      state.heartbeat = null;
    }
  };
}
