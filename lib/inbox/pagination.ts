import { z } from "zod";
import { isoOrNull } from "@/lib/db/dates";
import { HttpError } from "@/lib/http/errors";

// Keyset cursors: the sort key of the last row served, opaque to clients (base64url JSON).

const cursorSchema = z.object({
  at: z.string().datetime({ offset: true }),
  id: z.string().min(1),
  dir: z.enum(["older", "newer"]).optional(),
});
export type Cursor = { at: Date; id: string; dir?: "older" | "newer" };

// A stored time past what JavaScript can hold (year 10000 and later: an Invalid Date from the
// driver) pages as the last moment of year 9999, so the next page carries on below it.
const LAST_SHOWABLE = "9999-12-31T23:59:59.999Z";

export function encodeCursor(cursor: Cursor): string {
  const at = isoOrNull(cursor.at) ?? LAST_SHOWABLE;
  return Buffer.from(JSON.stringify({ at, id: cursor.id, dir: cursor.dir })).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id, dir: parsed.dir };
  } catch {
    throw new HttpError(400, "cursor is not one this API issued");
  }
}
