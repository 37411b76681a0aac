import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { deleteDraft, getDraft, putDraft } from "@/lib/testing/drafts-api";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { replyableConversation } from "@/lib/testing/reply-fixtures";
import { sendReply } from "@/lib/testing/replies-api";
import { loadFixture, postWebhook } from "@/lib/testing/webhooks";
import { TEXT_MAX_CHARACTERS } from "./validations";

// Reply drafts on the server, through the real routes: each person's own (never anyone else's),
// in their scope only, validated, and gone when its text is sent.

highLevelApiStubForFile();
beforeEach(resetDatabase);

/** The conversation with two members of its account: Ana and Ben. */
async function twoPeople() {
  const { conversationId, accountId, member: ana } = await replyableConversation();
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  return { conversationId, accountId, ana, ben };
}

describe("a draft per person", () => {
  it("round-trips for each person separately, and an empty one is none", async () => {
    const { conversationId, ana, ben } = await twoPeople();
    expect(await getDraft(conversationId, ana.headers)).toEqual({ status: 200, body: { draft: null } });

    const text = "  Friday works.\n\nSee you 👋  ";
    const saved = await putDraft(conversationId, ana.headers, { text, channel: "email", subject: "Re: Friday" });
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toMatchObject({ text, channel: "email", subject: "Re: Friday" });
    expect((await getDraft(conversationId, ana.headers)).body.draft).toMatchObject({ text, subject: "Re: Friday" });
    // Ben sees none of it, and his own is his.
    expect((await getDraft(conversationId, ben.headers)).body).toEqual({ draft: null });
    await putDraft(conversationId, ben.headers, { text: "Ben's words", channel: "sms" });
    expect((await getDraft(conversationId, ben.headers)).body.draft).toMatchObject({ text: "Ben's words" });
    expect((await getDraft(conversationId, ana.headers)).body.draft).toMatchObject({ text });

    // A later save wins; clearing the text removes the draft (a subject alone is none); DELETE removes it too.
    await putDraft(conversationId, ana.headers, { text: "Second thoughts" });
    expect((await getDraft(conversationId, ana.headers)).body.draft).toMatchObject({ text: "Second thoughts" });
    expect((await putDraft(conversationId, ana.headers, { text: " \n", subject: "Re: Friday" })).body).toEqual({
      draft: null,
    });
    expect((await getDraft(conversationId, ana.headers)).body).toEqual({ draft: null });
    expect((await deleteDraft(conversationId, ben.headers)).status).toBe(204);
    expect((await getDraft(conversationId, ben.headers)).body).toEqual({ draft: null });
  });

  it("two saves at once (two tabs) leave one draft, the person's", async () => {
    const { conversationId, ana } = await twoPeople();
    const answers = await Promise.all(
      ["one", "two", "three"].map((text) => putDraft(conversationId, ana.headers, { text })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const { draft } = (await getDraft(conversationId, ana.headers)).body as { draft: { text: string } };
    expect(["one", "two", "three"]).toContain(draft.text);
  });
});

describe("scope and limits", () => {
  it("outside the person's accounts is 404, as for a conversation that does not exist; a token has no drafts", async () => {
    const { conversationId, accountId, ana } = await twoPeople();
    await putDraft(conversationId, ana.headers, { text: "mine" });
    await postWebhook("highlevel", {
      ...(loadFixture("highlevel-inbound-sms") as Record<string, unknown>),
      locationId: "loc-other",
    });
    const outsider = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-other") }],
    });
    for (const id of [conversationId, "no-such-conversation"]) {
      expect((await getDraft(id, outsider.headers)).status).toBe(404);
      expect((await putDraft(id, outsider.headers, { text: "theirs" })).status).toBe(404);
      expect((await deleteDraft(id, outsider.headers)).status).toBe(404);
    }
    const { token } = await issueApiToken(accountId, "crm");
    expect((await getDraft(conversationId, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await putDraft(conversationId, { authorization: `Bearer ${token}` }, { text: "x" })).status).toBe(403);
    expect((await getDraft(conversationId, {})).status).toBe(401);
    expect((await getDraft(conversationId, ana.headers)).body.draft).toMatchObject({ text: "mine" });
  });

  it("bad input is a 400 with a reason, and the draft stays as it was", async () => {
    const { conversationId, ana } = await twoPeople();
    await putDraft(conversationId, ana.headers, { text: "kept" });
    const bad: Array<[string, unknown]> = [
      ["text over the limit", { text: "x".repeat(TEXT_MAX_CHARACTERS + 1) }],
      ["a subject over 300 characters", { text: "hi", subject: "s".repeat(301) }],
      ["an unknown channel", { text: "hi", channel: "call" }],
      ["no text", { subject: "hi" }],
      ["a field it does not know", { text: "hi", html: "<b>hi</b>" }],
      ["not an object", "hello"],
    ];
    for (const [name, body] of bad) {
      const answer = await putDraft(conversationId, ana.headers, body);
      expect(answer.status, name).toBe(400);
      expect(typeof answer.body.error, name).toBe("string");
    }
    expect((await getDraft(conversationId, ana.headers)).body.draft).toMatchObject({ text: "kept" });
  });

  it("text of exactly the limit is kept whole", async () => {
    const { conversationId, ana } = await twoPeople();
    const text = "y".repeat(TEXT_MAX_CHARACTERS);
    expect((await putDraft(conversationId, ana.headers, { text })).status).toBe(200);
    expect(((await getDraft(conversationId, ana.headers)).body.draft as { text: string }).text).toHaveLength(
      TEXT_MAX_CHARACTERS,
    );
  });
});

describe("sending", () => {
  it("clears the sender's draft with the send, and only theirs", async () => {
    const { conversationId, ana, ben } = await twoPeople();
    await putDraft(conversationId, ana.headers, { text: "On my way", channel: "sms" });
    await putDraft(conversationId, ben.headers, { text: "Ben's half-written reply" });
    const sent = await sendReply(conversationId, ana.headers, {
      clientKey: "key-draft-1",
      channel: "sms",
      text: "On my way",
    });
    expect(sent.status).toBe(201);
    expect((await getDraft(conversationId, ana.headers)).body).toEqual({ draft: null });
    expect((await getDraft(conversationId, ben.headers)).body.draft).toMatchObject({
      text: "Ben's half-written reply",
    });
  });

  it("a refused send leaves the draft where it was", async () => {
    const { conversationId, ana } = await twoPeople();
    await putDraft(conversationId, ana.headers, { text: "x".repeat(1_601), channel: "sms" });
    const refused = await sendReply(conversationId, ana.headers, {
      clientKey: "key-draft-2",
      channel: "sms",
      text: "x".repeat(1_601),
    });
    expect(refused.status).toBe(400);
    expect(((await getDraft(conversationId, ana.headers)).body.draft as { text: string }).text).toHaveLength(1_601);
  });
});
