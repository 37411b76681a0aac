import type { RootDb } from "@/lib/db/client";
import { consentDay } from "./consent";

// WhatsApp lets a business write freely only within 24 hours of the customer's last WhatsApp
// message (its "customer service window"); after that, only an approved template, until the
// customer writes again. Counted from the provider's time of their newest inbound WhatsApp
// message in any of their conversations in the account.

export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

export interface WhatsAppWindow {
  open: boolean;
  /** The customer's last WhatsApp message, or null when they never wrote on WhatsApp. */
  lastInboundAt: string | null;
  /** When free text stops being allowed (null: it already is not). */
  closesAt: string | null;
}

export async function whatsAppWindow(db: RootDb, customerId: string, now: Date = new Date()): Promise<WhatsAppWindow> {
  const last = await db.message.findFirst({
    where: { conversation: { customerId }, channel: "whatsapp", direction: "inbound" },
    orderBy: { sentAt: "desc" },
    select: { sentAt: true },
  });
  const closes = last ? last.sentAt.getTime() + WHATSAPP_WINDOW_MS : null;
  const open = closes !== null && closes > now.getTime();
  return {
    open,
    lastInboundAt: last?.sentAt.toISOString() ?? null,
    closesAt: open && closes !== null ? new Date(closes).toISOString() : null,
  };
}

/** Why free text cannot go on WhatsApp at `at`, in the words the composer and the send route use. */
export function whatsAppWindowProblem(window: WhatsAppWindow, at: Date, now: Date = new Date()): string | null {
  if (window.closesAt && new Date(window.closesAt).getTime() > at.getTime()) return null;
  if (!window.lastInboundAt)
    return "This customer hasn't written on WhatsApp: WhatsApp allows only an approved template until they do";
  if (window.closesAt)
    return `The WhatsApp 24-hour window closes before then (at ${window.closesAt.slice(11, 16)} UTC on ${consentDay(new Date(window.closesAt), now)}): only an approved template can go then`;
  return (
    `More than 24 hours have passed since the customer last wrote on WhatsApp (${consentDay(new Date(window.lastInboundAt), now)}): ` +
    "WhatsApp allows only an approved template until they write again"
  );
}
