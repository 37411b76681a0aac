import type { z } from "zod";
import { HttpError } from "./errors";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Reads a request body, refusing (413) as soon as it passes the limit rather than after buffering it all. */
export async function readBodyBytes(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new HttpError(413, `body is ${declared} bytes; the limit is ${limit}`);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `body is over the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON text or answers 400 saying why. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw new HttpError(400, "body is empty; expected JSON");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `body is not valid JSON: ${(error as Error).message}`);
  }
}

// A form's JSON is small; anything larger is not one of ours.
const MAX_REQUEST_JSON_BYTES = 64 * 1024;

/**
 * 400 for a NUL ("\u0000") in any string or key: valid JSON, but PostgreSQL text cannot hold it,
 * and it reached a query as a 500 (the write-route fuzz found it in a bulk action's ids). Walked
 * without recursion: 64 KiB of JSON nests deeper than the stack goes.
 */
function rejectNulStrings(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (current.includes("\u0000")) throw new HttpError(400, "the body contains a NUL character (\\u0000)");
    } else if (current && typeof current === "object") {
      for (const [key, child] of Object.entries(current)) pending.push(key, child);
    }
  }
}

/** The one way a route reads a JSON body: size-limited, parsed (400 if not JSON), then validated (400 naming the field). */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const body = await readBodyBytes(request, MAX_REQUEST_JSON_BYTES);
  const parsed = parseJsonText(body.toString("utf8"));
  rejectNulStrings(parsed);
  return schema.parse(parsed);
}
