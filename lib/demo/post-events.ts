import type { DemoEvent } from "./generate";

export interface PostOutcome {
  event: DemoEvent;
  status: number;
  answer: string;
}

/** Posts events to a running Threadline, a few at a time, reporting each answer. */
export async function postEvents(
  baseUrl: string,
  events: DemoEvent[],
  options: { concurrency?: number; onResult?: (outcome: PostOutcome) => void } = {},
): Promise<PostOutcome[]> {
  const outcomes: PostOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      let status = 0;
      let answer = "";
      try {
        const response = await fetch(`${baseUrl}/api/webhooks/${event.provider}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(event.payload),
        });
        status = response.status;
        answer = ((await response.json()) as { status?: string; error?: string }).status ?? "error";
      } catch (error) {
        answer = (error as Error).message;
      }
      const outcome = { event, status, answer };
      outcomes.push(outcome);
      options.onResult?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return outcomes;
}
