import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  COALESCE_MS,
  RESYNC_ABOVE,
  publishConversationChanges,
  subscribeToConversationChanges,
  type ConversationChanges,
} from "./bus";
import { CHANNEL, decodeChange, encodeChange, stopRelay } from "./postgres-relay";

afterAll(stopRelay);

function collect() {
  const seen: string[] = [];
  const batches: ConversationChanges[] = [];
  const unsubscribe = subscribeToConversationChanges((changes) => {
    batches.push(changes);
    seen.push(...changes.conversationIds);
  });
  return { seen, batches, unsubscribe };
}

describe("live bus", () => {
  it("delivers this instance's changes to its subscribers once", async () => {
    const { seen, unsubscribe } = collect();
    await new Promise((resolve) => setTimeout(resolve, 300)); // relay (PostgreSQL only) is listening
    publishConversationChanges("acct-1", ["conv-a", "conv-b"]);
    await new Promise((resolve) => setTimeout(resolve, COALESCE_MS + 300)); // our own NOTIFY must not echo back
    unsubscribe();
    expect(seen).toEqual(["conv-a", "conv-b"]);
  });

  it("coalesces a burst per account into one batch, serialised once for every stream", async () => {
    const first = collect();
    const second = collect();
    for (let i = 0; i < 200; i++) publishConversationChanges("acct-burst", [`conv-${i % 5}`]);
    publishConversationChanges("acct-other", ["conv-x"]);
    await new Promise((resolve) => setTimeout(resolve, COALESCE_MS + 200));
    first.unsubscribe();
    second.unsubscribe();
    expect(first.batches.map((b) => [b.accountId, b.conversationIds])).toEqual([
      ["acct-burst", ["conv-0", "conv-1", "conv-2", "conv-3", "conv-4"]],
      ["acct-other", ["conv-x"]],
    ]);
    // The same encoded bytes go to both streams.
    expect(second.batches[0]!.sse).toBe(first.batches[0]!.sse);
    expect(new TextDecoder().decode(first.batches[0]!.sse)).toBe(
      `event: conversations\ndata: ${JSON.stringify({ conversationIds: ["conv-0", "conv-1", "conv-2", "conv-3", "conv-4"] })}\n\n`,
    );
  });

  it("a burst touching more conversations than RESYNC_ABOVE becomes one resync event", async () => {
    const { batches, unsubscribe } = collect();
    for (let i = 0; i <= RESYNC_ABOVE; i++) publishConversationChanges("acct-flood", [`conv-${i}`]);
    await new Promise((resolve) => setTimeout(resolve, COALESCE_MS + 200));
    unsubscribe();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.conversationIds).toHaveLength(RESYNC_ABOVE + 1);
    expect(new TextDecoder().decode(batches[0]!.sse)).toBe("event: resync\ndata: {}\n\n");
  });

  it("one instance id per process, however many bundles load the relay (else an instance hears itself)", async () => {
    vi.resetModules();
    const first = await import("./postgres-relay");
    vi.resetModules();
    const second = await import("./postgres-relay");
    expect(first).not.toBe(second);
    expect(second.INSTANCE).toBe(first.INSTANCE);
  });

  it("encodes the publishing instance beside the ids", () => {
    expect(decodeChange(encodeChange("inst-1", "acct-1", ["x", "y"]))).toEqual({
      instance: "inst-1",
      accountId: "acct-1",
      conversationIds: ["x", "y"],
      kind: "conversations",
    });
    expect(decodeChange(encodeChange("inst-1", "acct-1", ["x"], "presence"))).toMatchObject({ kind: "presence" });
  });

  // Another app instance is another process on the same PostgreSQL: here, a separate connection.
  describe.runIf(Boolean(process.env.DATABASE_URL))("across instances on PostgreSQL", () => {
    it("a change another instance publishes reaches this instance's subscribers", async () => {
      const { seen, unsubscribe } = collect();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      await other.query("SELECT pg_notify($1, $2)", [
        CHANNEL,
        encodeChange("another-instance", "acct-1", ["conv-remote"]),
      ]);
      await other.end();
      await expect.poll(() => seen, { timeout: 3_000 }).toEqual(["conv-remote"]);
      unsubscribe();
    });
  });
});
