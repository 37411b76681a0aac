import { describe, expect, it } from "vitest";
import { envWithAlias } from "./env";

describe("envWithAlias", () => {
  it("reads the current name first, then the former one", () => {
    expect(envWithAlias("NEW", "OLD", { NEW: "a", OLD: "b" })).toBe("a");
    expect(envWithAlias("NEW", "OLD", { OLD: "b" })).toBe("b");
    expect(envWithAlias("NEW", "OLD", { NEW: "", OLD: "b" })).toBe("b");
    expect(envWithAlias("NEW", "OLD", {})).toBeUndefined();
    expect(envWithAlias("NEW", "OLD", { OLD: "" })).toBeUndefined();
  });
});
