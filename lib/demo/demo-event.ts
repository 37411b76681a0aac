import type { Language } from "./content";

// What the demo's generators share: an event as a provider would post it, and a customer.

export interface DemoEvent {
  provider: "leadconnector" | "voxity";
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
