import { DEMO_HIGHLEVEL_LOCATIONS } from "@/lib/demo-mode";
import { HOUR, type DemoEvent } from "./demo-event";

// Names a person recognises (issue #26, 8), in the demo:
// - the locations' business names, as HighLevel's LocationUpdate gives them (never "HighLevel
//   location loc-demo-miami");
// - two teammates with the same first name, Ana Ruiz and Ana Torres, both answering Miami's
//   customers: the reports tell them apart as "Ana R." and "Ana T.";
// - the same person twice is Daniel Kim of reply-scenarios.ts (a HighLevel contact and a Voxity
//   customer with one phone number): his panel says "Also in: Voxity · …" and suggests linking them.

export const DEMO_LOCATION_NAMES: Record<(typeof DEMO_HIGHLEVEL_LOCATIONS)[number], string> = {
  "loc-demo-miami": "Miami office",
  "loc-demo-tampa": "Tampa office",
};

/**
 * Voxity sends no name for an agent: the demo names its two agents' accounts as an owner would in
 * Settings' provider name, so "Also in: Voxity · Sales line" reads as a place, not an id.
 */
export const DEMO_VOXITY_NAMES: Record<string, string> = {
  "agent-demo-ana": "Front desk line",
  "agent-demo-luis": "Sales line",
};

/** HighLevel users of the Miami location who share a first name. */
export const DEMO_NAMESAKES = [
  { id: "user-ana", firstName: "Ana", lastName: "Ruiz", email: "ana.ruiz@sunsetdental.example" },
  { id: "user-ana-torres", firstName: "Ana", lastName: "Torres", email: "ana.torres@sunsetdental.example" },
] as const;

const MIAMI = DEMO_HIGHLEVEL_LOCATIONS[0];
const MINUTE = 60_000;

function locationNames(): DemoEvent[] {
  return DEMO_HIGHLEVEL_LOCATIONS.map((id) => ({
    provider: "highlevel",
    payload: { type: "LocationUpdate", id, companyId: "co-demo", name: DEMO_LOCATION_NAMES[id] },
  }));
}

/** Both Anas as HighLevel users, and a conversation each of them answered. */
function namesakes(now: number): DemoEvent[] {
  const events: DemoEvent[] = DEMO_NAMESAKES.map((user) => ({
    provider: "highlevel",
    payload: { type: "UserCreate", locationId: MIAMI, ...user },
  }));
  const customers = [
    { id: "ct-demo-namesake-1", first: "Rosa", last: "Mendez", phone: "+13055570011", user: DEMO_NAMESAKES[0] },
    { id: "ct-demo-namesake-2", first: "Tom", last: "Becker", phone: "+13055570012", user: DEMO_NAMESAKES[1] },
  ];
  customers.forEach((customer, index) => {
    const at = now - (6 + index) * HOUR;
    const conversationId = `conv-${customer.id}`;
    const message = (direction: "inbound" | "outbound", minutes: number, body: string) => ({
      provider: "highlevel" as const,
      payload: {
        type: direction === "inbound" ? "InboundMessage" : "OutboundMessage",
        locationId: MIAMI,
        contactId: customer.id,
        conversationId,
        messageId: `msg-${customer.id}-${minutes}`,
        messageType: "SMS",
        direction,
        status: direction === "inbound" ? "delivered" : "sent",
        body,
        contentType: "text/plain",
        dateAdded: new Date(at + minutes * MINUTE).toISOString(),
        ...(direction === "outbound"
          ? { userId: customer.user.id, userName: `${customer.user.firstName} ${customer.user.lastName}` }
          : {}),
      },
    });
    events.push(
      {
        provider: "highlevel",
        payload: {
          type: "ContactCreate",
          locationId: MIAMI,
          id: customer.id,
          firstName: customer.first,
          lastName: customer.last,
          phone: customer.phone,
          dateAdded: new Date(at - HOUR).toISOString(),
        },
      },
      message("inbound", 0, "Can I move my appointment to Friday?"),
      message("outbound", 9, `Of course, ${customer.first}: Friday at 10 works. See you then!`),
    );
  });
  return events;
}

export function nameScenarioEvents(now: number): DemoEvent[] {
  return [...locationNames(), ...namesakes(now)];
}
