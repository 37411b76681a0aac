import { afterEach, describe, expect, it, vi } from "vitest";
import { demoEnabled, demoMediaEnabled } from "./demo-mode";

afterEach(() => vi.unstubAllEnvs());

describe("THREADLINE_DEMO", () => {
  it.each([
    ["off", undefined, false, false],
    ["off", "postgresql://db", false, false],
    ["on", "postgresql://db", true, true],
    ["media", undefined, false, true],
    [undefined, undefined, true, true],
    [undefined, "postgresql://db", false, false],
    ["yes", "postgresql://db", false, false],
  ])("%s with DATABASE_URL %s: seeds %s, serves recordings %s", (value, databaseUrl, seeds, serves) => {
    vi.stubEnv("THREADLINE_DEMO", value);
    vi.stubEnv("DATABASE_URL", databaseUrl);
    expect(demoEnabled()).toBe(seeds);
    expect(demoMediaEnabled()).toBe(serves);
  });
});
