import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// The providers' own example payloads (copied into test/fixtures from the product's seed
// documents). No database or route here: pure mapping tests load them too.

export const FIXTURES_DIR = path.resolve(process.cwd(), "test", "fixtures", "webhooks");

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name.endsWith(".json") ? name : `${name}.json`), "utf8")) as T;
}
