import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { readMigrations } from "./migrations";

beforeEach(resetDatabase);

// The data migration that gave HighLevel its id in code (issue #23), run over rows stored under the
// former id with the former CHECK in place: the database as a deployment had it before.
const OLD_ID = "leadconnector"; // naming: keep

async function renameStatements(): Promise<string[]> {
  const migration = (await readMigrations()).find((m) => m.name.endsWith("_highlevel_provider_id"));
  if (!migration) throw new Error("the provider id migration is missing");
  return migration.sql
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

describe("migration: provider id leadconnector → highlevel", () => {
  it("renames the id in accounts and webhook events, and the CHECKs then refuse the old one", async () => {
    const prisma = await getPrisma();
    const statements = await renameStatements();
    try {
      for (const table of ["accounts", "webhook_events"]) {
        await prisma.$executeRawUnsafe(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_provider_check"`);
        await prisma.$executeRawUnsafe(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_provider_check" CHECK ("provider" IN ('${OLD_ID}', 'voxity'))`,
        );
      }
      await prisma.account.createMany({
        data: [
          { provider: OLD_ID, externalId: "loc-old" },
          { provider: "voxity", externalId: "agent-1" },
        ],
      });
      await prisma.webhookEvent.createMany({
        data: [OLD_ID, "voxity"].map((provider) => ({
          provider,
          dedupeKey: `key-${provider}`,
          rawBody: Buffer.from("{}"),
          status: "processed",
        })),
      });

      for (const statement of statements) await prisma.$executeRawUnsafe(statement);

      const accounts = await prisma.account.findMany({ orderBy: { externalId: "asc" } });
      expect(accounts.map((a) => [a.externalId, a.provider])).toEqual([
        ["agent-1", "voxity"],
        ["loc-old", "highlevel"],
      ]);
      const events = await prisma.webhookEvent.findMany({ orderBy: { dedupeKey: "asc" } });
      expect(events.map((e) => [e.dedupeKey, e.provider])).toEqual([
        [`key-${OLD_ID}`, "highlevel"],
        ["key-voxity", "voxity"],
      ]);
      await expect(prisma.account.create({ data: { provider: OLD_ID, externalId: "loc-2" } })).rejects.toThrow(
        /check/i,
      );
    } finally {
      // Leaves the schema as migrated whatever happened above (the migration is safe to run again).
      for (const statement of statements) await prisma.$executeRawUnsafe(statement);
    }
  });
});
