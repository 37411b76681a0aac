import type { Page } from "@playwright/test";

// BENCH_OPEN_TRACE=<ms>: the opens of the open-thread bench slower than <ms> (0: every open), each
// with what the page did meanwhile: the requests in flight between the input and the paint (from
// the browser's resource timing, relative to the input) and the main thread's long tasks. The tail
// of a percentile is a handful of opens; this says which request or task they waited behind.

export const TRACE_OVER_MS = process.env.BENCH_OPEN_TRACE === undefined ? null : Number(process.env.BENCH_OPEN_TRACE);

/** In the page, before the first traced open: keep every resource entry and note long tasks. */
export async function startTrace(page: Page): Promise<void> {
  if (TRACE_OVER_MS === null) return;
  await page.evaluate(() => {
    performance.setResourceTimingBufferSize(100_000);
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** One line for the open the probe `__open` timed last: requests that overlapped it and long tasks. */
export async function traceOpen(page: Page, label: string, ms: number | null): Promise<void> {
  if (TRACE_OVER_MS === null || (ms !== null && ms < TRACE_OVER_MS)) return;
  const detail = await page.evaluate(() => {
    const w = window as unknown as {
      __open: { t0: number; painted: number | null };
      __longTasks: { start: number; duration: number }[];
    };
    const { t0 } = w.__open;
    const end = w.__open.painted ?? performance.now();
    const requests = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((r) => r.startTime < end && r.responseEnd > t0 - 20 && r.name.includes("/api/"))
      .map((r) => {
        const url = new URL(r.name);
        const path =
          url.pathname.replace(/\/api\/conversations\/(?!counts)[^/]+/, "/api/conversations/:id") +
          url.search.slice(0, 40);
        return `${path} @${Math.round(r.startTime - t0)}+${Math.round(r.duration)}`;
      });
    const tasks = w.__longTasks
      .filter((t) => t.start < end && t.start + t.duration > t0)
      .map((t) => `${Math.round(t.start - t0)}+${Math.round(t.duration)}`);
    return { requests, tasks };
  });
  console.log(
    `  [trace] ${label}: ${ms === null ? "not painted" : `${ms.toFixed(0)} ms`}; requests ${detail.requests.join(", ") || "none"}; long tasks ${detail.tasks.join(", ") || "none"}`,
  );
}

/** At the end of a traced round: how many requests of each kind the page made, and their p50 / max. */
export async function traceRound(page: Page): Promise<void> {
  if (TRACE_OVER_MS === null) return;
  const kinds = await page.evaluate(() => {
    const byKind = new Map<string, number[]>();
    for (const r of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      const url = new URL(r.name);
      if (!url.pathname.startsWith("/api/")) continue;
      const kind = `${url.pathname.replace(/\/api\/conversations\/(?!counts)[^/]+/, "/api/conversations/:id")}${url.searchParams.has("messages") ? "?messages" : ""}`;
      byKind.set(kind, [...(byKind.get(kind) ?? []), r.duration]);
    }
    return [...byKind].map(([kind, durations]) => {
      const sorted = durations.sort((a, b) => a - b);
      return `${kind} ×${sorted.length} (p50 ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${Math.round(sorted.at(-1)!)} ms)`;
    });
  });
  console.log(`  [trace] round's requests: ${kinds.join("; ")}`);
}
