import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { calendarDaySchema, canonicalTimeZone, timeZoneSchema } from "./date-params";

describe("timeZoneSchema", () => {
  it("keeps the runtime's IANA names and UTC", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Salta", "Pacific/Chatham"]) {
      expect(timeZoneSchema.parse(zone)).toBe(zone);
    }
  });

  it("reads an IANA link as the zone it names (a browser with newer zone data sends the new name)", () => {
    expect(timeZoneSchema.parse("US/Eastern")).toBe("America/New_York");
    expect(Intl.supportedValuesOf("timeZone")).toContain(timeZoneSchema.parse("America/Argentina/Buenos_Aires"));
    expect(Intl.supportedValuesOf("timeZone")).toContain(timeZoneSchema.parse("Asia/Kolkata"));
  });

  it.each([
    "CTT",
    "AET",
    "IST",
    "EST",
    "GMT",
    "+05:00",
    "Etc/GMT+5",
    "SystemV/AST4",
    "europe/berlin",
    "",
    "A".repeat(65),
  ])("refuses %j with an example of what it accepts", (zone) => {
    const result = timeZoneSchema.safeParse(zone);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("Europe/Berlin");
  });

  it("lets through only zones the database knows by the same name", async () => {
    const rows = await (await getPrisma()).$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_timezone_names`;
    const known = new Set(rows.map((row) => row.name));
    const accepted = Intl.supportedValuesOf("timeZone").map((zone) => canonicalTimeZone(zone));
    expect(accepted.filter((zone) => zone === null || !known.has(zone))).toEqual([]);
    expect(known.has("UTC")).toBe(true);
  });
});

describe("calendarDaySchema", () => {
  it.each(["1970-01-01", "2024-02-29", "2100-12-31"])("accepts %s", (day) => {
    expect(calendarDaySchema.parse(day)).toBe(day);
  });

  it.each(["0000-01-01", "1969-12-31", "2101-01-01", "10000-01-01", "2025-02-29", "2025-1-1", "2025-01-01T00:00"])(
    "refuses %s, saying which days it accepts",
    (day) => {
      const result = calendarDaySchema.safeParse(day);
      expect(result.error?.issues[0]?.message).toMatch(/YYYY-MM-DD from 1970-01-01 to 2100-12-31/);
    },
  );
});
