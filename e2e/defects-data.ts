// Issue #12's conversations (see 14-inbox-defects.spec.ts), posted as signed webhooks by the specs.

import { locationMessage } from "./data";

const LOCATION = "loc-e2e-defects";
export const at = (hour: number, minute = 0) => new Date(Date.UTC(2025, 9, 20, hour, minute)).toISOString();

export function contact(id: string, firstName: string, lastName: string) {
  return { type: "ContactCreate", locationId: LOCATION, id, firstName, lastName, phone: "+14155550199" };
}

export const message = (id: string, contactId: string, fields: Record<string, unknown>) =>
  locationMessage(LOCATION, id, contactId, fields);

/**
 * Otto's conversation: every call outcome, two recordings, SMS both ways, newest a busy call.
 * Recordings are app-relative, as the demo writes them (/api/demo-media answers signed-in viewers only).
 */
export function ottoEvents() {
  return [
    { ...contact("otto", "Otto", "Outcomes"), source: "Website" },
    message("otto-1", "otto", { messageType: "SMS", body: "Can I book a cleaning?", dateAdded: at(9) }),
    message("otto-2", "otto", {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "completed",
      callDuration: 174,
      attachments: ["/api/demo-media/recording-174s-otto.wav"],
      dateAdded: at(10),
    }),
    message("otto-3", "otto", {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "no-answer",
      callDuration: 0,
      dateAdded: at(11),
    }),
    message("otto-4", "otto", {
      messageType: "SMS",
      direction: "outbound",
      body: "We have a slot on Tuesday",
      dateAdded: at(12),
    }),
    message("otto-5", "otto", {
      messageType: "CALL",
      status: "voicemail",
      callStatus: "voicemail",
      callDuration: 40,
      attachments: ["/api/demo-media/voicemail-40s-otto.wav"],
      dateAdded: at(13),
    }),
    message("otto-6", "otto", {
      messageType: "CALL",
      status: "completed",
      callStatus: "busy",
      callDuration: 0,
      dateAdded: at(14),
    }),
  ];
}

/** Three conversations whose newest message is inbound, so they count as unread. */
export function unreadEvents() {
  return ["Ursula", "Ulrich", "Uma"].flatMap((first, index) => [
    contact(`unread-${index}`, first, "Unread"),
    message(`unread-${index}-1`, `unread-${index}`, {
      messageType: "SMS",
      body: `Hello from ${first}`,
      dateAdded: at(15, index),
    }),
  ]);
}
