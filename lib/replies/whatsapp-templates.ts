import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { HighLevelApiError } from "@/lib/providers/highlevel/api/client";
import { takeHighLevelToken } from "@/lib/providers/highlevel/api/rate-limit";
import { fetchWhatsAppTemplates, type WhatsAppTemplate } from "@/lib/providers/highlevel/api/templates";
import { TOKEN_NEEDED } from "./options";

// A location's approved WhatsApp templates, asked of HighLevel with the account's token and kept
// for a minute per process: the composer's picker and the send route's check ask again and again,
// and a template approved in HighLevel shows within a minute. A failure is not kept.

const FRESH_MS = 60_000;
const cache = new Map<string, { at: number; templates: WhatsAppTemplate[] }>();

export const TEMPLATES_SCOPE_MISSING =
  "Your HighLevel token can't read templates — add the locations/templates.readonly scope in Settings";

/** Forgets what was fetched (tests; a token that changed). */
export function forgetWhatsAppTemplates(accountId?: string): void {
  if (accountId) cache.delete(accountId);
  else cache.clear();
}

function explain(error: unknown): string {
  if (!(error instanceof HighLevelApiError)) throw error;
  if (error.status === 403) return TEMPLATES_SCOPE_MISSING;
  return error.message;
}

/** The templates, or a 4xx/5xx HttpError that says why they cannot be had now. */
export async function whatsAppTemplates(account: { id: string; externalId: string }): Promise<WhatsAppTemplate[]> {
  const kept = cache.get(account.id);
  if (kept && Date.now() - kept.at < FRESH_MS) return kept.templates;
  const token = await highLevelTokenOf(account.id);
  if (!token) throw new HttpError(409, TOKEN_NEEDED);
  const slot = await takeHighLevelToken(await getPrisma(), account.externalId);
  if (!slot.taken)
    throw new HttpError(
      503,
      `HighLevel's limit of requests for this location is used up; try again in ${Math.ceil(slot.waitMs / 1000)} s`,
    );
  try {
    // One quick retry at most: a person is waiting for the picker.
    const templates = await fetchWhatsAppTemplates(account.externalId, { token, backoffMs: () => 250 });
    cache.set(account.id, { at: Date.now(), templates });
    return templates;
  } catch (error) {
    throw new HttpError(502, `Couldn't get the WhatsApp templates from HighLevel: ${explain(error)}`);
  }
}
