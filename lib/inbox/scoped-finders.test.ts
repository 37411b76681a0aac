import { beforeAll, describe, expect, it } from "vitest";
import { scriptScopeOfAccounts } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { accountIdOf } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, highLevelNote, highLevelOpportunity, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";
import { triageSettings } from "@/lib/triage/triage-settings";
import { listCustomerRecords } from "./customer-records";
import { findCustomer } from "./customers";
import { listCustomerOpportunities } from "./opportunities";

// Finders by id (issue #23 item 2): a customer's id alone no longer reads it. Each finder takes
// the scope and answers another account's rows as it answers ids that do not exist.

let mine: string;
let theirs: string;
let customerId: string;

beforeAll(async () => {
  await resetDatabase();
  await postWebhook("highlevel", highLevelMessage({ body: "Hello" }));
  await postWebhook("highlevel", highLevelOpportunity({ pipelineName: "Sales", pipelineStageName: "New" }));
  await postWebhook("highlevel", highLevelNote());
  await postWebhook("highlevel", highLevelMessage({ locationId: "loc-other", conversationId: "conv-other" }));
  mine = await accountIdOf("highlevel", TEST_LOCATION);
  theirs = await accountIdOf("highlevel", "loc-other");
  const prisma = await getPrisma();
  customerId = (await prisma.customer.findFirstOrThrow({ where: { accountId: mine, externalId: "contact-1" } })).id;
});

describe("finders by id, in the reader's scope", () => {
  it("read the customer, its opportunities and its records for its own account", async () => {
    const db = await getPrisma();
    const scope = scriptScopeOfAccounts([mine]);
    expect(await findCustomer(db, scope, customerId)).toMatchObject({ id: customerId, externalId: "contact-1" });
    expect(await listCustomerOpportunities(db, scope, customerId)).toMatchObject([{ externalId: "opp-1" }]);
    expect((await listCustomerRecords(db, scope, customerId)).notes).toMatchObject([{ body: "Allergic to latex" }]);
  });

  it("answer another account's reader as if the customer did not exist", async () => {
    const db = await getPrisma();
    const scope = scriptScopeOfAccounts([theirs]);
    expect(await findCustomer(db, scope, customerId)).toBeNull();
    expect(await listCustomerOpportunities(db, scope, customerId)).toEqual([]);
    expect((await listCustomerRecords(db, scope, customerId)).notes).toEqual([]);
    await expect(triageSettings(db, scope, mine)).rejects.toMatchObject({ status: 404 });
  });
});
