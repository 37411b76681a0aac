import { beforeAll, describe, expect, it } from "vitest";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { listConversations } from "@/lib/testing/read-api";
import { fetchReport } from "@/lib/testing/reports-api";
import { postWebhook } from "@/lib/testing/webhooks";

// The reports on a hand-built week, every expected figure worked out by hand below. Times are
// UTC; the viewer is in New York (EST, UTC-5 in January), so 03:00Z on the 11th is 22:00 on the 10th.

const NY = "from=2025-01-10&to=2025-01-11&tz=America/New_York";
const UTC = "from=2025-01-10&to=2025-01-11&tz=UTC";

const inbound = { type: "InboundMessage", direction: "inbound" };
const outbound = (userId: string, userName: string) => ({
  type: "OutboundMessage",
  direction: "outbound",
  userId,
  userName,
});
const dana = outbound("u-dana", "Dana");
const eli = outbound("u-eli", "Eli");
const call = (callStatus: string) => ({ messageType: "CALL", callStatus, body: null });

async function deliver(
  conversationId: string,
  dateAdded: string,
  fields: Record<string, unknown>,
  locationId = "loc-test-1",
) {
  const { status } = await postWebhook(
    "highlevel",
    highLevelMessage({ conversationId, contactId: `contact-${conversationId}`, locationId, dateAdded, ...fields }),
  );
  expect(status).toBe(200);
}

beforeAll(async () => {
  await resetDatabase();
  // A: first response across channels. SMS 14:00 and 14:10 are one wait, answered by Dana's
  // email at 14:30 (1800 s); SMS 16:00 is answered by Eli's answered call at 17:00 (3600 s).
  await deliver("A", "2025-01-10T14:00:00Z", { ...inbound, messageType: "SMS" });
  await deliver("A", "2025-01-10T14:10:00Z", { ...inbound, messageType: "SMS" });
  await deliver("A", "2025-01-10T14:30:00Z", { ...dana, messageType: "Email", subject: "Re: booking" });
  await deliver("A", "2025-01-10T16:00:00Z", { ...inbound, messageType: "SMS" });
  await deliver("A", "2025-01-10T17:00:00Z", { ...eli, ...call("completed") });
  // B: a missed call returned 2 h later by Eli's outbound call (not answered: it still returns it).
  await deliver("B", "2025-01-10T15:00:00Z", { ...inbound, ...call("no-answer") });
  await deliver("B", "2025-01-10T17:00:00Z", { ...eli, ...call("no-answer") });
  // C: a voicemail never returned, 23:30 on the 10th in New York, the 11th in UTC.
  await deliver("C", "2025-01-11T04:30:00Z", { ...inbound, ...call("voicemail") });
  // D: an email at 22:00 on the 10th in New York (03:00Z on the 11th), answered by Dana's SMS 2 h later.
  await deliver("D", "2025-01-11T03:00:00Z", { ...inbound, messageType: "Email", subject: "Quote?" });
  await deliver("D", "2025-01-11T05:00:00Z", { ...dana, messageType: "SMS" });
  // E: 22:00 on the 9th in New York (before the range), the 10th in UTC; never answered.
  await deliver("E", "2025-01-10T03:00:00Z", { ...inbound, messageType: "SMS" });
  // Another account's customer, on the 10th everywhere.
  await deliver("F", "2025-01-10T18:00:00Z", { ...inbound, messageType: "SMS" }, "loc-test-2");
});

describe("first response", () => {
  it("runs from the first unanswered customer message to the next reply on any channel, by channel, agent and day", async () => {
    const { status, body } = await fetchReport(
      "first-response",
      `${NY}&account=${await accountIdOf("highlevel", "loc-test-1")}`,
    );
    expect(status).toBe(200);
    // Waits 1800, 3600, 7200: median 3600; p90 = 3600 + 0.8 × (7200 − 3600) = 6480.
    expect(body.overall).toEqual({ waits: 3, answered: 3, median: 3600, p90: 6480 });
    // SMS waits 1800, 3600: median 2700, p90 = 1800 + 0.9 × 1800 = 3420. The email wait: 7200.
    expect(body.byChannel).toEqual([
      { channel: "sms", waits: 2, answered: 2, median: 2700, p90: 3420 },
      { channel: "email", waits: 1, answered: 1, median: 7200, p90: 7200 },
    ]);
    // Dana 1800 and 7200: median 4500, p90 = 1800 + 0.9 × 5400 = 6660. Eli 3600.
    expect(body.byAgent).toEqual([
      { agentId: "u-dana", name: "Dana", answered: 2, median: 4500, p90: 6660 },
      { agentId: "u-eli", name: "Eli", answered: 1, median: 3600, p90: 3600 },
    ]);
    expect(body.days).toEqual([
      { day: "2025-01-10", waits: 3, answered: 3, median: 3600, p90: 6480 },
      { day: "2025-01-11", waits: 0, answered: 0, median: null, p90: null },
    ]);
  });

  it("counts days in the viewer's zone: in UTC, D's email falls on the 11th and E's unanswered SMS is in the range", async () => {
    const { body } = await fetchReport(
      "first-response",
      `${UTC}&account=${await accountIdOf("highlevel", "loc-test-1")}`,
    );
    expect(body.days.map((d) => [d.day, d.waits, d.answered])).toEqual([
      ["2025-01-10", 3, 2],
      ["2025-01-11", 1, 1],
    ]);
  });
});

