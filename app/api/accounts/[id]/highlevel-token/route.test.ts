import { beforeEach, describe, expect, it } from "vitest";
import { DELETE, GET, PUT } from "@/app/api/accounts/[id]/highlevel-token/route";
import { POST as createApiToken } from "@/app/api/accounts/[id]/tokens/route";
import { getPrisma } from "@/lib/db";
import { refreshDuePipelineNames } from "@/lib/ingest/pipeline-names/refresh";
import { pipelineNamesJob } from "@/lib/ingest/pipeline-names/job";
import { drainJobs } from "@/lib/jobs/runner";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { highLevelMessage, highLevelOpportunity, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Pipeline and stage names from HighLevel's API, with the token an owner stored in Settings,
// against a local server that answers as HighLevel's documented API does.

const TOKEN = "pit-0123456789abcdef-secret";
const api = highLevelApiStubForFile();
beforeEach(async () => {
  await resetDatabase();
  api().seen.length = 0;
  api().queue.length = 0;
  api().pipelines.set(TEST_LOCATION, [
    {
      id: "pipe-9",
      name: "Implants",
      locationId: TEST_LOCATION,
      showInFunnel: true,
      showInPieChart: true,
      stages: [
        { id: "stage-1", name: "New lead", position: 0, showInFunnel: true, showInPieChart: true },
        { id: "stage-9", name: "Consult booked", position: 1, showInFunnel: true, showInPieChart: true },
      ],
    },
  ]);
});

const call = (
  handler: typeof GET,
  method: string,
  accountId: string,
  headers: Record<string, string>,
  body?: unknown,
) =>
  handler(
    new Request(`http://localhost/api/accounts/${accountId}/highlevel-token`, {
      method,
      headers: { origin: "http://localhost", "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: accountId }) },
  );

async function accountWithOpportunity(overrides: Record<string, unknown> = {}) {
  await postWebhook("highlevel", highLevelMessage({ contactId: "contact-1" }));
  await postWebhook("highlevel", highLevelOpportunity(overrides));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
  return { accountId, owner };
}

async function panelOpportunity() {
  const { body } = await conversationDetail((await conversationByExternalId("conv-1")).id);
  return body.opportunities[0];
}

async function storeToken(accountId: string, headers: Record<string, string>, token = TOKEN) {
  const response = await call(PUT, "PUT", accountId, headers, { token });
  // What the worker does next: the pass the stored token asked for.
  await drainJobs([pipelineNamesJob]);
  return response;
}

const status = async (accountId: string, headers: Record<string, string>) =>
  (await (await call(GET, "GET", accountId, headers)).json()) as Record<string, unknown>;

describe("HighLevel API token and pipeline names", () => {
  it("names appear after a token is stored, fetched with the documented headers and locationId", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    expect(await panelOpportunity()).toMatchObject({ pipeline: null, stage: null, stageId: "stage-9" });

    const response = await storeToken(accountId, owner.headers);
    expect(response.status).toBe(200);
    expect(api().seen).toEqual([
      {
        method: "GET",
        path: "/opportunities/pipelines",
        locationId: TEST_LOCATION,
        authorization: `Bearer ${TOKEN}`,
        version: "2021-07-28",
      },
    ]);
    expect(await panelOpportunity()).toMatchObject({
      pipeline: "Implants",
      pipelineId: "pipe-9",
      stage: "Consult booked",
      stageId: "stage-9",
    });
    const shown = await status(accountId, owner.headers);
    expect(shown).toMatchObject({ set: true, lastError: null });
    expect(shown.succeededAt).toEqual(expect.any(String));
  });

  it("a payload's own names win over fetched ones", async () => {
    const { accountId, owner } = await accountWithOpportunity({ pipelineName: "Dental", pipelineStageName: "Booked!" });
    await storeToken(accountId, owner.headers);
    expect(await panelOpportunity()).toMatchObject({ pipeline: "Dental", stage: "Booked!" });
  });

  it("the token is never returned, and is stored sealed", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    const put = await storeToken(accountId, owner.headers);
    const answers = [await put.text(), await (await call(GET, "GET", accountId, owner.headers)).text()];
    for (const answer of answers) expect(answer).not.toContain(TOKEN);
    const prisma = await getPrisma();
    const row = await prisma.highLevelConnection.findUniqueOrThrow({ where: { accountId } });
    expect(row.tokenSealed).not.toContain(TOKEN);
    expect(row.tokenSealed).not.toContain(Buffer.from(TOKEN).toString("base64url"));

    const removed = await call(DELETE, "DELETE", accountId, owner.headers);
    expect(await removed.json()).toMatchObject({ set: false });
  });

  it("members and API tokens cannot set it (403); another account's is 404; bad tokens are 400", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    await postWebhook("highlevel", highLevelMessage({ locationId: "loc-other", conversationId: "c-o" }));
    const other = await accountIdOf("highlevel", "loc-other");
    const member = await createSignedInUser({ accounts: [{ accountId, role: "member" }] });
    const issued = await createApiToken(
      new Request(`http://localhost/api/accounts/${accountId}/tokens`, {
        method: "POST",
        headers: { origin: "http://localhost", "content-type": "application/json", ...owner.headers },
        body: JSON.stringify({ name: "sync" }),
      }),
      { params: Promise.resolve({ id: accountId }) },
    );
    const { token: apiToken } = (await issued.json()) as { token: string };

    expect((await call(PUT, "PUT", accountId, member.headers, { token: TOKEN })).status).toBe(403);
    expect((await call(GET, "GET", accountId, member.headers)).status).toBe(403);
    expect((await call(PUT, "PUT", accountId, { authorization: `Bearer ${apiToken}` }, { token: TOKEN })).status).toBe(
      403,
    );
    expect((await call(PUT, "PUT", other, owner.headers, { token: TOKEN })).status).toBe(404);
    expect((await call(PUT, "PUT", accountId, owner.headers, { token: "has spaces in it" })).status).toBe(400);
    expect((await call(PUT, "PUT", accountId, owner.headers, {})).status).toBe(400);
    expect((await status(accountId, owner.headers)).set).toBe(false);
    expect(api().seen).toHaveLength(0);
  });

  it("a 401 from HighLevel shows as the error and keeps the names fetched before", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    await storeToken(accountId, owner.headers);
    api().queue.push({ status: 401, body: { statusCode: 401, message: "Invalid JWT" } });
    await storeToken(accountId, owner.headers, "pit-revoked-token-0000");
    expect(api().seen).toHaveLength(2);
    const shown = await status(accountId, owner.headers);
    expect(shown.lastError).toMatch(/refused the token \(401\)/);
    expect(JSON.stringify(shown)).not.toContain("pit-revoked");
    expect(await panelOpportunity()).toMatchObject({ pipeline: "Implants", stage: "Consult booked" });
  });

  it("a 429 is retried, then the 200 counts", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    api().queue.push({ status: 429, body: { message: "Too many requests" }, headers: { "retry-after": "1" } });
    await storeToken(accountId, owner.headers);
    expect(api().seen).toHaveLength(2);
    expect(await status(accountId, owner.headers)).toMatchObject({ lastError: null });
    expect(await panelOpportunity()).toMatchObject({ stage: "Consult booked" });
  });

  it("no request for accounts without a token; a stage the cache lacks refreshes, at most every 5 minutes", async () => {
    const { accountId, owner } = await accountWithOpportunity();
    expect(await refreshDuePipelineNames()).toBe(0);
    expect(api().seen).toHaveLength(0);

    await storeToken(accountId, owner.headers);
    expect(await refreshDuePipelineNames()).toBe(0); // fresh, nothing missing
    await postWebhook("highlevel", {
      type: "OpportunityStageUpdate",
      locationId: TEST_LOCATION,
      id: "opp-1",
      contactId: "contact-1",
      pipelineId: "pipe-9",
      pipelineStageId: "stage-new",
    });
    expect(await refreshDuePipelineNames()).toBe(0); // tried under 5 minutes ago
    const prisma = await getPrisma();
    await prisma.highLevelConnection.update({
      where: { accountId },
      data: { attemptedAt: new Date(Date.now() - 6 * 60_000) },
    });
    api()
      .pipelines.get(TEST_LOCATION)
      ?.push({ id: "pipe-2", name: "Other", stages: [{ id: "stage-new", name: "Won back", position: 0 }] });
    expect(await refreshDuePipelineNames()).toBe(1);
    expect(api().seen).toHaveLength(2);
    expect(await panelOpportunity()).toMatchObject({ stage: "Won back", stageId: "stage-new" });
  });
});
