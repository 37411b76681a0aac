import type { ConsentFacts } from "@/lib/providers/contract";
import { CONSENT_CHANNELS, type ConsentChannel } from "@/lib/vocabulary";
import type { ContactEvent } from "./schemas";

// HighLevel's Do Not Disturb, as contact payloads carry it (ContactDndUpdate, ContactCreate,
// ContactUpdate): `dnd` is DND on every channel, `dndSettings` DND per channel with a status of
// "active", "permanent" or "inactive". `inboundDndSettings` (HighLevel refusing the customer's
// own messages) says nothing about sending and is not read.

/** HighLevel's names of channels in dndSettings; IG is not in its docs but read if it comes. */
const DND_CHANNELS: Record<string, ConsentChannel> = {
  SMS: "sms",
  Email: "email",
  WhatsApp: "whatsapp",
  FB: "facebook",
  IG: "instagram",
  GMB: "gmb",
  Call: "call",
};

const BLOCKING = new Set(["active", "permanent"]);

/** The changes a contact payload makes to consent; null when it says nothing about DND. */
export function mapContactConsent(event: ContactEvent, versionAt: Date | null): ConsentFacts | null {
  const changes: ConsentFacts["changes"] = [];
  // HighLevel's docs for ContactDndUpdate: a missing `dnd` means false. Other contact events may
  // simply leave it out, so there only a value that is there counts.
  const dnd = event.type === "ContactDndUpdate" ? (event.dnd ?? false) : event.dnd;
  if (typeof dnd === "boolean")
    for (const channel of CONSENT_CHANNELS) changes.push({ channel, basis: "dnd_all", blocked: dnd, detail: null });
  for (const [name, setting] of Object.entries(event.dndSettings ?? {})) {
    const channel = DND_CHANNELS[name];
    const status = setting?.status?.trim().toLowerCase();
    // A status we do not know says nothing: neither blocks nor lifts.
    if (!channel || !status || (status !== "inactive" && !BLOCKING.has(status))) continue;
    changes.push({ channel, basis: "dnd", blocked: BLOCKING.has(status), detail: status });
  }
  return changes.length > 0 ? { customerExternalId: event.id, changes, versionAt } : null;
}
