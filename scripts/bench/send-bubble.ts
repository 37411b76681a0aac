import { chromium, type Page } from "@playwright/test";
import type pg from "pg";
import { paintedAfterInput } from "./paint-probe";
import { CHROMIUM_ARGS } from "./scroll";
import { percentile } from "./time-cases";

// Send → bubble in Chromium (#28 item 7): from the keydown of Ctrl+Enter in the reply box to the
// frame that paints the reply in the thread. The composer draws the bubble before the server
// answers (local first), so this is what a person waits for; the server's own work (Send → stored
// and queued) is measured beside it by sends.ts. The app sends to the bench's HighLevel stand-in.

export interface SendBubbleFigure {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** Sends whose bubble did not paint within TIMEOUT_MS (not in the percentiles). */
  timeouts: number;
}

export const SEND_BUBBLE_TARGET_P95_MS = 100;
const CONVERSATIONS = 10;
const SENDS_EACH = 3;
const TIMEOUT_MS = 5_000;
const PAUSE_MS = 300;

/** SMS conversations of one HighLevel account of the bench's data set: each has a customer with a phone. */
export async function sendableConversations(client: pg.Client): Promise<{ accountId: string; ids: string[] }> {
  const { rows } = await client.query<{ id: string; account_id: string }>(
    `SELECT c.id, c.account_id FROM conversations c JOIN accounts a ON a.id = c.account_id
     WHERE a.provider = 'highlevel' AND c.customer_id IS NOT NULL AND c.last_message_channel = 'sms'
       AND c.account_id = (SELECT min(id) FROM accounts WHERE provider = 'highlevel')
     ORDER BY c.id DESC LIMIT $1`,
    [CONVERSATIONS],
  );
  return { accountId: rows[0]?.account_id ?? "", ids: rows.map((row) => row.id) };
}

/** In the page: the next Ctrl+Enter starts a clock that stops on the frame showing a bubble with `text`. */
async function instrument(page: Page) {
  await page.evaluate("globalThis.__name = (fn) => fn"); // tsx's function-name helper, absent in the page
  await page.evaluate(() => {
    type Probe = { text: string | null; t0: number; painted: number | null };
    const w = window as unknown as { __send: Probe };
    w.__send = { text: null, t0: 0, painted: null };
    const shown = (text: string) =>
      [...document.querySelectorAll("[data-testid='thread-scroll'] [data-testid='message'][data-direction='outbound']")]
        .filter((bubble) => bubble.textContent?.includes(text))
        .some((bubble) => bubble.getBoundingClientRect().height > 0);
    const watch = () => {
      const probe = w.__send;
      if (!probe.text || probe.painted !== null) return;
      if (!shown(probe.text)) return void requestAnimationFrame(watch);
      // This frame's DOM has it; the message posted now runs once the frame is painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.painted = performance.now();
      };
      channel.port2.postMessage(null);
    };
    addEventListener(
      "keydown",
      (event) => {
        if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || !w.__send.text) return;
        w.__send.t0 = event.timeStamp;
        requestAnimationFrame(watch);
      },
      { capture: true },
    );
  });
}

async function timeSend(page: Page, text: string): Promise<number | null> {
  const box = page.getByRole("textbox", { name: "Reply" });
  await box.fill(text);
  await page.evaluate((t) => {
    Object.assign((window as unknown as { __send: object }).__send, { text: t, painted: null });
  }, text);
  await box.press("Control+Enter");
  return paintedAfterInput(page, "__send", TIMEOUT_MS, PAUSE_MS);
}

export async function measureSendBubble(
  baseUrl: string,
  admin: { email: string; password: string },
  target: { accountId: string; ids: string[] },
): Promise<SendBubbleFigure> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const times: number[] = [];
  let timeouts = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const headers = { origin: baseUrl };
    const signIn = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, { data: admin, headers });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    // The account needs HighLevel's token before its conversations offer a reply box.
    const token = await page.request.put(`${baseUrl}/api/accounts/${target.accountId}/highlevel-token`, {
      data: { token: "pit-bench-bubble-0123456789" },
      headers,
    });
    if (!token.ok()) throw new Error(`storing the HighLevel token failed: ${token.status()}`);
    for (const [n, id] of target.ids.entries()) {
      await page.goto(`${baseUrl}/?c=${id}`);
      await page.getByRole("textbox", { name: "Reply" }).waitFor();
      // A conversation opens on its customer's last channel (WhatsApp past 24 h takes only a
      // template): the person picks SMS, as they would to write freely.
      await page.getByLabel("Channel").selectOption("sms");
      await instrument(page);
      for (let s = 0; s < SENDS_EACH; s++) {
        const ms = await timeSend(page, `Bench reply ${n}.${s} at ${Date.now().toString(36)}`);
        if (ms === null) timeouts++;
        else times.push(ms);
      }
    }
    await context.close();
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => (times.length ? percentile(times, p) : Number.NaN);
  return { samples: times.length, p50: at(50), p95: at(95), max: times.at(-1) ?? Number.NaN, timeouts };
}
