import { z } from "zod";
import { HttpError } from "@/lib/http/errors";

// Keyset cursors: the sort key of the last row served, opaque to clients (base64url JSON).

const cursorSchema = z.object({
  at: z.string().datetime({ offset: true }),
  id: z.string().min(1),
  dir: z.enum(["older", "newer"]).optional(),
});
export type Cursor = { at: Date; id: string; dir?: "older" | "newer" };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id, dir: cursor.dir })).toString(
    "base64url",
  );
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id, dir: parsed.dir };
  } catch {
    throw new HttpError(400, "cursor is not one this API issued");
  }
}
