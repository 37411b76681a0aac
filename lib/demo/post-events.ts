import { signatureHeaders, type WebhookSigningKeys } from "@/lib/providers/sign";
import type { DemoEvent } from "./generate";

export interface PostOutcome {
  event: DemoEvent;
  status: number;
  answer: string;
}

/** Posts one event to a running Threadline as its provider would, signed with whatever keys are given. */
export async function postEvent(baseUrl: string, event: DemoEvent, keys: WebhookSigningKeys): Promise<PostOutcome> {
  const body = JSON.stringify(event.payload);
  try {
    const response = await fetch(`${baseUrl}/api/webhooks/${event.provider}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signatureHeaders(event.provider, body, keys) },
      body,
    });
    const answer = (await response.json()) as { status?: string; error?: string };
    return { event, status: response.status, answer: answer.status ?? answer.error ?? "?" };
  } catch (error) {
    return { event, status: 0, answer: (error as Error).message };
  }
}
