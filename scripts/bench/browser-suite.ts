import type pg from "pg";
import { measureOpening, type OpenFigure, openingLines } from "./open-thread";
import { sampleCpu, splitCpu, startProcess, stopProcess, waitForUrl } from "./processes";
import { measureScrolling, type ScrollFigure } from "./scroll";
import {
  measureSendBubble,
  SEND_BUBBLE_TARGET_P95_MS,
  type SendBubbleFigure,
  sendableConversations,
} from "./send-bubble";
import { startSendStandIn } from "./send-stand-in";

// What a person sees, in Chromium against the built app on the loaded data set: scrolling,
// opening conversations, and Send → bubble. One app for the three; a part that fails is logged
// and left out of the tables, so one broken page does not lose the rest of a long run.

export interface BrowserFigures {
  scroll: ScrollFigure[];
  opening: OpenFigure[];
  sendBubble?: SendBubbleFigure;
}

export async function measureInBrowser(
  client: pg.Client,
  options: {
    port: number;
    appEnv: Record<string, string>;
    admin: { email: string; password: string };
    log: (line: string) => void;
  },
): Promise<BrowserFigures> {
  const { log, admin } = options;
  const url = `http://127.0.0.1:${options.port}`;
  const figures: BrowserFigures = { scroll: [], opening: [] };
  // Replies sent by the Send → bubble measurement go to a stand-in, never anywhere real.
  const standIn = await startSendStandIn();
  const app = startProcess(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(options.port)],
    { ...options.appEnv, HIGHLEVEL_API_URL: standIn.url },
  );
  const attempt = async (what: string, measure: () => Promise<void>) => {
    log(`${what} in Chromium…`);
    try {
      await measure();
    } catch (error) {
      log(`  ${what} not measured: ${(error as Error).message}`);
    }
  };
  try {
    await waitForUrl(`${url}/api/health`);
    await attempt("scrolling", async () => {
      figures.scroll = await measureScrolling(url, admin);
    });
    await attempt("opening conversations", async () => {
      figures.opening = await measureOpening(url, admin);
      for (const line of openingLines(figures.opening)) log(`  ${line}`);
    });
    await attempt("Send → bubble", async () => {
      const f = await measureSendBubble(url, admin, await sendableConversations(client));
      figures.sendBubble = f;
      log(
        `  Send → bubble painted: p50 ${f.p50.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms, max ${f.max.toFixed(0)} ms (${f.samples} sends${f.timeouts ? `, ${f.timeouts} not painted` : ""}); target p95 < ${SEND_BUBBLE_TARGET_P95_MS} ms`,
      );
    });
  } finally {
    await stopProcess(app);
    await standIn.close();
  }
  return figures;
}

/**
 * BENCH_ONLY=open: only opening conversations, printed (nothing written), with the CPU split of the
 * measurement: the app, PostgreSQL, the bench with its Chromium, and everything else.
 */
export async function measureOpeningAlone(options: {
  port: number;
  appEnv: Record<string, string>;
  admin: { email: string; password: string };
  log: (line: string) => void;
}): Promise<void> {
  const url = `http://127.0.0.1:${options.port}`;
  const app = startProcess(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(options.port)],
    options.appEnv,
  );
  try {
    await waitForUrl(`${url}/api/health`);
    options.log("opening conversations in Chromium…");
    const start = sampleCpu();
    const figures = await measureOpening(url, options.admin);
    const split = splitCpu(start, sampleCpu(), [app.pid!]);
    for (const line of openingLines(figures)) options.log(`  ${line}`);
    options.log(
      `  CPU (cores): app ${split.servers.toFixed(2)}, PostgreSQL ${split.postgres.toFixed(2)}, bench and Chromium ${(split.bench + split.other).toFixed(2)} (other processes on the machine counted there too)`,
    );
  } finally {
    await stopProcess(app);
  }
}
