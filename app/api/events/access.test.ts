import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import {
  eventDetail,
  eventSummary,
  listEvents,
  postFailing,
  retryEventAs,
  retryFailedAs,
  sms,
  type Credentials,
} from "./test-api";

// Who reads the event log: administrators everything (also events no account matches), an owner
// their accounts' events only, nobody else. Outside one's reach an event is 404, like a made-up id.

let clinic: string;
let clinicFailed: string;
let bakeryFailed: string;
let strayFailed: string; // a location no account exists for
let anonymousFailed: string; // names no location at all

beforeEach(async () => {
  await resetDatabase();
  await postWebhook("highlevel", sms("loc-clinic", "m-c"));
  await postWebhook("highlevel", sms("loc-bakery", "m-b"));
  clinic = await accountIdOf("highlevel", "loc-clinic");
  clinicFailed = await postFailing("loc-clinic", "f-c");
  bakeryFailed = await postFailing("loc-bakery", "f-b");
  strayFailed = await postFailing("loc-nowhere", "f-n");
  anonymousFailed = await postFailing(undefined, "f-0");
});

const ids = async (headers: Credentials, query = "") => (await listEvents(query, headers)).body.events.map((e) => e.id);

describe("an administrator", () => {
  it("sees every event, including those of unknown accounts, and each one's detail", async () => {
    const admin = await createSignedInUser({ isAdmin: true });
    const all = await listEvents("", admin.headers);
    expect(all.status).toBe(200);
    expect(all.body.events).toHaveLength(6);
    expect(await ids(admin.headers, "status=failed")).toEqual(
      expect.arrayContaining([clinicFailed, bakeryFailed, strayFailed, anonymousFailed]),
    );
    const stray = all.body.events.find((e) => e.id === strayFailed)!;
    expect(stray).toMatchObject({
      accountExternalId: "loc-nowhere",
      accountId: null,
      accountName: null,
      status: "failed",
    });
    expect(all.body.events.find((e) => e.id === clinicFailed)!.accountId).toBe(clinic);
    expect(all.body.events.find((e) => e.id === anonymousFailed)!.accountExternalId).toBeNull();
    for (const id of [strayFailed, anonymousFailed, bakeryFailed]) {
      expect((await eventDetail(id, admin.headers)).status).toBe(200);
    }
    const summary = await eventSummary(admin.headers);
    expect(summary.body).toMatchObject({ failed: 4, backlog: 0, lagSeconds: 0 });
  });
});

describe("an owner", () => {
  it("sees only their account's events; any other event is 404 like a made-up id", async () => {
    const owner = await createSignedInUser({ accounts: [{ accountId: clinic, role: "owner" }] });
    const list = await listEvents("", owner.headers);
    expect(list.status).toBe(200);
    expect(list.body.events.map((e) => e.accountExternalId)).toEqual(["loc-clinic", "loc-clinic"]);
    expect(await ids(owner.headers, "status=failed")).toEqual([clinicFailed]);
    expect((await eventDetail(clinicFailed, owner.headers)).status).toBe(200);

    const madeUp = await eventDetail("00000000-0000-4000-8000-000000000000", owner.headers);
    expect(madeUp).toMatchObject({ status: 404, body: { error: "event not found" } });
    for (const id of [bakeryFailed, strayFailed, anonymousFailed]) {
      const foreign = await eventDetail(id, owner.headers);
      expect({ status: foreign.status, body: foreign.body }).toEqual({ status: madeUp.status, body: madeUp.body });
      expect((await retryEventAs(id, owner.headers)).status).toBe(404);
    }
    expect((await eventSummary(owner.headers)).body.counts).toEqual([
      { provider: "highlevel", status: "failed", count: 1 },
      { provider: "highlevel", status: "processed", count: 1 },
    ]);
  });

  it("an owner of one account and member of another sees the owned one only", async () => {
    const bakery = await accountIdOf("highlevel", "loc-bakery");
    const person = await createSignedInUser({
      accounts: [
        { accountId: clinic, role: "owner" },
        { accountId: bakery, role: "member" },
      ],
    });
    expect(await ids(person.headers, "status=failed")).toEqual([clinicFailed]);
    expect((await eventDetail(bakeryFailed, person.headers)).status).toBe(404);
  });
});

describe("everyone else", () => {
  it("a member, or a person with no account, gets 403 with a JSON error from every route", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic, role: "member" }] });
    const nobody = await createSignedInUser();
    for (const person of [member, nobody]) {
      const answers = [
        await listEvents("", person.headers),
        await eventSummary(person.headers),
        await eventDetail(clinicFailed, person.headers),
        await retryEventAs(clinicFailed, person.headers),
        await retryFailedAs(person.headers),
      ];
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
      expect(answers[0]!.body.error).toBe("the event log is for administrators and account owners");
    }
  });

  it("an API token gets 403, even its own account's events", async () => {
    const { token } = await issueApiToken(clinic, "crm");
    const bearer = { authorization: `Bearer ${token}` };
    const answers = [
      await listEvents("", bearer),
      await eventDetail(clinicFailed, bearer),
      await retryEventAs(clinicFailed, bearer),
      await retryFailedAs(bearer),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(answers[0]!.body.error).toMatch(/not API tokens/);
  });

  it("without credentials: 401", async () => {
    expect((await listEvents("", {})).status).toBe(401);
    expect((await retryFailedAs({})).status).toBe(401);
  });
});

describe("cross-site request forgery", () => {
  it("a requeue with the session cookie from another origin is 403 and changes nothing", async () => {
    const admin = await createSignedInUser({ isAdmin: true });
    const forged = await retryEventAs(clinicFailed, { ...admin.headers, origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect((await retryFailedAs({ ...admin.headers, origin: "https://evil.example" })).status).toBe(403);
    expect((await eventDetail(clinicFailed, admin.headers)).body.event.status).toBe("failed");
  });
});
