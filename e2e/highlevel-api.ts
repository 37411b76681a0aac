import { E2E_PORT } from "./run-paths";

// The suite's stand-in for HighLevel's API (./highlevel-api-server.ts, started by
// playwright.config.ts beside the app, whose HIGHLEVEL_API_URL points at it): where it listens,
// and how a spec tells it what HighLevel would answer for a location of its own.

export const HIGHLEVEL_API_PORT = E2E_PORT + 2;
export const HIGHLEVEL_API_URL = `http://127.0.0.1:${HIGHLEVEL_API_PORT}`;

/** A sentence as HighLevel's "Get transcription by Message ID" answers it (times in ms). */
export interface HighLevelSentence {
  mediaChannel: number;
  sentenceIndex: number;
  startTime: number;
  endTime: number;
  transcript: string;
  confidence: number;
}

async function put(path: string, body: unknown) {
  const response = await fetch(`${HIGHLEVEL_API_URL}${path}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the HighLevel stand-in refused ${path}: ${response.status}`);
}

/** The location's pipelines (an empty list is fine): the location becomes one the stand-in knows. */
export function setHighLevelPipelines(locationId: string, pipelines: unknown[] = []) {
  return put(`/stand-in/pipelines/${encodeURIComponent(locationId)}`, pipelines);
}

/** What GET …/locations/{locationId}/messages/{messageId}/transcription answers from now on. */
export function setHighLevelTranscription(locationId: string, messageId: string, sentences: HighLevelSentence[]) {
  return put(`/stand-in/transcriptions/${encodeURIComponent(locationId)}/${encodeURIComponent(messageId)}`, sentences);
}

/** What the stand-in answers the next sends (e.g. a 422: not delivered). */
export function queueSendAnswers(answers: Array<{ status: number; body?: unknown }>) {
  return put("/stand-in/send-queue", answers);
}
