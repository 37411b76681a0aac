import { afterEach, describe, expect, it, vi } from "vitest";
import { startMailSweep, stopMailSweep } from "./sender";

// Issue #25, finding 10: in production, mail does not start without THREADLINE_PUBLIC_URL: every
// link it sends would otherwise point at an address nobody chose. The app (instrumentation.ts)
// and `npm run worker` both start mail through startMailSweep, so both stop there with the reason.

afterEach(async () => {
  await stopMailSweep();
  vi.unstubAllEnvs();
});

describe("starting mail", () => {
  it("refuses in production with SMTP_URL but without THREADLINE_PUBLIC_URL, naming the setting", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
    vi.stubEnv("THREADLINE_PUBLIC_URL", "");
    expect(() => startMailSweep()).toThrow(/THREADLINE_PUBLIC_URL/);
  });

  it("starts in production once THREADLINE_PUBLIC_URL is set, and without SMTP_URL needs nothing", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("THREADLINE_PUBLIC_URL", "");
    expect(() => startMailSweep()).not.toThrow();
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
    vi.stubEnv("THREADLINE_PUBLIC_URL", "https://inbox.example.com");
    expect(() => startMailSweep()).not.toThrow();
  });

  it("refuses a THREADLINE_PUBLIC_URL that is not an http(s) address", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
    vi.stubEnv("THREADLINE_PUBLIC_URL", "inbox.example.com");
    expect(() => startMailSweep()).toThrow(/THREADLINE_PUBLIC_URL/);
  });
});
