import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_NAMES } from "@/lib/reports/validations";
import { resetDatabase } from "@/lib/testing/database";
import { listConversations } from "@/lib/testing/read-api";
import { fetchReport } from "@/lib/testing/reports-api";

// Time zones and days from the URL (#25, 4): names only Intl knows ("CTT", "AET") and years
// PostgreSQL cannot hold (0000) answered 500; an ambiguous abbreviation ("IST": India? Israel?
// Ireland?) was silently read one way. Only IANA names and days of 1970–2100 get through, and
// every refusal is a 400 saying what would be accepted, on the reports and the inbox alike.

const RANGE = "from=2025-01-10&to=2025-01-11";

beforeAll(async () => {
  await resetDatabase();
});

const BAD_ZONES = ["CTT", "AET", "IST", "EST", "GMT", "SystemV/AST4", "Etc/GMT+5", "europe/berlin"];
const BAD_RANGES = [
  "from=0000-01-01&to=0000-01-02",
  "from=9999-12-30&to=9999-12-31",
  "from=10000-01-01&to=10000-01-02",
  "from=1969-12-31&to=1970-01-01",
  "from=2100-12-31&to=2101-01-01",
];

describe("the reports' time zone and days", () => {
  it.each(BAD_ZONES)("answers 400 naming an IANA example for tz=%s, on every report", async (zone) => {
    for (const name of REPORT_NAMES) {
      const { status, body } = await fetchReport(name, `${RANGE}&tz=${encodeURIComponent(zone)}`);
      expect({ name, status }).toEqual({ name, status: 400 });
      expect(body.error).toMatch(/tz: .*Europe\/Berlin/);
    }
  });

  it.each(BAD_RANGES)("answers 400 for days outside 1970–2100: %s", async (range) => {
    for (const name of REPORT_NAMES) {
      const { status, body } = await fetchReport(name, `${range}&tz=UTC`);
      expect({ name, status }).toEqual({ name, status: 400 });
      expect(body.error).toMatch(/1970.*2100/);
    }
  });

  it.each([
    "UTC",
    "Europe/Berlin",
    "America/Argentina/Salta",
    "America/Argentina/Buenos_Aires",
    "Asia/Kolkata",
    "Europe/Kyiv",
  ])("answers 200 for tz=%s", async (zone) => {
    const { status } = await fetchReport("heatmap", `${RANGE}&tz=${encodeURIComponent(zone)}`);
    expect(status).toBe(200);
  });

  it("answers 200 at both ends of the accepted years", async () => {
    expect((await fetchReport("volume", "from=1970-01-01&to=1970-01-02&tz=Pacific/Kiritimati")).status).toBe(200);
    expect((await fetchReport("calls", "from=2100-12-30&to=2100-12-31&tz=Pacific/Pago_Pago")).status).toBe(200);
  });
});

describe("the inbox's missed-calls day (missedOn & tz)", () => {
  it.each(BAD_ZONES)("answers 400 naming an IANA example for tz=%s", async (zone) => {
    const { status, body } = await listConversations(`missedOn=2025-01-10&tz=${encodeURIComponent(zone)}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/tz: .*Europe\/Berlin/);
  });

  it.each(["0000-01-01", "10000-01-01", "1969-12-31", "2101-01-01"])("answers 400 for missedOn=%s", async (day) => {
    const { status, body } = await listConversations(`missedOn=${day}&tz=UTC`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/missedOn: .*1970.*2100/);
  });

  it("answers 200 for an IANA zone and a day in range", async () => {
    expect((await listConversations("missedOn=2100-12-31&tz=Asia/Kolkata")).status).toBe(200);
  });
});
