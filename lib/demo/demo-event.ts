import { FIRST_NAMES, LAST_NAMES, type Language } from "./content";
import type { Random } from "./random";

// What the demo's generators share: an event as a provider would post it, and a customer.

export interface DemoEvent {
  provider: "highlevel" | "voxity";
  payload: Record<string, unknown>;
}

export interface DemoCustomer {
  id: string;
  first: string;
  last: string;
  language: Language;
  phone: string;
}

export const HOUR = 3_600_000;

/** Recording URLs the app serves itself (app-relative: they survive a change of port). */
export function recordingUrl(kind: "recording" | "voicemail", seconds: number, key: string): string {
  return `/api/demo-media/${kind}-${seconds}s-${key.slice(-8)}.wav`;
}

/** The demo's index-th random customer (phones +1305555…, one each). */
export function demoCustomer(random: Random, index: number): DemoCustomer {
  const language: Language = random.chance(0.35) ? "es" : "en";
  return {
    id: random.id("ct"),
    first: random.pick(FIRST_NAMES[language]),
    last: random.pick(LAST_NAMES[language]),
    language,
    phone: `+1305555${String(100 + index).padStart(4, "0")}`,
  };
}
