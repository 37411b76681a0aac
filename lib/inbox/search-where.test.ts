import { beforeEach, describe, expect, it } from "vitest";
import { scriptScopeOfAccounts } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { accountIdOf } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";
import { listConversations } from "./conversations";
import { conversationListQuerySchema } from "./validations";

// Issue #26 item 6: search says where it found the words (a message, an email's subject, a call's
// summary or transcript, a note), with the words around them, and notes (the team's and
// HighLevel's) are searched, within the viewer's accounts only.

let account: string;

const search = async (q: string, accountIds = [account]) =>
  (
    await listConversations(
      await getPrisma(),
      scriptScopeOfAccounts(accountIds),
      conversationListQuerySchema.parse({ q }),
      null,
    )
  ).conversations;

const LONG_BODY =
  "Good morning, I hope this finds you well. I wanted to follow up on the appointment from last week because " +
  "my insurance sent a letter saying the crown was not covered and I would like to understand the bill.";

beforeEach(async () => {
  await resetDatabase();
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
  await postWebhook(
    "highlevel",
    highLevelMessage({
      conversationId: "conv-email",
      contactId: "contact-email",
      messageType: "Email",
      subject: "Invoice for the porcelain crown",
      body: "Please see the attached file.",
      dateAdded: at(1),
    }),
  );
  await postWebhook(
    "highlevel",
    highLevelMessage({ conversationId: "conv-long", contactId: "contact-long", body: LONG_BODY, dateAdded: at(2) }),
  );
  await postWebhook(
    "highlevel",
    highLevelMessage({ conversationId: "conv-notes", contactId: "contact-notes", body: "hi", dateAdded: at(3) }),
  );
  await postWebhook("highlevel", {
    type: "NoteCreate",
    locationId: "loc-test-1",
    id: "note-hl-1",
    contactId: "contact-notes",
    body: "Allergic to latex; use nitrile gloves.",
    dateAdded: at(4),
  });
  account = await accountIdOf("highlevel", "loc-test-1");
  const prisma = await getPrisma();
  const notes = await prisma.conversation.findFirstOrThrow({ where: { externalId: "conv-notes" } });
  await prisma.conversationNote.create({
    data: {
      accountId: account,
      conversationId: notes.id,
      authorName: "Ana",
      text: "Wants the quote for the bridge by Friday.",
    },
  });
});

describe("where a search matched", () => {
  it("an email's subject, said as such", async () => {
    const [hit, ...rest] = await search("porcelain");
    expect(rest).toEqual([]);
    expect(hit?.externalId).toBe("conv-email");
    expect(hit?.searchHit).toMatchObject({ where: "subject", excerpt: "…for the porcelain crown" });
  });

  it("a word deep in a long message: the excerpt starts just before it, not at the message's start", async () => {
    const [hit] = await search("insurance");
    expect(hit?.searchHit?.where).toBe("message");
    expect(hit?.searchHit?.excerpt).toMatch(/^…\S.{0,8}insurance sent a letter/);
  });

  it("a team's internal note, opening the thread at that note", async () => {
    const [hit, ...rest] = await search("bridge friday");
    expect(rest).toEqual([]);
    const note = await (await getPrisma()).conversationNote.findFirstOrThrow();
    expect(hit?.searchHit).toEqual({
      messageId: `internal-note-${note.id}`,
      where: "note",
      excerpt: "…for the bridge by Friday.",
    });
  });

  it("a HighLevel note about the customer, found through the customer's conversation", async () => {
    const [hit, ...rest] = await search("nitrile");
    expect(rest).toEqual([]);
    expect(hit?.externalId).toBe("conv-notes");
    const note = await (await getPrisma()).customerNote.findFirstOrThrow();
    expect(hit?.searchHit).toEqual({
      messageId: `note-${note.id}`,
      where: "note",
      excerpt: "…use nitrile gloves.",
    });
  });

  it("a deleted HighLevel note, and another account's notes, are not found", async () => {
    const prisma = await getPrisma();
    expect(await search("latex", ["some-other-account"])).toEqual([]);
    await prisma.customerNote.updateMany({ data: { deletedAt: new Date() } });
    expect(await search("latex")).toEqual([]);
  });
});
