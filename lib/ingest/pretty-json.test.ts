import { describe, expect, it } from "vitest";
import { indentJson, readablePayload } from "./pretty-json";

describe("indentJson", () => {
  it.each([
    ['{"a":1,"b":[1,2,{"c":"x"}],"d":{},"e":[],"f":null,"g":true}'],
    ['[{"k": "v, with: punctuation {[\\"quoted\\"]}"}, -1.5]'],
    ['  { "nested" : { "deeper" : [ [ ], { } , "é" ] } }  '],
    ['"just a string"'],
    ["42"],
  ])("lays out %s as JSON.stringify(…, null, 2) does", (text) => {
    expect(indentJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it("keeps what re-serialising would change: big numbers, escapes, duplicate keys", () => {
    const text = '{"id":12345678901234567890,"nul":"a\\u0000b","dup":1,"dup":2}';
    expect(indentJson(text)).toBe(
      '{\n  "id": 12345678901234567890,\n  "nul": "a\\u0000b",\n  "dup": 1,\n  "dup": 2\n}',
    );
  });
});

describe("readablePayload", () => {
  it("shows text that is not JSON as it is", () => {
    expect(readablePayload(Buffer.from("{not json"))).toEqual({ payload: "{not json", payloadIsJson: false });
  });
});
