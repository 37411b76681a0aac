import { GET as getRoute, PUT as putRoute } from "@/app/api/profile/route";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The profile route's real handlers (a person's own settings: the email signature).

export const getProfile = (as: Credentials) =>
  callRoute(getRoute, { method: "GET", url: "/api/profile", id: "", headers: as });
export const putProfile = (as: Credentials, body: unknown) =>
  callRoute(putRoute, { method: "PUT", url: "/api/profile", id: "", headers: as, body });
