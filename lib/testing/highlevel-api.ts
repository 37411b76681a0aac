import http from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for HighLevel's API on 127.0.0.1 that answers GET /opportunities/pipelines as the
// documented API does (and GET …/messages/{id}/transcription), and records what each request carried (to assert headers and query).
// A test queues the answers it wants; when the queue is empty the location's pipelines answer.

export interface SeenRequest {
  path: string;
  locationId: string | null;
  authorization: string | undefined;
  version: string | undefined;
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HighLevelApiStub {
  url: string;
  seen: SeenRequest[];
  /** The pipelines each location has (what a 200 answers). */
  pipelines: Map<string, unknown[]>;
  /** Each message's transcription sentences by "locationId/messageId" (what a 200 answers; none: 404). */
  transcriptions: Map<string, unknown[]>;
  /** Answers to give before the normal one, in order (a 429, a 401, …). */
  queue: StubAnswer[];
  close: () => Promise<void>;
}

export async function startHighLevelApiStub(): Promise<HighLevelApiStub> {
  const seen: SeenRequest[] = [];
  const pipelines = new Map<string, unknown[]>();
  const transcriptions = new Map<string, unknown[]>();
  const queue: StubAnswer[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const locationId = url.searchParams.get("locationId");
    seen.push({
      path: url.pathname,
      locationId,
      authorization: req.headers.authorization,
      version: req.headers.version as string | undefined,
    });
    const transcription = /^\/conversations\/locations\/([^/]+)\/messages\/([^/]+)\/transcription$/.exec(url.pathname);
    const answer: StubAnswer =
      queue.shift() ??
      (transcription
        ? !req.headers.authorization?.startsWith("Bearer ")
          ? { status: 401, body: { statusCode: 401, message: "Invalid JWT" } }
          : transcriptions.has(`${transcription[1]}/${transcription[2]}`)
            ? { status: 200, body: transcriptions.get(`${transcription[1]}/${transcription[2]}`) }
            : { status: 404, body: { statusCode: 404, message: "Transcription not found" } }
        : url.pathname !== "/opportunities/pipelines"
          ? { status: 404, body: { message: "Not found" } }
          : !req.headers.authorization?.startsWith("Bearer ")
            ? { status: 401, body: { statusCode: 401, message: "Invalid JWT" } }
            : !locationId
              ? { status: 422, body: { statusCode: 422, message: ["locationId should not be empty"] } }
              : { status: 200, body: { pipelines: pipelines.get(locationId) ?? [] } });
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    pipelines,
    transcriptions,
    queue,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
