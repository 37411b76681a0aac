import { describe, expect, it } from "vitest";
import { topChannels, waitAxisUnit, waitTick } from "./chart-scale";

describe("chart scales", () => {
  it("a wait axis reads in minutes up to 90, in hours past it", () => {
    expect(waitAxisUnit(90)).toBe("m");
    expect(waitTick(45, waitAxisUnit(90))).toBe("45 m");
    expect(waitAxisUnit(150)).toBe("h");
    expect(waitTick(150, "h")).toBe("2.5 h");
    expect(waitTick(0, "h")).toBe("0 h");
  });

  it("at most six series: the five busiest channels and Other", () => {
    const totals = { sms: 50, email: 40, call: 30, whatsapp: 20, facebook: 10, instagram: 5, gmb: 1 };
    const { series, fold } = topChannels(totals, ["gmb", "instagram", "facebook", "whatsapp", "call", "email", "sms"]);
    expect(series).toEqual(["sms", "email", "call", "whatsapp", "facebook", "other"]);
    expect(fold("gmb")).toBe("other");
    expect(fold("instagram")).toBe("other");
    expect(fold("sms")).toBe("sms");
    expect(topChannels({ sms: 1, email: 2 }, ["sms", "email"]).series).toEqual(["email", "sms"]);
  });
});
