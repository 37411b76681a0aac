import path from "node:path";
import { postEvent, type PostOutcome } from "../lib/demo/post-events";
import { testSigningKeys } from "../lib/testing/signing";
import { OUTPUT_DIR } from "./run-paths";

// What the suite shares with the servers it starts (playwright.config.ts puts these in both
// environments): the administrator it signs in as, and the keys it signs webhooks with.

export const ADMIN_EMAIL = "admin@threadline.test";
export const ADMIN_PASSWORD =
  (process.env.E2E_ADMIN_PASSWORD ??= `e2e-${Math.random().toString(36).slice(2)}-${Date.now()}`);
export const ADMIN_STORAGE_STATE = path.join(OUTPUT_DIR, ".auth", "admin.json");

/** Posts a webhook as the provider would: signed with the keys the e2e servers trust. */
export function postSignedWebhook(
  baseUrl: string,
  provider: "highlevel" | "voxity",
  payload: Record<string, unknown>,
): Promise<PostOutcome> {
  return postEvent(baseUrl, { provider, payload }, testSigningKeys());
}
