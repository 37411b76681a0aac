import { chromium } from "@playwright/test";
import { LONG_THREAD_ID } from "./bulk-load";

// Scrolls the 100,000-conversation list and the 10,000-message thread in Chromium and reports
// the long tasks (main-thread work over 50 ms) the browser saw while doing it.

export interface ScrollFigure {
  name: string;
  longTasks: number;
  longestTaskMs: number;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function measureScrolling(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<ScrollFigure[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const figures: ScrollFigure[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const signIn = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, {
      data: admin,
      headers: { origin: baseUrl },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const observe = () =>
      page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
        }).observe({ type: "longtask" });
      });
    const collect = () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

    await page.goto(`${baseUrl}/`);
    await page.getByTestId("conversation-row").first().waitFor();
    await observe();
    const list = page.getByTestId("conversation-list");
    for (let i = 0; i < 120; i++) {
      await list.evaluate((el) => el.scrollBy(0, 900));
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const listRows = await list.evaluate((el) => Math.round(el.scrollTop / 64));
    const listTasks = await collect();
    figures.push({
      name: `conversation list (100,000), 120 scroll steps [reached row ~${listRows.toLocaleString()}]`,
      longTasks: listTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...listTasks)),
    });

    await page.goto(`${baseUrl}/?c=${LONG_THREAD_ID}`);
    await page.getByTestId("message").first().waitFor();
    await page.waitForTimeout(500);
    await observe();
    const thread = page.getByTestId("thread-scroll");
    for (let i = 0; i < 120; i++) {
      await thread.evaluate((el) => el.scrollBy(0, -900));
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const threadTasks = await collect();
    // How far back the reader got: the oldest message now on screen.
    const oldest =
      (await page.getByTestId("message").first().textContent())?.match(/long thread message \d+/)?.[0] ?? "?";
    figures.push({
      name: `thread (10,000 messages), 120 scroll-up steps [reached: ${oldest}]`,
      longTasks: threadTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...threadTasks)),
    });
  } finally {
    await browser.close();
  }
  return figures;
}
