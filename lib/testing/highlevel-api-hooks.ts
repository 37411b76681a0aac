import { afterAll, beforeAll, beforeEach } from "vitest";
import { type HighLevelApiStub, startHighLevelApiStub } from "./highlevel-api";

// Apart from highlevel-api.ts: the Playwright suite's stand-in server imports that file, and it
// must not load vitest.

/**
 * Starts the stand-in for HighLevel's API for one test file and points the app at it
 * (HIGHLEVEL_API_URL, restored afterwards). Returns the running stub, to call inside tests.
 */
export function highLevelApiStubForFile(urlSuffix = ""): () => HighLevelApiStub {
  let stub: HighLevelApiStub | undefined;
  const previousUrl = process.env.HIGHLEVEL_API_URL;
  beforeAll(async () => {
    stub = await startHighLevelApiStub();
    process.env.HIGHLEVEL_API_URL = `${stub.url}${urlSuffix}`;
  });
  afterAll(async () => {
    process.env.HIGHLEVEL_API_URL = previousUrl;
    await stub?.close();
  });
  beforeEach(() => {
    // Each test starts with the stand-in as new: nothing seen, sent or queued, no hook.
    if (!stub) return;
    for (const list of [
      stub.seen,
      stub.sent,
      stub.queue,
      stub.sendQueue,
      stub.cancelled,
      stub.uploads,
      stub.uploadQueue,
    ])
      list.length = 0;
    stub.scheduled.clear();
    stub.beforeSendAnswer = null;
    stub.contacts.reset();
    stub.templates.reset();
  });
  return () => {
    if (!stub) throw new Error("the HighLevel API stand-in starts in beforeAll");
    return stub;
  };
}
