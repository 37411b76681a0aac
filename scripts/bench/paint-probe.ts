import type { Page } from "@playwright/test";

// The browser benches (open-thread.ts, send-bubble.ts) each put a probe on `window` that notes the
// input's time (t0) and the frame that painted what the input asked for (painted). This reads it.

/**
 * Input → paint in ms from the probe at `window[probeName]`, or null when nothing was painted within
 * `timeoutMs`; then waits `pauseMs` (a person reads before the next input).
 */
export async function paintedAfterInput(
  page: Page,
  probeName: string,
  timeoutMs: number,
  pauseMs: number,
): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      (name) => {
        const probe = (window as unknown as Record<string, { t0: number; painted: number | null }>)[name]!;
        return probe.painted === null ? null : probe.painted - probe.t0;
      },
      probeName,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  } finally {
    await page.waitForTimeout(pauseMs);
  }
}
