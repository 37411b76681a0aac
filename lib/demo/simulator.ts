import { HighLevelWriter, VoxityWriter, type DemoCustomer, type DemoEvent } from "./generate";
import { FIRST_NAMES, LAST_NAMES, type Language } from "./content";
import type { WebhookSigningKeys } from "@/lib/providers/sign";
import { postEvent, type PostOutcome } from "./post-events";
import { Random } from "./random";

// A stream of realistic provider traffic for a running instance: new messages and calls,
// contact and opportunity changes, and the faults real providers produce (redeliveries,
// late out-of-order deliveries).

export type SimulatedKind = "message" | "call" | "contact" | "opportunity" | "voxity" | "duplicate" | "late";
export interface SimulatedEvent extends DemoEvent {
  kind: SimulatedKind;
}

const MINUTE = 60_000;

export function* simulatedEvents(seed = 7, now = () => Date.now()): Generator<SimulatedEvent> {
  const random = new Random(seed);
  const highLevel = new HighLevelWriter(random, "loc-sim");
  const voxity = new VoxityWriter(random, "agent-sim");
  const customers: Array<DemoCustomer & { conversationId: string }> = [];
  const sent: SimulatedEvent[] = [];
  const newCustomer = () => {
    const language: Language = random.chance(0.35) ? "es" : "en";
    const c = {
      id: random.id("sim"),
      first: random.pick(FIRST_NAMES[language]),
      last: random.pick(LAST_NAMES[language]),
      language,
      phone: `+1786555${String(random.int(1000, 9999))}`,
      conversationId: random.id("simconv"),
    };
    customers.push(c);
    return c;
  };
  for (;;) {
    const roll = random.next();
    const c = customers.length < 5 || random.chance(0.15) ? newCustomer() : random.pick(customers);
    let event: SimulatedEvent;
    if (roll < 0.08 && sent.length > 0) {
      event = { ...random.pick(sent), kind: "duplicate" };
    } else if (roll < 0.15) {
      const late = highLevel.text(
        c,
        c.conversationId,
        "SMS",
        "inbound",
        new Date(now() - random.int(60, 600) * MINUTE),
      );
      event = { ...late, kind: "late" };
    } else if (roll < 0.25) {
      event = {
        ...highLevel.call(c, c.conversationId, random.chance(0.5) ? "inbound" : "outbound", new Date(now())),
        kind: "call",
      };
    } else if (roll < 0.33) {
      event = { ...highLevel.contact(c, "ContactUpdate", new Date(now())), kind: "contact" };
    } else if (roll < 0.4) {
      event = { ...highLevel.opportunity(c, new Date(now()))[0]!, kind: "opportunity" };
    } else if (roll < 0.5) {
      event = { ...voxity.conversation(c, now(), random.int(1, 3)).at(-1)!, kind: "voxity" };
    } else {
      const channel = random.pick(["SMS", "SMS", "FB", "IG", "Live Chat", "WhatsApp", "GMB"]);
      event = {
        ...highLevel.text(c, c.conversationId, channel, random.chance(0.6) ? "inbound" : "outbound", new Date(now())),
        kind: "message",
      };
    }
    if (event.kind !== "duplicate") sent.push(event);
    yield event;
  }
}

export function describeEvent(event: SimulatedEvent): string {
  const payload = event.payload as { type?: string; messageType?: string; direction?: string };
  return [
    event.kind.padEnd(11),
    event.provider.padEnd(13),
    payload.type ?? "",
    payload.messageType ?? "",
    payload.direction ?? "",
  ]
    .join(" ")
    .trim();
}

/** Sends `rate` events a second for `durationSeconds` to baseUrl, answering each with what came back. */
export async function runSimulation(options: {
  baseUrl: string;
  rate: number;
  durationSeconds: number;
  seed?: number;
  signingKeys?: WebhookSigningKeys;
  onResult?: (event: SimulatedEvent, outcome: PostOutcome) => void;
}): Promise<Array<{ event: SimulatedEvent; outcome: PostOutcome }>> {
  const events = simulatedEvents(options.seed);
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const interval = 1000 / options.rate;
  const started = Date.now();
  const inFlight: Array<Promise<{ event: SimulatedEvent; outcome: PostOutcome }>> = [];
  for (let i = 0; i < total; i++) {
    const wait = started + i * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const event = events.next().value as SimulatedEvent;
    inFlight.push(
      (async () => {
        const outcome = await postEvent(options.baseUrl, event, options.signingKeys ?? {});
        options.onResult?.(event, outcome);
        return { event, outcome };
      })(),
    );
  }
  return Promise.all(inFlight);
}
