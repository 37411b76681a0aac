import { DEALS, INBOUND_TEXT, LEAD_SOURCES, OUTBOUND_TEXT, PIPELINE, STAGES } from "./content";
import type { Random } from "./random";

import { HOUR, type DemoCustomer, type DemoEvent } from "./demo-event";

// The Voxity half of the demo: one agent's conversations as sms.message.added and opportunity events.

export class VoxityWriter {
  constructor(
    private random: Random,
    readonly agentId: string,
  ) {}

  /** A conversation as a series of sms.message.added events, each carrying the history so far. */
  conversation(c: DemoCustomer, now: number, messages: number): DemoEvent[] {
    const conversationId = this.random.id("CH");
    const stage = this.random.pick(STAGES);
    const opportunity = this.random.chance(0.7)
      ? {
          id: this.random.id("vop"),
          customerId: c.id,
          name: `${this.random.pick(DEALS)} - ${c.first} ${c.last}`,
          pipelineId: PIPELINE.id,
          pipelineName: PIPELINE.name,
          stageId: stage.id,
          stageName: stage.name,
          score: this.random.int(20, 95),
          amount: this.random.chance(0.5) ? this.random.int(5, 40) * 100 : null,
          ownerId: null,
          removed: false,
          tags: [],
          updatedAt: new Date(now - 48 * HOUR).toISOString(),
          createdAt: new Date(now - 72 * HOUR).toISOString(),
        }
      : null;
    const history: Array<Record<string, unknown>> = [];
    const events: DemoEvent[] = [];
    // Spread the messages over the days before now, never into the future.
    let at = now - this.random.int(1, 20) * 24 * HOUR - messages * 90 * 60_000;
    for (let i = 0; i < messages; i++) {
      const room = (now - 60_000 - at) / (messages - i);
      at += Math.max(60_000, Math.min(room, this.random.int(10, 180) * 60_000));
      const direction = i === 0 || this.random.chance(0.5) ? "outbound" : "inbound";
      const body = this.random
        .pick(direction === "inbound" ? INBOUND_TEXT[c.language] : OUTBOUND_TEXT[c.language])
        .replace("{name}", c.first);
      const entry = {
        id: this.random.id("IM"),
        createdAt: new Date(at).toISOString(),
        role: direction === "outbound" ? "user" : "customer",
        media: [],
        body,
      };
      history.push(entry);
      // Voxity sends an event per message; a long conversation arrives as fewer events with long histories.
      if (messages > 40 && i % 40 !== 39 && i !== messages - 1) continue;
      events.push({
        provider: "voxity",
        payload: {
          id: this.random.id("evt"),
          type: "sms.message.added",
          agentId: this.agentId,
          version: "0",
          createdAt: new Date(at + 1000).toISOString(),
          data: {
            object: {
              id: entry.id,
              from: direction === "outbound" ? "+14155550100" : c.phone,
              to: direction === "outbound" ? c.phone : "+14155550100",
              direction,
              conversationId,
              customerId: c.id,
              body,
              media: [],
              createdAt: entry.createdAt,
              createdBy:
                direction === "outbound"
                  ? {
                      role: "user",
                      displayName: this.agentId === "agent-demo-ana" ? "Ana Ruiz" : "Luis Vega",
                      uid: this.agentId,
                    }
                  : null,
              metadata: {
                customerPhoneNumber: {
                  phoneNumber: c.phone,
                  capabilities: { sms: { consent: { status: this.random.chance(0.9) ? "optedIn" : "optedOut" } } },
                },
                conversation: [...history],
              },
              expanded: {
                customer: {
                  id: c.id,
                  firstName: c.first,
                  lastName: c.last,
                  phoneNumber: c.phone,
                  channel: this.random.pick(LEAD_SOURCES),
                  tags: [],
                  updatedAt: new Date(at).toISOString(),
                },
                opportunities: opportunity ? [opportunity] : [],
              },
            },
          },
        },
      });
    }
    return events;
  }
}
