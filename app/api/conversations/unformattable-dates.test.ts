import { beforeEach, describe, expect, it } from "vitest";
import { GET as getAccounts } from "@/app/api/accounts/route";
import { eventDetail, eventSummary, listEvents } from "@/app/api/events/test-api";
import { getPrisma } from "@/lib/db";
import { adminCookie } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationDetail, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Dates the providers' schemas would refuse can still be in the database (an old release, a
// hand-made fix, a restore): written straight into every timestamp column the read API shows,
// they must never make a read answer 500 (#11: year 10000 did).

const TABLES: Record<string, string[]> = {
  messages: ["sent_at", "created_at"],
  conversations: ["last_message_at", "created_at", "updated_at"],
  customers: ["provider_updated_at", "created_at", "updated_at"],
  opportunities: ["provider_updated_at", "created_at", "updated_at"],
  webhook_events: ["received_at", "available_at", "processed_at"],
  accounts: ["created_at"],
};

async function seed() {
  await postWebhook("highlevel", {
    type: "ContactCreate",
    locationId: "loc-far",
    id: "contact-far",
    firstName: "Far",
    lastName: "Future",
  });
  await postWebhook("highlevel", {
    type: "OpportunityCreate",
    locationId: "loc-far",
    id: "opp-far",
    contactId: "contact-far",
    name: "Deal",
    status: "open",
    monetaryValue: 10,
  });
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "loc-far",
    contactId: "contact-far",
    conversationId: "conv-far",
    messageId: "m-far",
    messageType: "SMS",
    direction: "inbound",
    body: "from the far future",
  });
}

async function setEveryDate(value: string) {
  const prisma = await getPrisma();
  for (const [table, columns] of Object.entries(TABLES)) {
    const present = await prisma.$queryRawUnsafe<Array<{ column_name: string }>>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = $1",
      table,
    );
    const names = new Set(present.map((c) => c.column_name));
    const sets = columns.filter((c) => names.has(c)).map((c) => `${c} = '${value}'::timestamptz`);
    if (sets.length) await prisma.$executeRawUnsafe(`UPDATE ${table} SET ${sets.join(", ")}`);
  }
}

beforeEach(resetDatabase);

describe("dates no browser can show", () => {
  it.each(["10000-01-01 00:00:00+00", "275761-01-01 00:00:00+00", "4000-01-01 00:00:00+00 BC"])(
    "%s in every column: every read route answers, none 500",
    async (value) => {
      await seed();
      const cookie = { cookie: await adminCookie() };
      const before = await listConversations("", cookie);
      const conversationId = before.body.conversations[0]!.id;
      const eventId = (await listEvents("", cookie)).body.events[0]!.id;
      await setEveryDate(value);
      const answers = {
        list: await listConversations("", cookie),
        search: await listConversations("q=future", cookie),
        detail: await conversationDetail(conversationId, cookie),
        messages: await conversationMessages(conversationId, "", cookie),
        events: await listEvents("", cookie),
        event: await eventDetail(eventId, cookie),
        summary: await eventSummary(cookie),
        accounts: await getAccounts(new Request("http://localhost/api/accounts", { headers: cookie }), {} as never),
      };
      for (const [name, answer] of Object.entries(answers)) expect(answer.status, name).toBe(200);
      expect(answers.list.body.conversations).toHaveLength(1);
      expect(answers.messages.body.messages).toHaveLength(1);
      expect(answers.detail.body.customer).not.toBeNull();
    },
  );
});
