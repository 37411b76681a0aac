import { beforeEach, describe, expect, it } from "vitest";
import { scriptScopeOfAccounts as accountsScope } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { accountIdOf } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import { searchHits, searchPlan } from "./conversation-search";
import { listConversations } from "./conversations";
import { conversationListQuerySchema } from "./validations";
import { forgetWordStatistics } from "@/lib/search/word-frequency";

// Search starts from the viewer's accounts (#11: customer_hits scanned every account's customers,
// so a neighbour's 100,000 customers made `q=a` slow). Another account's rows must neither show
// up nor be read at all.

let mine: string;
let theirs: string;

async function message(locationId: string, id: string, body: string) {
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId,
    conversationId: `conv-${id}`,
    contactId: `contact-${id}`,
    messageId: `m-${id}`,
    messageType: "SMS",
    direction: "inbound",
    body,
  });
}

beforeEach(async () => {
  await resetDatabase();
  await message("loc-mine", "mine", "the zebra report");
  await message("loc-theirs", "theirs", "another zebra sighting");
  mine = await accountIdOf("highlevel", "loc-mine");
  theirs = await accountIdOf("highlevel", "loc-theirs");
  const prisma = await getPrisma();
  await prisma.customer.updateMany({ where: { accountId: mine }, data: { name: "Alma Andersen" } });
  await prisma.customer.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      accountId: theirs,
      externalId: `crowd-${i}`,
      name: `Aaron Abbott ${i}`,
      emailNormalized: `aaron${i}@example.com`,
    })),
  });
});

const search = async (q: string, accountIds: string[]) =>
  listConversations(await getPrisma(), accountsScope(accountIds), conversationListQuerySchema.parse({ q }), null);

describe("conversation search, scoped to the viewer's accounts", () => {
  it("finds only the viewer's conversations, whatever another account holds", async () => {
    for (const q of ["a", "zebra", "alma", "aaron"]) {
      const found = (await search(q, [mine])).conversations.map((c) => c.externalId);
      expect(found, q).toEqual(q === "aaron" ? [] : ["conv-mine"]);
    }
    expect((await search("zebra", [mine, theirs])).conversations).toHaveLength(2);
  });

  it("never reads another account's customers or messages (rows in each match set)", async () => {
    const prisma = await getPrisma();
    const plan = await searchPlan(prisma, accountsScope([mine]), "a", Prisma.sql`TRUE`, 51);
    const [customers] = await prisma.$queryRaw<Array<{ n: number }>>`
      ${plan.with} SELECT count(*)::int AS n FROM customer_hits`;
    expect(customers?.n).toBe(1);
    const rare = await searchPlan(prisma, accountsScope([mine]), "zebra", Prisma.sql`TRUE`, 51);
    // A rare word's match set is read before the list query, which takes its conversations' ids.
    expect(rare.messageHits?.size).toBe(1);
  });

  it("a common word's hit is each conversation's newest matching message, as a rare word's is", async () => {
    const prisma = await getPrisma();
    for (const [id, body, dateAdded] of [
      // After the first message (sent at its arrival): the newest match, then a newer non-match.
      ["mine-2", "zebra again, later", new Date(Date.now() + 60_000).toISOString()],
      ["mine-3", "nothing to see", new Date(Date.now() + 120_000).toISOString()],
    ])
      await postWebhook("highlevel", {
        type: "InboundMessage",
        locationId: "loc-mine",
        conversationId: "conv-mine",
        contactId: "contact-mine",
        messageId: `m-${id}`,
        messageType: "SMS",
        direction: "inbound",
        body,
        dateAdded,
      });
    const conversations = await prisma.conversation.findMany({ orderBy: { externalId: "asc" } });
    const ids = conversations.map((c) => c.id);
    const newest = await prisma.message.findFirstOrThrow({ where: { externalId: "m-mine-2" } });
    const expectHit = async (when: string) => {
      for (const commonWord of [false, true]) {
        const hits = await searchHits(prisma, accountsScope([mine]), ids, "zebra", commonWord);
        // Only the viewer's conversation: the other account's is listed but out of scope.
        expect([...hits.entries()], `${when}, commonWord ${commonWord}`).toEqual([
          [newest.conversationId, { messageId: newest.id, where: "message", excerpt: "zebra again, later" }],
        ]);
      }
    };
    await expectHit("match among the newest messages");
    // 30 newer messages without the word: a common word's newest-first window misses it, the index finds it.
    await prisma.message.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        accountId: mine,
        conversationId: newest.conversationId,
        externalId: `filler-${i}`,
        channel: "sms",
        direction: "inbound",
        body: "nothing here",
        bodyText: "nothing here",
        sentAt: new Date(Date.now() + 180_000 + i * 1000),
      })),
    });
    await expectHit("match older than the window");
  });
});

describe("common and rare words, told apart by PostgreSQL's statistics (#28)", () => {
  it("walks conversations for a word in most messages and collects a rare word's, with the same hits", async () => {
    const prisma = await getPrisma();
    const conversation = await prisma.conversation.findFirstOrThrow({ where: { accountId: mine } });
    await prisma.message.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        accountId: mine,
        conversationId: conversation.id,
        externalId: `bulk-${i}`,
        channel: "sms",
        direction: "inbound",
        body: i === 299 ? "a quokka appeared" : "see you at the dentist",
        bodyText: i === 299 ? "a quokka appeared" : "see you at the dentist",
        sentAt: new Date(Date.now() - (i + 1) * 60_000),
      })),
    });
    await prisma.$executeRawUnsafe("ANALYZE messages");
    forgetWordStatistics();
    const scope = accountsScope([mine]);
    const common = await searchPlan(prisma, scope, "dentist", Prisma.sql`TRUE`, 51);
    const rare = await searchPlan(prisma, scope, "quokka", Prisma.sql`TRUE`, 51);
    expect([common.commonWord, rare.commonWord]).toEqual([true, false]);
    for (const q of ["dentist", "quokka"]) {
      const found = (await search(q, [mine])).conversations;
      expect(
        found.map((c) => c.externalId),
        q,
      ).toEqual(["conv-mine"]);
      expect(found[0]?.searchHit?.excerpt, q).toContain(q);
    }
    // The oldest message is 300 steps back: past the newest-first walk, found by the index.
    const hits = await searchHits(prisma, scope, [conversation.id], "quokka", true);
    expect(hits.get(conversation.id)?.excerpt).toBe("a quokka appeared");
  });
});
