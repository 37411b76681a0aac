import { type Browser, chromium, type Page } from "@playwright/test";
import { paintedAfterInput } from "./paint-probe";
import { startTrace, traceOpen, traceRound } from "./open-trace";
import { sampleCpu, splitCpu } from "./processes";
import { CHROMIUM_ARGS } from "./scroll";

// Opening a conversation in Chromium (#28 item 6): from the input (the keydown of j/k, the
// mousedown of a click) to the frame that shows the thread's newest message, painted. Each round
// is a fresh tab (an empty react-query cache, the browser's cache of scripts kept): it clicks the
// first row, then a first pass of j down the list, then k back up and j down again (warm: the
// server, the scripts and the threads seen once), then clicks rows after hovering them. A person
// reads before pressing the next key: the bench waits READ_MS after each thread paints.
//
// Alone, for an A/B of two servers on the same data at the same time (rounds alternate):
//   BENCH_ADMIN_EMAIL=… BENCH_ADMIN_PASSWORD=… npx tsx scripts/bench/open-thread.ts <url> [<url>…]

export interface OpenFigure {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** Opens that did not paint within OPEN_TIMEOUT_MS (not in the percentiles). */
  timeouts: number;
}

const STEPS = Number(process.env.BENCH_OPEN_STEPS ?? 15);
const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? 2);
const READ_MS = 300;
const HOVER_MS = 150;
const OPEN_TIMEOUT_MS = 5_000;
export const OPEN_TARGET_P95_MS = 100;

type Samples = Record<"first" | "warmKeys" | "warmClicks", number[]> & { timeouts: Record<string, number> };

/** In the page: the next input starts a clock that stops on the frame showing `target`. */
async function instrument(page: Page) {
  // tsx names the functions below with a helper the page does not have.
  await page.evaluate("globalThis.__name = (fn) => fn");
  return page.evaluate(() => {
    type Probe = { target: string | null; armed: boolean; t0: number; painted: number | null; seq: number };
    const w = window as unknown as { __open: Probe };
    w.__open = { target: null, armed: false, t0: 0, painted: null, seq: 0 };
    const shown = (key: string) => {
      const row = document.querySelector(`[data-testid="thread-scroll"] [data-row-key="${CSS.escape(key)}"]`);
      const scroller = row?.closest('[data-testid="thread-scroll"]');
      if (!scroller || !row) return false;
      const a = scroller.getBoundingClientRect();
      const b = row.getBoundingClientRect();
      return b.height > 0 && b.bottom > a.top && b.top < a.bottom;
    };
    // One watch per open (an open that never painted must not stop the next one's clock).
    const watch = (seq: number) => {
      const probe = w.__open;
      if (probe.seq !== seq || probe.painted !== null || !probe.target) return;
      if (shown(probe.target)) {
        // This frame's DOM has it; the message posted now runs once the frame is painted.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (probe.seq === seq) probe.painted = performance.now();
        };
        channel.port2.postMessage(null);
        return;
      }
      requestAnimationFrame(() => watch(seq));
    };
    const onInput = (event: Event) => {
      const probe = w.__open;
      if (!probe.armed) return;
      probe.armed = false;
      probe.t0 = event.timeStamp;
      const seq = probe.seq;
      requestAnimationFrame(() => watch(seq));
    };
    addEventListener("keydown", onInput, { capture: true });
    addEventListener("mousedown", onInput, { capture: true });
  });
}

async function timeOpen(page: Page, newestKey: string, act: () => Promise<void>, label = ""): Promise<number | null> {
  await page.evaluate((target) => {
    const w = window as unknown as { __open: { target: string; armed: boolean; painted: number | null; seq: number } };
    Object.assign(w.__open, { target, armed: true, painted: null, seq: w.__open.seq + 1 });
  }, newestKey);
  await act();
  const ms = await paintedAfterInput(page, "__open", OPEN_TIMEOUT_MS, READ_MS);
  await traceOpen(page, label, ms);
  return ms;
}

