import { describe, expect, it } from "vitest";
import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { countConversations } from "@/lib/inbox/conversation-counts";
import { listConversations } from "@/lib/inbox/conversations";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import { markDemoConversationsDone } from "./demo-done";
import { generateDemoEvents } from "./generate";
import { triageScenarioEvents } from "./triage-scenarios";
import { HighLevelWriter } from "./generate";
import { Random } from "./random";

// The demo gives every triage view something: ingested through the real webhook route and worker.
describe("demo triage scenarios", () => {
  it("fill Needs reply, Callbacks (one texted back, a voicemail to play, Lena's urgent Voice AI call) and Done; a thanks closes one", async () => {
    await resetDatabase();
    const now = Date.now();
    for (const { provider, payload } of triageScenarioEvents(new HighLevelWriter(new Random(1), "loc-demo-miami"), now))
      await postWebhook(provider, payload);
    expect(await markDemoConversationsDone()).toBe(3);

    const db = await getPrisma();
    const scope = scriptScopeOfEveryAccount();
    expect(await countConversations(db, scope, null)).toMatchObject({ all: 10, needsReply: 3, callbacks: 4, done: 3 });
    const callbacks = await listConversations(
      db,
      scope,
      conversationListQuerySchema.parse({ view: "callbacks" }),
      null,
    );
    const byName = new Map(callbacks.conversations.map((c) => [c.customer?.name, c.callback]));
    expect(byName.get("Victor Shaw")).toMatchObject({ textedBack: true });
    expect(byName.get("Marcus Reed")?.recording?.kind).toBe("voicemail");
    expect(byName.get("Nora Quinn")).toMatchObject({ textedBack: false, recording: null });
    // Lena's Voice AI call was urgent and promised a callback within the hour: overdue by now.
    expect(byName.get("Lena Brooks")).toMatchObject({ urgent: true });
    expect(Date.parse(byName.get("Lena Brooks")!.dueAt)).toBe(now - 15 * 60_000);
    const all = await listConversations(db, scope, conversationListQuerySchema.parse({ state: "open" }), null);
    const hannah = all.conversations.find((c) => c.customer?.name === "Hannah Cole");
    expect(hannah).toMatchObject({ closedByCustomer: true, awaitingReplySince: null });
    expect(all.conversations.filter((c) => c.done)).toEqual([]);
  });

  it("are part of the generated demo", () => {
    const ids = generateDemoEvents(Date.UTC(2026, 0, 15)).map(
      (e) => (e.payload as { conversationId?: string }).conversationId,
    );
    expect(ids).toContain("conv-triage-done-1");
    expect(ids).toContain("conv-triage-voicemail");
  });
});
