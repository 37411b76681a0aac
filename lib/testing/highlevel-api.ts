import type { ScheduledSends, StubAnswer } from "./highlevel-api-answer";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerContacts, type ContactsStandIn, contactsStandIn } from "./highlevel-api-contacts";
import { answerTemplates, type TemplatesStandIn, templatesStandIn } from "./highlevel-api-templates";
import { answerCancelSchedule, CANCEL_SCHEDULE_PATH } from "./highlevel-api-schedule";
import { answerUser } from "./highlevel-api-users";
import { answerUpload, type SeenUpload, UPLOAD_PATH } from "./highlevel-api-uploads";

const USER_PATH = /^\/users\/[^/]+$/;

// A stand-in for HighLevel's API on 127.0.0.1 that answers GET /opportunities/pipelines as the
// documented API does (and GET …/messages/{id}/transcription, and POST /conversations/messages:
// any message is accepted, one with a scheduledTimestamp is held as scheduled, and DELETE
// /conversations/messages[/email]/{id}/schedule cancels it; POST /conversations/messages/upload
// takes a file: ./highlevel-api-uploads.ts), and records what each request carried (to assert
// headers and body).
// A test queues the answers it wants; when the queue is empty the location's pipelines answer.
// Run as its own process for the browser suite (e2e/highlevel-api-server.ts) it knows only the
// locations a spec told it about, and a spec tells it over HTTP (PUT /stand-in/…, below).

export interface SeenRequest {
  method: string;
  path: string;
  locationId: string | null;
  authorization: string | undefined;
  version: string | undefined;
  /** A POST's or PUT's JSON body. */
  body?: unknown;
}

export type { StubAnswer } from "./highlevel-api-answer";

export interface HighLevelApiStub {
  url: string;
  seen: SeenRequest[];
  /** The pipelines each location has (what a 200 answers). */
  pipelines: Map<string, unknown[]>;
  /** Each message's transcription sentences by "locationId/messageId" (what a 200 answers; none: 404). */
  transcriptions: Map<string, unknown[]>;
  /** Answers to give before the normal one, in order (a 429, a 401, …). */
  queue: StubAnswer[];
  /** Answers to give the next sends (POST /conversations/messages) only, in order. */
  sendQueue: StubAnswer[];
  /** Messages sent through POST /conversations/messages, in order, each with the id it was given. */
  sent: Array<{ messageId: string; body: Record<string, unknown> }>;
  /** Sends still held for later (a scheduledTimestamp), by message id, with their email id (emails). */
  scheduled: ScheduledSends;
  /** Ids whose schedule was cancelled (the message id, or the email id for an email), in order. */
  cancelled: string[];
  /** Runs after a send is recorded and before it is answered (a test posts the echo webhook first). */
  beforeSendAnswer: ((sent: { messageId: string; body: Record<string, unknown> }) => Promise<void>) | null;
  /** Files posted to POST /conversations/messages/upload, as they came (./highlevel-api-uploads.ts). */
  uploads: SeenUpload[];
  /** Answers to give the next uploads only, in order. */
  uploadQueue: StubAnswer[];
  /** GET /users/ and PUT /contacts/{id} (./highlevel-api-contacts.ts). */
  contacts: ContactsStandIn;
  /** GET /locations/{id}/templates (./highlevel-api-templates.ts). */
  templates: TemplatesStandIn;
  close: () => Promise<void>;
}

export interface StubOptions {
  /** 0 (the default): any free port. */
  port?: number;
  /** A location with no pipelines and no transcriptions set answers 404, as a path HighLevel lacks. */
  knownLocationsOnly?: boolean;
  /**
   * Lets another process set answers: PUT /stand-in/transcriptions/{locationId}/{messageId} with
   * the sentences as JSON, PUT /stand-in/pipelines/{locationId} with the pipelines; GET /stand-in
   * answers 200 once listening.
   */
  remoteControl?: boolean;
}

const CONTROL = /^\/stand-in\/(transcriptions|pipelines)\/([^/]+)(?:\/([^/]+))?$/;

/** Takes a PUT /stand-in/… request's JSON body into the maps; false when it is no such request. */
async function control(
  req: http.IncomingMessage,
  path: string,
  maps: Pick<HighLevelApiStub, "pipelines" | "transcriptions" | "sendQueue">,
): Promise<boolean> {
  if (path === "/stand-in" && req.method === "GET") return true;
  if (path === "/stand-in/send-queue" && req.method === "PUT") {
    maps.sendQueue.push(...((await readJsonBody(req)) as StubAnswer[]));
    return true;
  }
  const match = CONTROL.exec(path);
  if (!match || req.method !== "PUT") return false;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[];
  const [, kind, locationId, messageId] = match;
  if (kind === "pipelines") maps.pipelines.set(decodeURIComponent(locationId!), body);
  else if (messageId)
    maps.transcriptions.set(`${decodeURIComponent(locationId!)}/${decodeURIComponent(messageId)}`, body);
  else return false;
  return true;
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}

let sends = 0;

/**
 * "Send a new message" as HighLevel answers it: the new message's id and its conversation's (and
 * for an email its email id). One with a scheduledTimestamp is held until cancelled.
 */
