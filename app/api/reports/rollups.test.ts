import { beforeAll, describe, expect, it } from "vitest";
import { scriptScopeOfAccounts, scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { ROLLUP_TABLES, rebuildReportRollups } from "@/lib/reports/rollups";
import { accountIdOf } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { fetchReport } from "@/lib/testing/reports-api";
import { postWebhook } from "@/lib/testing/webhooks";

// The rollups the reports read (kept by triggers on messages) stay right whatever order the
// messages arrive in and however often they are redelivered, and a rebuild from the messages
// gives what live upkeep gave. Two accounts get the same conversations: "in-order" in time
// order, once; "shuffled" newest first, every message delivered twice.

const RANGE = "from=2025-03-03&to=2025-03-04&tz=Asia/Kolkata";

type Fields = Record<string, unknown>;
const inbound: Fields = { type: "InboundMessage", direction: "inbound", messageType: "SMS" };
const reply = (userId: string): Fields => ({
  type: "OutboundMessage",
  direction: "outbound",
  userId,
  userName: userId,
});
const call = (direction: string, callStatus: string): Fields => ({
  direction,
  messageType: "CALL",
  callStatus,
  body: null,
});

// [conversation, time (UTC), fields]. India is UTC+5:30: 18:40Z on the 3rd is 00:10 on the 4th.
const MESSAGES: Array<[string, string, Fields]> = [
  ["P", "2025-03-03T04:00:00Z", inbound],
  ["P", "2025-03-03T04:20:00Z", inbound],
  ["P", "2025-03-03T05:00:00Z", reply("u-ann")], // P's wait: 3600 s, Ann
  ["P", "2025-03-03T18:40:00Z", inbound], // the 4th in Kolkata
  ["P", "2025-03-03T19:00:00Z", reply("u-bo")], // 1200 s, Bo
  ["Q", "2025-03-03T06:00:00Z", call("inbound", "no-answer")],
  ["Q", "2025-03-03T06:30:00Z", call("inbound", "busy")], // a wait is running: no new one
  ["Q", "2025-03-03T09:00:00Z", { ...call("outbound", "completed"), userId: "u-ann" }], // returned after 3 h
];

async function deliver(account: string, id: string, [conversation, at, fields]: [string, string, Fields]) {
  const payload = highLevelMessage({
    locationId: account,
    conversationId: `${account}-${conversation}`,
    contactId: `${account}-contact-${conversation}`,
    messageId: `${account}-${id}`,
    dateAdded: at,
    ...fields,
  });
  expect((await postWebhook("highlevel", payload)).status).toBe(200);
}

async function reportsOf(locationId: string) {
  const account = await accountIdOf("highlevel", locationId);
  const query = `${RANGE}&account=${account}`;
  const [volume, firstResponse, calls, heatmap, agents] = await Promise.all([
    fetchReport("volume", query),
    fetchReport("first-response", query),
    fetchReport("calls", query),
    fetchReport("heatmap", query),
    fetchReport("agents", query),
  ]);
  return {
    volume: volume.body,
    firstResponse: firstResponse.body,
    calls: calls.body,
    heatmap: heatmap.body,
    agents: agents.body,
  };
}

/** Every rollup row that counts something (counts brought back to 0 stay as rows), in a stable order. */
async function rollupRows(): Promise<unknown[]> {
  const prisma = await getPrisma();
  const rows = await Promise.all(
    ROLLUP_TABLES.map((table) => prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM ${table} r ORDER BY r::text`)),
  );
  return rows.map((table) => table.filter((row) => (row as { messages?: number }).messages !== 0));
}

beforeAll(async () => {
  await resetDatabase();
  for (const [index, message] of MESSAGES.entries()) await deliver("in-order", `m${index}`, message);
  const shuffled = [...MESSAGES.entries()].reverse();
  for (const [index, message] of [...shuffled, ...shuffled]) await deliver("shuffled", `m${index}`, message);
});

describe("report rollups", () => {
  it("give the hand-computed figures when messages arrive in order", async () => {
    const { volume, firstResponse, calls, heatmap, agents } = await reportsOf("in-order");
    expect(volume.days.map((d) => [d.day, d.inbound, d.outbound, d.conversationsStarted])).toEqual([
      ["2025-03-03", { sms: 2, call: 2 }, { sms: 1, call: 1 }, 2],
      ["2025-03-04", { sms: 1 }, { sms: 1 }, 0],
    ]);
    expect(firstResponse.overall).toEqual({ waits: 2, answered: 2, median: 2400, p90: 3360 });
    expect(calls.callbacks).toEqual({ waits: 1, returned: 1, neverReturned: 0, median: 10800, p90: 10800 });
    // Monday the 3rd, 09:30 and 09:50 in Kolkata (two SMS), 11:30 and 12:00 (the calls); Tuesday 00:10.
    expect(heatmap.cells[0]?.[9]).toBe(2);
    expect(heatmap.cells[0]?.[11]).toBe(1);
    expect(heatmap.cells[0]?.[12]).toBe(1);
    expect(heatmap.cells[1]?.[0]).toBe(1);
    expect(agents.agents.map((a) => [a.agentId, a.messagesSent, a.callsMade, a.callsAnswered])).toEqual([
      ["u-ann", 1, 1, 1],
      ["u-bo", 1, 0, 0],
    ]);
  });

  it("give the same figures when the messages arrive newest first and every one twice", async () => {
    expect(await reportsOf("shuffled")).toEqual(await reportsOf("in-order"));
  });

  it("are rebuilt from the messages to what live upkeep kept, and the reports read them", async () => {
    const live = await rollupRows();
    const before = await reportsOf("shuffled");
    const prisma = await getPrisma();
    await prisma.$executeRawUnsafe(`TRUNCATE ${ROLLUP_TABLES.join(", ")}`);
    // Without rollups the reports see nothing: they read no messages.
    const { volume: emptyVolume } = await reportsOf("shuffled");
    expect(emptyVolume.channels).toEqual([]);
    await rebuildReportRollups(prisma, scriptScopeOfAccounts([await accountIdOf("highlevel", "shuffled")]));
    await rebuildReportRollups(prisma, scriptScopeOfAccounts([await accountIdOf("highlevel", "in-order")]));
    expect(await reportsOf("shuffled")).toEqual(before);
    await rebuildReportRollups(prisma, scriptScopeOfEveryAccount()); // twice, and for every account: idempotent
    expect(await rollupRows()).toEqual(live);
  });
});
