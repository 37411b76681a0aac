import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { type AccountFingerprint, accountFingerprint } from "@/lib/testing/fuzz/account-fingerprint";
import { describeRouteReport, fuzzRoutes } from "@/lib/testing/fuzz/run-route-fuzz";
import { ROUTE_TARGETS } from "@/lib/testing/fuzz/route-targets";
import { buildFuzzWorld, type FuzzWorld } from "@/lib/testing/fuzz/route-world";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { applyLabel } from "@/lib/testing/label-api";
import { sendReply } from "@/lib/testing/replies-api";
import { addNote, assign } from "@/lib/testing/team-api";

// Issue #25: mutated requests to every authenticated write route (replies, team actions, labels,
// saved views, drafts, tokens, bulk actions; and the list reads, for their query strings), as
// A's owner mostly, and as A's member, A's tokens, nobody and another site. Whatever comes, the
// answer is never a 5xx, nothing of account B changes, and the server still does genuine work.
// In-process (the handlers Next calls), so 10,000 cases take seconds, not minutes.

const RUNS = Number(process.env.ROUTE_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.ROUTE_FUZZ_SEED ?? 20261206);

highLevelApiStubForFile();
let world: FuzzWorld;
let before: AccountFingerprint;

beforeAll(async () => {
  await resetDatabase();
  world = await buildFuzzWorld();
  before = await accountFingerprint(world.accountB);
});

describe(`write-route fuzz: ${RUNS} mutated requests`, () => {
  it("never answers a 5xx nor throws", { timeout: 300_000 }, async () => {
    // Eight at a time: on PostgreSQL one case's queries overlap another's work (on PGlite, one
    // connection, it changes nothing); most of a case's cost is its session's lookup.
    const report = await fuzzRoutes(world, { runs: RUNS, seed: SEED, concurrency: 8 });
    console.info(describeRouteReport(report));
    expect(report.sent).toBe(RUNS);
    expect(report.serverErrors).toEqual([]);
    // The cases reach past the door: genuine ones succeed, the rest are refused for a reason.
    for (const target of ROUTE_TARGETS)
      expect(Object.keys(report.byRoute[target.name] ?? {}), target.name).not.toEqual([]);
    for (const status of ["200", "201", "400", "401", "403", "404", "409"])
      expect(report.byStatus[status], status).toBeGreaterThan(0);
  });

  it("changed nothing of the other account", async () => {
    expect(await accountFingerprint(world.accountB)).toEqual(before);
  });

  it("still does genuine work afterwards", async () => {
    const conversationId = world.own.conversation[0]!;
    const owner = world.actors.ownerA;
    expect((await assign(conversationId, world.memberAId, owner)).status).toBe(200);
    expect((await addNote(conversationId, { text: "after the fuzz" }, owner)).status).toBe(201);
    const sent = await sendReply(conversationId, owner, {
      clientKey: "after-the-fuzz",
      channel: "sms",
      text: "Still here",
    });
    expect(sent.status).toBe(201);
    const label = world.own.label.at(-1)!;
    expect([200, 404]).toContain((await applyLabel(conversationId, label, owner)).status);
  });
});
