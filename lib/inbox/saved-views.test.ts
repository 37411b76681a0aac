import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId } from "@/lib/testing/read-api";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/testing/saved-views-api";
import { assign } from "@/lib/testing/team-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Saved views (issue #24 item 7) through the real routes: a person's own or shared with an
// account's team, each with the count of what it lists now, counted in the reader's scope.

beforeEach(resetDatabase);

async function team() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-a", body: "Invoice overdue" }));
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-b", contactId: "contact-2", body: "Hello" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  return { accountId, ana, ben, a: (await conversationByExternalId("conv-a")).id };
}

describe("saved views", () => {
  it("saves filters and search under a name; counts follow; a shared view shows for the team, a private one only for its person", async () => {
    const { accountId, ana, ben, a } = await team();
    const invoices = await saveView({ name: "Invoices", query: "q=invoice&c=conv-x&cursor=abc" }, ana.headers);
    expect(invoices.status).toBe(201);
    const mine = await saveView(
      { name: "My SMS", query: "view=mine&channel=sms", shared: true, accountId },
      ana.headers,
    );
    expect(mine.status).toBe(201);

    const anaViews = (await listSavedViews(ana.headers)).body.views;
    expect(anaViews).toMatchObject([
      { name: "Invoices", query: "q=invoice", shared: false, mine: true, count: 1 },
      { name: "My SMS", query: "channel=sms&view=mine", shared: true, mine: true, count: 0 },
    ]);
    // Ben sees the shared one only; its count is his own (Mine is whose reads it).
    await assign(a, ben.id, ana.headers);
    expect((await listSavedViews(ben.headers)).body.views).toMatchObject([{ name: "My SMS", mine: false, count: 1 }]);
    expect((await listSavedViews(ana.headers)).body.views.find((v) => v.name === "My SMS")?.count).toBe(0);

    // Only its author or an owner deletes a shared view.
    expect((await deleteSavedView(mine.body.view.id, ben.headers)).status).toBe(403);
    expect((await deleteSavedView(invoices.body.view.id, ben.headers)).status).toBe(404);
    expect((await deleteSavedView(mine.body.view.id, ana.headers)).status).toBe(204);
    expect((await listSavedViews(ben.headers)).body.views).toEqual([]);
  });

  it("refuses bad input, another account, and tokens; another account's shared views stay invisible", async () => {
    const { accountId, ana } = await team();
    for (const body of [
      { name: "", query: "" },
      { name: "x".repeat(61), query: "" },
      { name: "Bad", query: "view=nonsense" },
      { name: "Bad", query: "channel=fax" },
      { name: "Shared", query: "", shared: true },
    ])
      expect((await saveView(body, ana.headers)).status).toBe(400);
    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-x", locationId: "loc-other" }));
    const other = await accountIdOf("highlevel", "loc-other");
    const stranger = await createSignedInUser({ accounts: [{ accountId: other }] });
    expect((await saveView({ name: "Theirs", query: "", shared: true, accountId: other }, ana.headers)).status).toBe(
      404,
    );
    expect((await saveView({ name: "Ours", query: "", shared: true, accountId: other }, stranger.headers)).status).toBe(
      201,
    );
    expect((await listSavedViews(ana.headers)).body.views).toEqual([]);
    const { token } = await issueApiToken(accountId, "crm");
    expect((await listSavedViews({ authorization: `Bearer ${token}` })).status).toBe(403);
    expect(await (await getPrisma()).savedView.count()).toBe(1);
  });
});
