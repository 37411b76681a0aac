import { GET as matchingRoute } from "@/app/api/bulk-actions/matching/route";
import { POST as bulkRoute } from "@/app/api/bulk-actions/route";
import { POST as undoRoute } from "@/app/api/bulk-actions/[id]/undo/route";
import type { BulkActionResult } from "@/lib/bulk-actions/create";
import type { BulkUndoResult } from "@/lib/bulk-actions/undo";
import type { Credentials, ErrorBody } from "./read-api";
import { callRoute } from "./route-call";

// The bulk-action routes' real handlers (apply, undo, count "all matching").

export const bulk = (body: unknown, as: Credentials) =>
  callRoute<{ bulkAction: BulkActionResult } & ErrorBody>(bulkRoute, {
    method: "POST",
    url: "/api/bulk-actions",
    id: "",
    headers: as,
    body,
  });

export const undoBulk = (id: string, as: Credentials) =>
  callRoute<BulkUndoResult & ErrorBody>(undoRoute, {
    method: "POST",
    url: `/api/bulk-actions/${id}/undo`,
    id,
    headers: as,
  });

export const countMatchingForBulk = (query: string, as: Credentials) =>
  callRoute<{ count: number; capped: boolean; max: number } & ErrorBody>(matchingRoute, {
    method: "GET",
    url: `/api/bulk-actions/matching?query=${encodeURIComponent(query)}`,
    id: "",
    headers: as,
  });
