import { describe, expect, it } from "vitest";
import { distinctNames, shortNames } from "./tell-apart";

describe("telling teammates apart", () => {
  it("shortens to the first name unless someone shares it, then to the last initial, then the full name", () => {
    const names = shortNames(["Ana Ruiz", "Ana Torres", "Mark Lee", "Luis Vega", "Luis Vidal", "Bo"]);
    expect(Object.fromEntries(names)).toEqual({
      "Ana Ruiz": "Ana R.",
      "Ana Torres": "Ana T.",
      "Mark Lee": "Mark",
      "Luis Vega": "Luis Vega",
      "Luis Vidal": "Luis Vidal",
      Bo: "Bo",
    });
  });

  it("adds the email to a full name only where two people share it", () => {
    const labels = distinctNames([
      { id: "1", name: "Ana", email: "ana@a.test" },
      { id: "2", name: "ana", email: "ana@b.test" },
      { id: "3", name: "Ana Torres", email: "torres@a.test" },
    ]);
    expect([...labels.values()]).toEqual(["Ana (ana@a.test)", "ana (ana@b.test)", "Ana Torres"]);
  });
});
