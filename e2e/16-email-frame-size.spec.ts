import { expect, type Locator, test } from "@playwright/test";
import { openConversation, seedEmails } from "./inbox-page";

// An email's frame is as tall as what it shows, whenever that changes (a folded quote opened),
// with room between its text and its border: nothing cut off, no scrollbar inside the thread.

const paragraphs = (count: number, label: string) =>
  Array.from(
    { length: count },
    (_, index) => `<p>${label} paragraph ${index}: a line of ordinary email text.</p>`,
  ).join("");

/** The frame's height against its document's, and where its text starts. */
const measureFit = (frame: Locator) =>
  frame.evaluate((element: HTMLIFrameElement) => {
    const document = element.contentDocument!;
    const root = document.documentElement;
    return {
      fits: element.clientHeight >= root.scrollHeight && root.scrollHeight <= root.clientHeight,
      paddingLeft: Number.parseFloat(document.defaultView!.getComputedStyle(document.body).paddingLeft),
      textLeft: document.querySelector("p")!.getBoundingClientRect().left,
    };
  });

test("an email frame fits its content, with padding, and grows when its quoted reply opens", async ({
  page,
  baseURL,
}) => {
  await seedEmails(
    baseURL!,
    "frame-size",
    ["Fran", "Frame"],
    [
      `${paragraphs(10, "Sized")}<div class="gmail_quote">On Monday Ana wrote:<blockquote>${paragraphs(8, "Quoted")}</blockquote></div>`,
    ],
  );
  await page.goto("/");
  await openConversation(page, "Fran Frame");
  const frame = page.getByTestId("email-frame");
  const inside = page.frameLocator("[data-testid='email-frame']");
  await expect(inside.getByText("Sized paragraph 9")).toBeVisible();
  await expect.poll(async () => (await measureFit(frame)).fits).toBe(true);
  const { paddingLeft, textLeft } = await measureFit(frame);
  expect(paddingLeft).toBeGreaterThanOrEqual(8);
  expect(textLeft).toBeGreaterThanOrEqual(8);

  const folded = (await frame.boundingBox())!.height;
  await inside.getByText("Show quoted text").click();
  await expect(inside.getByText("Quoted paragraph 7")).toBeVisible();
  await expect.poll(async () => (await measureFit(frame)).fits).toBe(true);
  expect((await frame.boundingBox())!.height).toBeGreaterThan(folded + 100);
});
