import { describe, expect, it } from "vitest";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { HighLevelApiError } from "./client";
import { fetchTranscription } from "./transcription";

// Issue #25, finding 14: the ids in a transcription request come from webhook payloads. An id of
// ".." made GET …/messages/../transcription, which URL parsing turns into another endpoint,
// fetched with the account's token. Now refused before anything is sent.

const api = highLevelApiStubForFile();
const request = { token: "pit-dot-segments", backoffMs: () => 1 };

describe("fetchTranscription and dot segments", () => {
  it.each([
    ["loc-1", ".."],
    ["loc-1", "."],
    ["..", "msg-1"],
  ])("refuses location %s, message %s, sending nothing", async (locationId, messageId) => {
    await expect(fetchTranscription(locationId, messageId, request)).rejects.toBeInstanceOf(HighLevelApiError);
    await expect(fetchTranscription(locationId, messageId, request)).rejects.toThrow(/dot segments/);
    expect(api().seen).toEqual([]);
  });

  it("still fetches ordinary ids, dots inside them included", async () => {
    api().transcriptions.set("loc-1/msg.1..2", [{ transcript: "Hello.", sentenceIndex: 1 }]);
    expect(await fetchTranscription("loc-1", "msg.1..2", request)).toMatchObject([{ text: "Hello." }]);
    expect(api().seen.map((seen) => seen.path)).toEqual([
      "/conversations/locations/loc-1/messages/msg.1..2/transcription",
    ]);
  });
});
