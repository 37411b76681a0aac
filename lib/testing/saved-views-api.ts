import { DELETE as deleteRoute } from "@/app/api/saved-views/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/saved-views/route";
import type { SavedViewRow } from "@/lib/inbox/saved-views";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The saved-view routes' real handlers.

export const listSavedViews = (as: Credentials) =>
  callRoute<{ views: SavedViewRow[] }>(listRoute, { method: "GET", url: "/api/saved-views", id: "", headers: as });

export const saveView = (body: unknown, as: Credentials) =>
  callRoute<{ view: { id: string }; error?: string }>(createRoute, {
    method: "POST",
    url: "/api/saved-views",
    id: "",
    headers: as,
    body,
  });

export const deleteSavedView = (id: string, as: Credentials) =>
  callRoute(deleteRoute, { method: "DELETE", url: `/api/saved-views/${id}`, id, headers: as });
