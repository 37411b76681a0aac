import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase } from "@/lib/db/maintenance";
import { buildPgliteTemplate, buildPostgresTemplate } from "./template-database";

// Vitest's globalSetup: migrate one template database for the whole run (see template-database.ts);
// each file's setup (setup.ts) starts from a copy of it.

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  // A PostgreSQL run opens no embedded database (a file that does, makes its own from scratch).
  const pgliteTemplate = databaseUrl ? null : await buildPgliteTemplate();
  const postgresTemplate = databaseUrl ? await buildPostgresTemplate(databaseUrl) : null;
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("postgresTemplate", postgresTemplate);
  return async () => {
    if (pgliteTemplate) rmSync(path.dirname(pgliteTemplate), { recursive: true, force: true });
    if (databaseUrl && postgresTemplate) await dropDatabase(databaseUrl, postgresTemplate);
  };
}