async function acceptSend(
  body: Record<string, unknown>,
  stub: Pick<HighLevelApiStub, "sent" | "scheduled" | "beforeSendAnswer">,
): Promise<StubAnswer> {
  const messageId = `hl-msg-${++sends}-${Date.now()}`;
  const emailMessageId = body.type === "Email" ? `hl-email-${sends}` : null;
  const record = { messageId, body };
  stub.sent.push(record);
  if (typeof body.scheduledTimestamp === "number")
    stub.scheduled.set(messageId, { scheduledTimestamp: body.scheduledTimestamp, emailMessageId });
  await stub.beforeSendAnswer?.(record);
  return {
    status: 200,
    body: {
      conversationId: `hl-conv-${String(body.contactId)}`,
      messageId,
      ...(emailMessageId ? { emailMessageId } : {}),
      msg: "Message queued successfully.",
    },
  };
}

export async function startHighLevelApiStub(options: StubOptions = {}): Promise<HighLevelApiStub> {
  const seen: SeenRequest[] = [];
  const pipelines = new Map<string, unknown[]>();
  const transcriptions = new Map<string, unknown[]>();
  const queue: StubAnswer[] = [];
  const sent: HighLevelApiStub["sent"] = [];
  const sendQueue: StubAnswer[] = [];
  const scheduled: HighLevelApiStub["scheduled"] = new Map();
  const cancelled: string[] = [];
  const uploads: SeenUpload[] = [];
  const uploadQueue: StubAnswer[] = [];
  const stub = { beforeSendAnswer: null as HighLevelApiStub["beforeSendAnswer"] };
  const contacts = contactsStandIn();
  const templates = templatesStandIn();
  const known = (locationId: string | null | undefined) =>
    !options.knownLocationsOnly ||
    (!!locationId &&
      (pipelines.has(locationId) || [...transcriptions.keys()].some((key) => key.startsWith(`${locationId}/`))));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (options.remoteControl && url.pathname.startsWith("/stand-in")) {
      const done = await control(req, url.pathname, { pipelines, transcriptions, sendQueue }).catch(() => false);
      res.writeHead(done ? 200 : 400, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: done }));
      return;
    }
    const locationId = url.searchParams.get("locationId");
    if (req.method === "POST" && url.pathname === UPLOAD_PATH) {
      // Multipart, not JSON: recorded in `uploads` (and in `seen`, as every request is).
      const answer = await answerUpload(req, { uploads, uploadQueue });
      const upload = uploads.at(-1);
      seen.push({
        method: "POST",
        path: url.pathname,
        locationId: upload?.locationId ?? null,
        authorization: req.headers.authorization,
        version: req.headers.version as string | undefined,
      });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body ?? {}));
      return;
    }
    const body = req.method === "POST" || req.method === "PUT" ? await readJsonBody(req) : undefined;
    seen.push({
      method: req.method ?? "GET",
      path: url.pathname,
      locationId,
      authorization: req.headers.authorization,
      version: req.headers.version as string | undefined,
      body,
    });
    const templateAnswer = answerTemplates(templates, {
      method: req.method ?? "GET",
      url,
      authorization: req.headers.authorization,
    });
    if (templateAnswer) {
      res.writeHead(templateAnswer.status, { "content-type": "application/json", ...templateAnswer.headers });
      res.end(JSON.stringify(templateAnswer.body ?? {}));
      return;
    }
    const contactAnswer = answerContacts(contacts, {
      method: req.method ?? "GET",
      url,
      authorization: req.headers.authorization,
      body,
    });
    if (contactAnswer) {
      res.writeHead(contactAnswer.status, { "content-type": "application/json", ...contactAnswer.headers });
      res.end(JSON.stringify(contactAnswer.body ?? {}));
      return;
    }
    const userAnswer = USER_PATH.test(url.pathname)
      ? (queue.shift() ??
        answerUser(contacts.users, { method: req.method ?? "GET", url, authorization: req.headers.authorization }))
      : null;
    if (userAnswer) {
      res.writeHead(userAnswer.status, { "content-type": "application/json", ...userAnswer.headers });
      res.end(JSON.stringify(userAnswer.body ?? {}));
      return;
    }
    if (req.method === "POST" && url.pathname === "/conversations/messages") {
      const answer =
        sendQueue.shift() ??
        (await acceptSend(body as Record<string, unknown>, {
          sent,
          scheduled,
          beforeSendAnswer: stub.beforeSendAnswer,
        }));
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body ?? {}));
      return;
    }
    if (req.method === "DELETE" && CANCEL_SCHEDULE_PATH.test(url.pathname)) {
      const answer =
        queue.shift() ??
        answerCancelSchedule({ scheduled, cancelled }, { url, authorization: req.headers.authorization });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body ?? {}));
      return;
    }
    const transcription = /^\/conversations\/locations\/([^/]+)\/messages\/([^/]+)\/transcription$/.exec(url.pathname);
    const answer: StubAnswer =
      queue.shift() ??
      (!known(transcription ? transcription[1] : locationId)
        ? { status: 404, body: { message: "Not found" } }
        : transcription
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    pipelines,
    transcriptions,
    queue,
    sendQueue,
    sent,
    scheduled,
    cancelled,
    uploads,
    uploadQueue,
    contacts,
    templates,
    get beforeSendAnswer() {
      return stub.beforeSendAnswer;
    },
    set beforeSendAnswer(hook) {
      stub.beforeSendAnswer = hook;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
