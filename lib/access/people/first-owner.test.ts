import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { signIn } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { DEMO_OWNER_EMAIL, ensureFirstOwner } from "@/lib/access/people/first-owner";

beforeEach(resetDatabase);
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the first owner", () => {
  it("on the embedded database: a demo owner with a fresh password, printed once, that signs in", async () => {
    vi.stubEnv("DATABASE_URL", "");
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    await ensureFirstOwner();
    const password = /password: (\S+)/.exec(printed.join("\n"))?.[1];
    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(20);
    expect((await signIn(DEMO_OWNER_EMAIL, password)).status).toBe(200);

    // Not again: a second start prints nothing and changes nothing.
    printed.length = 0;
    await ensureFirstOwner();
    expect(printed).toEqual([]);
    expect(await (await getPrisma()).user.count()).toBe(1);
  });

  it("two installations never share the demo password", async () => {
    vi.stubEnv("DATABASE_URL", "");
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    await ensureFirstOwner();
    await resetDatabase();
    await ensureFirstOwner();
    const passwords = printed.join("\n").match(/password: (\S+)/g);
    expect(passwords).toHaveLength(2);
    expect(passwords![0]).not.toBe(passwords![1]);
  });

  it("THREADLINE_ADMIN_EMAIL/PASSWORD make the first administrator instead", async () => {
    vi.stubEnv("THREADLINE_ADMIN_EMAIL", "ops@example.com");
    vi.stubEnv("THREADLINE_ADMIN_PASSWORD", "a password from the vault");
    await ensureFirstOwner();
    const user = await (await getPrisma()).user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(user.isAdmin).toBe(true);
    expect((await signIn("ops@example.com", "a password from the vault")).status).toBe(200);
  });

  it("on PostgreSQL without those, creates nobody (npm run user:create does)", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://configured");
    await ensureFirstOwner();
    expect(await (await getPrisma()).user.count()).toBe(0);
  });
});