describe("calls", () => {
  it("counts calls by outcome per day; a missed call returned after 2 h, a voicemail never returned", async () => {
    const { status, body } = await fetchReport("calls", NY);
    expect(status).toBe(200);
    const [tenth, eleventh] = body.days;
    expect(tenth?.inbound).toMatchObject({ no_answer: 1, voicemail: 1, answered: 0, busy: 0 });
    expect(tenth?.outbound).toMatchObject({ answered: 1, no_answer: 1 });
    expect(Object.values(eleventh?.inbound ?? {}).reduce((a, b) => a + b, 0)).toBe(0);
    expect(body.callbacks).toEqual({ waits: 2, returned: 1, neverReturned: 1, median: 7200, p90: 7200 });
    expect(tenth?.callbacks).toEqual(body.callbacks);
  });

  it("in UTC the voicemail is on the 11th", async () => {
    const { body } = await fetchReport("calls", UTC);
    expect(body.days.map((d) => [d.day, d.inbound.voicemail, d.callbacks.neverReturned])).toEqual([
      ["2025-01-10", 0, 0],
      ["2025-01-11", 1, 1],
    ]);
  });
});

describe("volume, heatmap, agents", () => {
  it("volume: messages per day by direction and channel, conversations started per day", async () => {
    const { body } = await fetchReport("volume", NY);
    // The 10th in New York: A (5), B (2), C's call that went to voicemail, D's email, F; the 11th: D's reply at 00:00.
    expect(body.days).toEqual([
      {
        day: "2025-01-10",
        inbound: { sms: 4, call: 2, email: 1 },
        outbound: { email: 1, call: 2 },
        conversationsStarted: 5,
      },
      { day: "2025-01-11", inbound: {}, outbound: { sms: 1 }, conversationsStarted: 0 },
    ]);
  });

  it("heatmap: inbound messages and calls by weekday and hour in the viewer's zone (Friday the 10th)", async () => {
    const { body } = await fetchReport("heatmap", `${NY}&account=${await accountIdOf("highlevel", "loc-test-1")}`);
    const friday = body.cells[4];
    expect(friday?.filter((_, hour) => [9, 10, 11, 22, 23].includes(hour))).toEqual([2, 1, 1, 1, 1]);
    expect(body.cells.flat().reduce((a, b) => a + b, 0)).toBe(6);
    expect(body.max).toBe(2);
  });

  it("agents: messages sent, calls made and answered, median first response", async () => {
    const { body } = await fetchReport("agents", NY);
    expect(body.agents).toEqual([
      {
        agentId: "u-dana",
        name: "Dana",
        messagesSent: 2,
        callsMade: 0,
        callsAnswered: 0,
        firstResponses: 2,
        medianFirstResponse: 4500,
      },
      {
        agentId: "u-eli",
        name: "Eli",
        messagesSent: 0,
        callsMade: 2,
        callsAnswered: 1,
        firstResponses: 1,
        medianFirstResponse: 3600,
      },
    ]);
  });
});

describe("access and input", () => {
  it("a member sees only their accounts' figures", async () => {
    const member = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-test-2") }],
    });
    const { body } = await fetchReport("volume", NY, member.headers);
    expect(body.days[0]?.inbound).toEqual({ sms: 1 });
    expect(body.days[0]?.conversationsStarted).toBe(1);
    const calls = await fetchReport("calls", NY, member.headers);
    expect(calls.body.callbacks.waits).toBe(0);
  });

  it.each([
    ["no zone", "from=2025-01-10&to=2025-01-11"],
    ["an unknown zone", "from=2025-01-10&to=2025-01-11&tz=Mars/Olympus"],
    ["an offset for a zone", "from=2025-01-10&to=2025-01-11&tz=%2B05:00"],
    ["from after to", "from=2025-01-12&to=2025-01-11&tz=UTC"],
    ["a day that does not exist", "from=2025-02-30&to=2025-03-01&tz=UTC"],
    ["a range over a year", "from=2024-01-01&to=2025-01-11&tz=UTC"],
  ])("answers 400 for %s", async (_, query) => {
    const { status, body } = await fetchReport("volume", query);
    expect(status).toBe(400);
    expect(body.error).toEqual(expect.any(String));
  });

  it("answers 404 for a report that does not exist and 401 to no one", async () => {
    expect((await fetchReport("nonsense" as "volume", UTC)).status).toBe(404);
    expect((await fetchReport("volume", UTC, {})).status).toBe(401);
  });
});

describe("the inbox link of a day's missed calls", () => {
  it("lists the conversations with a missed call or voicemail on that day of the viewer's zone", async () => {
    const ids = async (query: string) => {
      const { status, body } = await listConversations(query);
      expect(status).toBe(200);
      return body.conversations.map((c) => c.externalId).sort();
    };
    // B's missed call (15:00Z) and C's voicemail (04:30Z on the 11th) are both on the 10th in New York.
    expect(await ids("missedOn=2025-01-10&tz=America/New_York")).toEqual(["B", "C"]);
    expect(await ids("missedOn=2025-01-10&tz=UTC")).toEqual(["B"]);
    expect((await listConversations("missedOn=2025-01-10")).status).toBe(400);
    expect((await listConversations("missedOn=2025-02-30&tz=UTC")).status).toBe(400);
  });
});
