import { beforeEach, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { CONSENT_BASES, CONSENT_CHANNELS } from "@/lib/vocabulary";

// Consent and HighLevel's rate limit (issue #27 item 5): every field written and read back through
// the generated client (the other models: schema.test.ts, schema-replies.test.ts).

beforeEach(resetDatabase);

it("writes and reads back customer consents and HighLevel rate limits, every field", async () => {
  const prisma = await getPrisma();
  const at = new Date("2025-06-01T12:34:56.789Z");
  const account = await prisma.account.create({ data: { provider: "highlevel", externalId: "loc-consent" } });
  const customer = await prisma.customer.create({ data: { accountId: account.id, externalId: "ct-1" } });
  const consent = await prisma.customerConsent.create({
    data: {
      customerId: customer.id,
      accountId: account.id,
      channel: "whatsapp",
      basis: "keyword",
      blocked: true,
      detail: "BAJA",
      since: at,
      updatedAt: at,
    },
  });
  expect(
    await prisma.customerConsent.findUniqueOrThrow({
      where: { customerId_channel_basis: { customerId: customer.id, channel: "whatsapp", basis: "keyword" } },
    }),
  ).toEqual(consent);
  // The closed vocabularies are CHECK constraints, exactly lib/vocabulary.ts's lists.
  for (const [column, values] of [
    ["channel", CONSENT_CHANNELS],
    ["basis", CONSENT_BASES],
  ] as const) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ definition: string }>>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1`,
      `customer_consents_${column}_check`,
    );
    const allowed = [...(row?.definition ?? "").matchAll(/'([^']+)'/g)].map((match) => match[1]).sort();
    expect(allowed).toEqual([...values].sort());
  }
  await expect(
    prisma.customerConsent.create({ data: { ...consent, channel: "voicemail", basis: "dnd" } }),
  ).rejects.toThrow(/check/i);
  const limit = await prisma.highLevelRateLimit.create({
    data: { locationId: "loc-consent", stamps: [at, new Date(at.getTime() + 1)] },
  });
  expect(await prisma.highLevelRateLimit.findUniqueOrThrow({ where: { locationId: "loc-consent" } })).toEqual(limit);
});
