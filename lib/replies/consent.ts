import type { RootDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentFacts } from "@/lib/providers/contract";
import { CONSENT_CHANNELS, type Channel, type ConsentBasis, type ConsentChannel } from "@/lib/vocabulary";
import { keywordConsent } from "./consent-keywords";

// Whether the business may write to a customer on each channel, and if not, why, in the words the
// composer shows before anyone types and the send route refuses with. Stored per customer, channel
// and basis (HighLevel's DND for the channel, its DND on every channel, a keyword the customer
// wrote): each basis is set and lifted only by its own kind of event, at the provider's time of
// it, so an older event never overrides a newer one and HighLevel switching a DND off never lifts
// a STOP the customer wrote (only their START does).

type Tx = Prisma.TransactionClient;

export interface ChannelConsent {
  allowed: boolean;
  /** Why not, as the composer shows it and the send route refuses; null when allowed. */
  reason: string | null;
  /** When it became so (the provider's time); null when nothing was ever said. */
  since: string | null;
}
export type CustomerConsent = Record<ConsentChannel, ChannelConsent>;

/** Sets or lifts blocks; a change older than the one stored for its channel and basis is dropped. */
export async function applyConsentChanges(
  tx: Tx,
  accountId: string,
  customerId: string,
  changes: ConsentFacts["changes"],
  at: Date,
): Promise<void> {
  // One row per channel and basis (ON CONFLICT may touch a row once per statement): the last wins.
  const unique = new Map(changes.map((change) => [`${change.channel}:${change.basis}`, change]));
  if (unique.size === 0) return;
  const rows = [...unique.values()].map(
    (c) => Prisma.sql`(${customerId}, ${accountId}, ${c.channel}, ${c.basis}, ${c.blocked}, ${c.detail}, ${at})`,
  );
  await tx.$executeRaw`
    INSERT INTO customer_consents AS c (customer_id, account_id, channel, basis, blocked, detail, since)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (customer_id, channel, basis) DO UPDATE
      SET blocked = EXCLUDED.blocked, detail = EXCLUDED.detail, since = EXCLUDED.since, updated_at = now()
      WHERE c.since <= EXCLUDED.since`;
}

/** A customer's message whose whole text is STOP (or START…) blocks (or lifts) its channel; true if it was one. */
export async function applyKeywordConsent(
  tx: Tx,
  accountId: string,
  customerId: string,
  message: { channel: Channel; body: string | null; sentAt: Date },
): Promise<boolean> {
  const said = keywordConsent(message.channel, message.body);
  if (!said) return false;
  const change = { channel: said.channel, basis: "keyword" as const, blocked: said.blocked, detail: said.keyword };
  await applyConsentChanges(tx, accountId, customerId, [change], message.sentAt);
  return true;
}

const CHANNEL_NAMES: Record<ConsentChannel, string> = {
  sms: "SMS",
  email: "email",
  whatsapp: "WhatsApp",
  facebook: "Facebook",
  instagram: "Instagram",
  gmb: "Google Business",
  live_chat: "live chat",
  call: "calls",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "4 Dec", or "4 Dec 2025" in another year (UTC: the same words on every server and client). */
export function consentDay(date: Date, now: Date = new Date()): string {
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return date.getUTCFullYear() === now.getUTCFullYear() ? day : `${day} ${date.getUTCFullYear()}`;
}

interface Block {
  basis: ConsentBasis;
  detail: string | null;
  since: Date;
}

/** "This customer has opted out of SMS (texted STOP on 4 Dec)" and the like. */
export function consentReason(channel: ConsentChannel, block: Block, now: Date = new Date()): string {
  const name = CHANNEL_NAMES[channel];
  const day = consentDay(block.since, now);
  if (block.basis === "keyword") {
    const verb = channel === "sms" || channel === "whatsapp" ? "texted" : "wrote";
    return `This customer has opted out of ${name} (${verb} ${block.detail ?? "STOP"} on ${day})`;
  }
  const permanent = block.detail === "permanent" ? "permanent, " : "";
  if (block.basis === "dnd")
    return `Do Not Disturb is on for ${name} for this customer in HighLevel (${permanent}since ${day})`;
  return `Do Not Disturb is on for every channel for this customer in HighLevel (since ${day})`;
}

/** The reason shown when several stand: the customer's own words, then HighLevel's per-channel DND. */
const SHOWN_FIRST: readonly ConsentBasis[] = ["keyword", "dnd", "dnd_all"];

const ALLOWED: ChannelConsent = { allowed: true, reason: null, since: null };

/** Every channel's consent for one customer: allowed unless a block stands. */
export async function customerConsent(
  db: RootDb,
  customerId: string,
  now: Date = new Date(),
): Promise<CustomerConsent> {
  const rows = await db.customerConsent.findMany({ where: { customerId } });
  const consent = Object.fromEntries(CONSENT_CHANNELS.map((channel) => [channel, ALLOWED])) as CustomerConsent;
  for (const channel of CONSENT_CHANNELS) {
    const mine = rows.filter((row) => row.channel === channel);
    if (mine.length === 0) continue;
    const block = SHOWN_FIRST.map((basis) => mine.find((row) => row.basis === basis && row.blocked)).find(
      (row) => row !== undefined,
    );
    if (block) {
      const basis = block.basis as ConsentBasis;
      const reason = consentReason(channel, { basis, detail: block.detail, since: block.since }, now);
      consent[channel] = { allowed: false, reason, since: block.since.toISOString() };
    } else {
      const latest = Math.max(...mine.map((row) => row.since.getTime()));
      consent[channel] = { allowed: true, reason: null, since: new Date(latest).toISOString() };
    }
  }
  return consent;
}
