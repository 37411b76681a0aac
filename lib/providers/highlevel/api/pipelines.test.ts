import { beforeEach, describe, expect, it } from "vitest";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { HighLevelApiError } from "./client";
import { fetchPipelines } from "./pipelines";

// The client against a local server that answers as HighLevel's API does: what is retried,
// what is not, and that no error carries the token.

const TOKEN = "pit-client-test-token-123";
const fast = () => 1;
const api = highLevelApiStubForFile("/"); // a trailing slash is forgiven
beforeEach(() => {
  api().seen.length = 0;
  api().queue.length = 0;
  api().pipelines.set("loc-1", [{ id: "p1", name: "Sales", stages: [{ id: "s1", name: "New", position: 0 }] }]);
});

const fetchLoc1 = () => fetchPipelines("loc-1", { token: TOKEN, backoffMs: fast });

async function failure(): Promise<HighLevelApiError> {
  const error = await fetchLoc1().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HighLevelApiError);
  expect(String((error as Error).message)).not.toContain(TOKEN);
  return error as HighLevelApiError;
}

describe("HighLevel Get Pipelines client", () => {
  it("answers the pipelines with their stages", async () => {
    expect(await fetchLoc1()).toEqual([{ id: "p1", name: "Sales", stages: [{ id: "s1", name: "New", position: 0 }] }]);
    expect(api().seen[0]?.path).toBe("/opportunities/pipelines");
  });

  it("retries 5xx and 429 until a 200, up to four tries", async () => {
    api().queue.push({ status: 502 }, { status: 503 }, { status: 429 });
    expect(await fetchLoc1()).toHaveLength(1);
    expect(api().seen).toHaveLength(4);

    api().seen.length = 0;
    api().queue.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await failure()).status).toBe(500);
    expect(api().seen).toHaveLength(4);
  });

  it("does not retry 401, 403 or 404", async () => {
    for (const status of [401, 403, 404]) {
      api().seen.length = 0;
      api().queue.push({ status, body: { message: "no" } });
      expect((await failure()).status).toBe(status);
      expect(api().seen).toHaveLength(1);
    }
  });

  it("an answer of the wrong shape is an error that names the field, not a crash", async () => {
    api().queue.push({ status: 200, body: { pipelines: [{ id: "p1", stages: [] }] } });
    expect((await failure()).message).toMatch(/unexpected shape \(pipelines\.0\.name/);
  });
});
