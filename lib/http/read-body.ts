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

/** Parses JSON or answers 400 saying why. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new HttpError(400, "body is empty; expected JSON");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `body is not valid JSON: ${(error as Error).message}`);
  }
}
