import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import {
  applyLabel,
  createLabel,
  deleteLabel,
  labelsInScope,
  listLabels,
  patchLabel,
  removeLabel,
} from "@/lib/testing/label-api";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Labels (issue #24 item 6) through the real routes: owners manage an account's labels, anyone in
// the account applies them, the list filters on them and shows them, the timeline says who; bad
// input and other accounts' labels get a 4xx and touch nothing.

beforeEach(resetDatabase);

async function accountWithOwnerAndMember() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-a" }));
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-b", contactId: "contact-2" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
  const member = await createSignedInUser({ accounts: [{ accountId }] });
  await (await getPrisma()).user.update({ where: { id: member.id }, data: { name: "Mia" } });
  const a = (await conversationByExternalId("conv-a")).id;
  const b = (await conversationByExternalId("conv-b")).id;
  return { accountId, owner, member, a, b };
}

const ids = async (query: string, as: Record<string, string>) =>
  (await listConversations(query, as)).body.conversations.map((c) => c.id);

describe("labels", () => {
  it("an owner makes a label; a member applies it: a chip on the row, the label filter, a line in the timeline", async () => {
    const { accountId, owner, member, a, b } = await accountWithOwnerAndMember();
    const created = await createLabel(accountId, { name: " Billing ", color: "rose" }, owner.headers);
    expect(created.status).toBe(201);
    const billing = created.body.label;
    expect(billing).toMatchObject({ name: "Billing", color: "rose" });
    expect((await listLabels(accountId, member.headers)).body.labels).toEqual([billing]);

    const applied = await applyLabel(a, billing.id, member.headers);
    expect(applied).toMatchObject({ status: 200, body: { on: true, changed: true } });
    expect((await applyLabel(a, billing.id, member.headers)).body).toMatchObject({ changed: false });
    const rows = (await listConversations("", member.headers)).body.conversations;
    expect(rows.find((row) => row.id === a)?.labels).toEqual([billing]);
    expect(rows.find((row) => row.id === b)?.labels).toEqual([]);
    expect(await ids(`label=${billing.id}`, member.headers)).toEqual([a]);
    const detail = await conversationDetail(a, member.headers);
    expect(detail.body.team.labels).toEqual([billing]);
    expect(detail.body.team.activity).toMatchObject([
      { kind: "labeled", actorName: "Mia", detail: { labelName: "Billing" } },
    ]);

    expect((await removeLabel(a, billing.id, member.headers)).body).toMatchObject({ on: false, changed: true });
    expect(await ids(`label=${billing.id}`, member.headers)).toEqual([]);
    expect((await conversationDetail(a, member.headers)).body.team.activity.at(-1)).toMatchObject({
      kind: "unlabeled",
    });
  });

  it("an owner renames, recolours and deletes a label (it leaves every conversation)", async () => {
    const { accountId, owner, a } = await accountWithOwnerAndMember();
    const { label } = (await createLabel(accountId, { name: "VIP" }, owner.headers)).body;
    expect(label.color).toBe("blue");
    await applyLabel(a, label.id, owner.headers);
    expect(
      (await patchLabel(accountId, label.id, { name: "Key account", color: "violet" }, owner.headers)).status,
    ).toBe(200);
    const row = (await listConversations("", owner.headers)).body.conversations.find((c) => c.id === a);
    expect(row?.labels).toEqual([{ id: label.id, name: "Key account", color: "violet" }]);
    expect((await deleteLabel(accountId, label.id, owner.headers)).status).toBe(204);
    expect((await listConversations("", owner.headers)).body.conversations.find((c) => c.id === a)?.labels).toEqual([]);
    expect((await deleteLabel(accountId, label.id, owner.headers)).status).toBe(404);
  });

  it("refuses members managing labels, duplicate names, bad colours, another account's labels, and tokens", async () => {
    const { accountId, owner, member, a } = await accountWithOwnerAndMember();
    expect((await createLabel(accountId, { name: "Billing" }, member.headers)).status).toBe(403);
    const { label } = (await createLabel(accountId, { name: "Billing" }, owner.headers)).body;
    const duplicate = await createLabel(accountId, { name: "BILLING" }, owner.headers);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatch(/already has a label/);
    for (const body of [{}, { name: "" }, { name: "x".repeat(41) }, { name: "Ok", color: "#ff0000" }])
      expect((await createLabel(accountId, body, owner.headers)).status).toBe(400);
    expect((await patchLabel(accountId, label.id, {}, owner.headers)).status).toBe(400);
    expect((await patchLabel(accountId, label.id, { name: "Billing 2" }, member.headers)).status).toBe(403);

    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-x", locationId: "loc-other" }));
    const otherAccount = await accountIdOf("highlevel", "loc-other");
    const otherOwner = await createSignedInUser({ accounts: [{ accountId: otherAccount, role: "owner" }] });
    const foreign = (await createLabel(otherAccount, { name: "Theirs" }, otherOwner.headers)).body.label;
    const x = (await conversationByExternalId("conv-x")).id;
    expect((await applyLabel(a, foreign.id, owner.headers)).status).toBe(404);
    expect((await applyLabel(x, label.id, owner.headers)).status).toBe(404);
    expect((await listLabels(otherAccount, owner.headers)).status).toBe(404);
    expect((await createLabel(otherAccount, { name: "Mine now" }, owner.headers)).status).toBe(404);
    expect((await deleteLabel(otherAccount, foreign.id, owner.headers)).status).toBe(404);
    expect(await ids(`label=${foreign.id}`, owner.headers)).toEqual([]);
    expect((await labelsInScope(owner.headers)).body.labels.map((l) => l.name)).toEqual(["Billing"]);
    expect((await labelsInScope(otherOwner.headers)).body.labels.map((l) => l.name)).toEqual(["Theirs"]);
    const { token } = await issueApiToken(accountId, "crm");
    expect((await applyLabel(a, label.id, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect(await (await getPrisma()).conversationLabel.count()).toBe(0);
    expect(await (await getPrisma()).label.count()).toBe(2);
  });
});
