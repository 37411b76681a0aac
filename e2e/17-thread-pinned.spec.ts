import { expect, type Page, test } from "@playwright/test";
import { openConversation, seedEmails } from "./inbox-page";

// A thread opens at its newest message and stays there while its email frames size themselves
// (after layout, one by one), on a desktop and on a phone, until the reader scrolls.

// Each email ends in an inline picture that decodes after the frame's first layout: frames grow late.
const PICTURE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="240"><rect width="300" height="240" fill="#cbd5e1"/></svg>')}`;
const email = (index: number) =>
  `<h2>Update ${index}</h2>${Array.from({ length: 14 }, (_, line) => `<p>Update ${index}, line ${line}: details of the appointment.</p>`).join("")}<img src="${PICTURE}" alt="plan ${index}"><p>Update ${index}, the end.</p>`;

function distanceFromBottom(page: Page) {
  return page
    .getByTestId("thread-scroll")
    .evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
}

/** The thread's distance from its bottom once its height has stopped changing. */
async function settledDistanceFromBottom(page: Page) {
  const scroller = page.getByTestId("thread-scroll");
  let previous = -1;
  for (let sample = 0; sample < 40; sample++) {
    await page.waitForTimeout(250);
    const height = await scroller.evaluate((element) => element.scrollHeight);
    if (height === previous) break;
    previous = height;
  }
  return distanceFromBottom(page);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a thread of emails opens scrolled to its newest message at ${viewport.width} px`, async ({
    browser,
    baseURL,
  }) => {
    const name = `Width${viewport.width}`;
    await seedEmails(
      baseURL!,
      `pinned-${viewport.width}`,
      ["Pia", name],
      Array.from({ length: 6 }, (_, index) => email(index)),
    );
    const page = await browser.newPage({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
    await page.goto("/");
    await openConversation(page, `Pia ${name}`);
    await expect(page.frameLocator("[data-testid='email-frame']").last().getByText("Update 5, the end.")).toBeVisible();
    // Pinned once the frames have sized themselves: a correction may trail a late resize by a
    // frame or two, so the distance is polled (an unpinned thread stays 400-960 px off and fails).
    await expect.poll(() => distanceFromBottom(page), { timeout: 5_000 }).toBeLessThanOrEqual(2);
    await expect(
      page.frameLocator("[data-testid='email-frame']").last().getByText("Update 5, the end."),
    ).toBeInViewport();
    // The reader scrolls up: the thread stays where they put it.
    await page.getByTestId("thread-scroll").hover();
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(1_000);
    expect(await settledDistanceFromBottom(page)).toBeGreaterThan(300);
    await page.close();
  });
}
