import http from "node:http";

// Open /api/live streams the way browsers hold them: one signed-in GET each, kept open, its
// events read and counted (a stream nobody reads would stall on back-pressure and cost the
// server less than a real one).

export async function signIn(baseUrl: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export interface LiveStreams {
  /** Streams still open now. */
  open(): number;
  /** Server-sent events (nudges: "conversations" batches and "resync") received over all streams since they opened. */
  events(): number;
  close(): Promise<void>;
}

function openOne(
  url: URL,
  cookie: string,
  onEvents: (count: number) => void,
  onEnd: () => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    // agent: false: a connection of its own per stream, as 500 browsers would have.
    const request = http.get(url, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`/api/live answered ${response.statusCode}`));
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => onEvents(chunk.match(/^event: /gm)?.length ?? 0));
      response.on("error", () => undefined); // "aborted" when we or the server hang up: the close below counts it
      response.on("close", onEnd);
      resolve(request);
    });
    request.on("error", reject); // before the response: the stream never opened
  });
}

/** Opens `count` streams, `parallel` at a time, and resolves once every one has its 200. */
export async function openLiveStreams(
  baseUrl: string,
  cookie: string,
  count: number,
  parallel = 50,
): Promise<LiveStreams> {
  const url = new URL("/api/live", baseUrl);
  const requests: http.ClientRequest[] = [];
  let open = 0;
  let events = 0;
  for (let offset = 0; offset < count; offset += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - offset) }, () =>
      openOne(
        url,
        cookie,
        (n) => (events += n),
        () => open--,
      ).then((request) => {
        open++;
        requests.push(request);
      }),
    );
    await Promise.all(batch);
  }
  return {
    open: () => open,
    events: () => events,
    close: async () => {
      for (const request of requests) request.destroy();
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}
