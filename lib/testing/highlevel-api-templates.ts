// The stand-in's templates (lib/testing/highlevel-api.ts): GET /locations/{locationId}/templates
// answers the location's templates as "GET all or email/sms templates" does — `originId` is
// required, `type` filters — and a test queues other answers (a 401, a 500).

/** An answer as the stand-in sends it (its StubAnswer's shape, not imported: no import cycle). */
interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TemplatesStandIn {
  /** Each location's templates, as HighLevel lists them ({ id, name, type, template: { body } }). */
  byLocation: Map<string, Array<Record<string, unknown>>>;
  /** Answers to give the next template requests, in order, instead of the list. */
  queue: StubAnswer[];
  /** Each template request's path and query as sent ("/locations/…/templates?originId=…"). */
  requests: string[];
  reset(): void;
}

export function templatesStandIn(): TemplatesStandIn {
  const state: TemplatesStandIn = {
    byLocation: new Map(),
    queue: [],
    requests: [],
    reset() {
      state.byLocation.clear();
      state.queue.length = 0;
      state.requests.length = 0;
    },
  };
  return state;
}

const TEMPLATES = /^\/locations\/([^/]+)\/templates$/;

/** The answer to a templates request; null when the request is not one. */
export function answerTemplates(
  state: TemplatesStandIn,
  request: { method: string; url: URL; authorization: string | undefined },
): StubAnswer | null {
  const match = request.method === "GET" ? TEMPLATES.exec(request.url.pathname) : null;
  if (!match) return null;
  state.requests.push(`${request.url.pathname}${request.url.search}`);
  const queued = state.queue.shift();
  if (queued) return queued;
  if (!request.authorization?.startsWith("Bearer "))
    return { status: 401, body: { statusCode: 401, message: "Invalid JWT" } };
  if (!request.url.searchParams.get("originId"))
    return { status: 422, body: { statusCode: 422, message: ["originId should not be empty"] } };
  const type = request.url.searchParams.get("type");
  const all = state.byLocation.get(decodeURIComponent(match[1] ?? "")) ?? [];
  const templates = type ? all.filter((template) => template.type === type) : all;
  return { status: 200, body: { templates, totalCount: templates.length } };
}