async function round(browser: Browser, baseUrl: string, admin: { email: string; password: string }, into: Samples) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const signIn = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, {
      data: admin,
      headers: { origin: baseUrl },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    await page.goto(`${baseUrl}/`);
    await page.getByTestId("conversation-row").first().waitFor();
    const ids = (
      await page.$$eval("[data-testid='conversation-row']", (rows) =>
        rows.map((row) => row.getAttribute("data-conversation-id") ?? ""),
      )
    ).slice(0, STEPS + 1);
    // Each conversation's newest message: the row whose paint ends the clock.
    const newest = new Map<string, string>();
    for (const id of ids) {
      const answer = await page.request.get(`${baseUrl}/api/conversations/${id}/messages?latest=true&limit=1`);
      const body = (await answer.json()) as { messages: { id: string }[] };
      newest.set(id, body.messages.at(-1)?.id ?? "");
    }
    await instrument(page);
    await startTrace(page);
    const record = (bucket: keyof Omit<Samples, "timeouts">, ms: number | null) => {
      if (ms === null) into.timeouts[bucket] = (into.timeouts[bucket] ?? 0) + 1;
      else into[bucket].push(ms);
    };
    const row = (id: string) => page.locator(`[data-conversation-id="${id}"]`);
    await timeOpen(page, newest.get(ids[0]!)!, () => row(ids[0]!).click());
    const press = (key: "j" | "k", index: number) =>
      timeOpen(page, newest.get(ids[index]!)!, () => page.keyboard.press(key), `${key} to row ${index}`);
    for (let i = 1; i < ids.length; i++) record("first", await press("j", i));
    for (let i = ids.length - 2; i >= 0; i--) record("warmKeys", await press("k", i));
    for (let i = 1; i < ids.length; i++) record("warmKeys", await press("j", i));
    // Clicks: the pointer rests on the row first (hover prefetches), as a person's does.
    for (let i = 0; i < ids.length; i += 2) {
      const target = row(ids[i]!);
      await target.hover();
      await page.waitForTimeout(HOVER_MS);
      record("warmClicks", await timeOpen(page, newest.get(ids[i]!)!, () => target.click(), `click on row ${i}`));
    }
    await traceRound(page);
  } finally {
    await context.close();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function figures(samples: Samples): OpenFigure[] {
  const names = {
    first: "j, first pass (the neighbour prefetched while reading)",
    warmKeys: "j/k, warm (second and third pass)",
    warmClicks: "click after hover, warm",
  } as const;
  return (Object.keys(names) as (keyof typeof names)[]).map((key) => {
    const sorted = [...samples[key]].sort((a, b) => a - b);
    return {
      name: names[key],
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? Number.NaN,
      timeouts: samples.timeouts[key] ?? 0,
    };
  });
}

const empty = (): Samples => ({ first: [], warmKeys: [], warmClicks: [], timeouts: {} });

/** Opening conversations on one server, ROUNDS rounds. */
export async function measureOpening(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<OpenFigure[]> {
  return (await measureOpeningAB([baseUrl], admin))[0]!;
}

/** The same on several servers, their rounds alternating (an A/B on a shared machine). */
export async function measureOpeningAB(
  baseUrls: string[],
  admin: { email: string; password: string },
): Promise<OpenFigure[][]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const samples = baseUrls.map(empty);
  try {
    for (let r = 0; r < ROUNDS; r++)
      for (const [i, url] of baseUrls.entries()) await round(browser, url, admin, samples[i]!);
  } finally {
    await browser.close();
  }
  return samples.map(figures);
}

export function openingLines(list: OpenFigure[]): string[] {
  const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(0));
  return list.map(
    (f) =>
      `${f.name}: p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms, max ${ms(f.max)} ms (${f.samples} opens${f.timeouts ? `, ${f.timeouts} not painted in ${OPEN_TIMEOUT_MS / 1000} s` : ""}); target p95 < ${OPEN_TARGET_P95_MS} ms warm`,
  );
}

if (process.argv[1]?.endsWith("open-thread.ts")) {
  const urls = process.argv.slice(2);
  const admin = { email: process.env.BENCH_ADMIN_EMAIL ?? "", password: process.env.BENCH_ADMIN_PASSWORD ?? "" };
  // BENCH_SERVER_PIDS=<pid>,<pid>: the servers' process ids, for the CPU split of the run.
  const serverPids = (process.env.BENCH_SERVER_PIDS ?? "").split(",").filter(Boolean).map(Number);
  const start = sampleCpu();
  measureOpeningAB(urls, admin).then(
    (all) => {
      const split = splitCpu(start, sampleCpu(), serverPids);
      for (const [i, list] of all.entries()) {
        console.log(urls[i]);
        for (const line of openingLines(list)) console.log(`  ${line}`);
      }
      console.log(
        `CPU (cores): servers ${split.servers.toFixed(2)}, PostgreSQL ${split.postgres.toFixed(2)}, bench and Chromium with everything else ${(split.bench + split.other).toFixed(2)}`,
      );
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
