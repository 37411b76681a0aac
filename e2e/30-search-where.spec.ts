import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { locationMessage } from "./data";
import { postWebhook, saveScreenshot } from "./inbox-page";
import { row, TriageLocation } from "./triage-page";

// Issue #26 item 6: search says where it found the words. A list row's snippet is cut around the
// matched word (so a narrow row still shows it), says "in transcript" / "in note" / "in subject",
// and marks the word; the thread opens there with the word marked. A Voice AI call's transcript
// (no times of its own) plays from the sentence clicked, and the sentence playing stands out in
// both themes. The words are the demo's (lib/demo/call-stories.ts), posted into a location of
// this run's own.

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const TRANSCRIPT = [
  "bot: Thank you for calling Sunset Dental. How can I help today?",
  "human: I chipped a molar last night and it hurts when I chew.",
  "bot: I'm sorry to hear that. Is the pain constant or only when you bite?",
  "human: Only when I bite down on that side.",
  "bot: I'll flag this as urgent; the front desk will call you back within the hour.",
];
const LONG_TEXT =
  "Good morning, I hope this finds you well. I wanted to follow up on the appointment from last week because " +
  "my insurance sent a letter saying the crown was not covered and I would like to understand the bill.";

/** Vera's Voice AI call with its recording and report, then a text after it; and everyone else's when `all`. */
async function seed(page: Page, baseURL: string, all = true) {
  const place = new TriageLocation(baseURL, all ? "where" : "seek");
  for (const first of all ? ["Vera", "Emma", "Nora", "Lena"] : ["Vera"]) await place.customer(first, "Search");
  const post = (id: string, first: string, fields: Record<string, unknown>) =>
    postWebhook(baseURL, "highlevel", locationMessage(place.locationId, id, place.contactId(first), fields));
  const call = `${place.locationId}-call`;
  await post(call, "Vera", {
    messageType: "CALL",
    status: "completed",
    callStatus: "completed",
    callDuration: 40,
    attachments: ["/api/demo-media/call-40s-voiceai.wav"],
    dateAdded: minutesAgo(30),
  });
  await postWebhook(baseURL, "highlevel", {
    type: "VoiceAiCallEnd",
    id: `${call}-report`,
    locationId: place.locationId,
    contactId: place.contactId("Vera"),
    messageId: call,
    createdAt: minutesAgo(30),
    duration: 40,
    summary: "Caller reports a chipped tooth, some pain when chewing.",
    transcript: TRANSCRIPT.join("\n"),
  });
  await post(`${call}-later`, "Vera", { messageType: "SMS", body: "Thanks, see you soon", dateAdded: minutesAgo(25) });
  if (!all) return place.accountId(page, "Vera Search");
  await post(`${place.locationId}-mail`, "Emma", {
    messageType: "Email",
    subject: "Invoice for the porcelain crown",
    from: "emma@example.com",
    to: "front@clinic.example",
    body: "Please see the attached file.",
    dateAdded: minutesAgo(20),
  });
  await post(`${place.locationId}-hi`, "Nora", { messageType: "SMS", body: "Hi there", dateAdded: minutesAgo(15) });
  await postWebhook(baseURL, "highlevel", {
    type: "NoteCreate",
    locationId: place.locationId,
    id: `${place.locationId}-note`,
    contactId: place.contactId("Nora"),
    body: "Allergic to latex; use nitrile gloves.",
    dateAdded: minutesAgo(14),
  });
  await post(`${place.locationId}-long`, "Lena", { messageType: "SMS", body: LONG_TEXT, dateAdded: minutesAgo(10) });
  const account = await place.accountId(page, "Lena Search");
  // A colleague's internal note on Nora's conversation (the notes route, as the composer posts it).
  const list = (await (await page.request.get(`/api/conversations?account=${account}&q=Nora`)).json()) as {
    conversations: Array<{ id: string }>;
  };
  const note = await page.request.post(`/api/conversations/${list.conversations[0]!.id}/notes`, {
    headers: { origin: new URL(baseURL).origin },
    data: { text: "Wants the quote for the bridge by Friday.", mentions: [] },
  });
  expect(note.status()).toBe(201);
  return account;
}

/** Searches the account's list for `q`; the row of `name` once it is listed. */
async function search(page: Page, account: string, q: string, name: string) {
  await page.goto(`/?account=${account}&q=${encodeURIComponent(q)}`);
  const found = row(page, name);
  await expect(found).toBeVisible();
  return found;
}

/** The marked words inside `where`, and that the first one is fully inside its clipping box (not cut off). */
async function expectMarkedAndVisible(where: Locator, box: Locator, words: string[]) {
  const marks = where.getByTestId("search-mark");
  await expect(marks.first()).toBeVisible();
  expect(await marks.allTextContents()).toEqual(words);
  const [mark, clip] = [await marks.first().boundingBox(), await box.boundingBox()];
  expect(mark!.x).toBeGreaterThanOrEqual(clip!.x);
  expect(mark!.x + mark!.width).toBeLessThanOrEqual(clip!.x + clip!.width + 0.5);
}

/** The contrast ratio of two CSS colours (rgb()), as WCAG computes it. */
function contrast(a: string, b: string) {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

test("search says where it found the words, cut around them and marked in the list and the thread", async ({
  page,
  baseURL,
}) => {
  const account = await seed(page, baseURL!);
  const preview = (found: Locator) => found.getByTestId("conversation-preview");
  const place = (found: Locator) => found.getByTestId("search-hit-place");
  const scroll = page.getByTestId("thread-scroll");

  // A word deep in a long text message: the snippet starts just before it, so even a phone's row shows it.
  await page.setViewportSize({ width: 390, height: 844 });
  let found = await search(page, account, "insurance", "Lena Search");
  await expect(place(found)).toHaveCount(0);
  await expect(preview(found)).toHaveText(/^…\S.{0,8}insurance sent a letter/);
  await expectMarkedAndVisible(preview(found), preview(found), ["insurance"]);
  await saveScreenshot(page, "search-where-390");

  // Said in a Voice AI call: "in transcript", and the thread opens at the call with the word marked.
  await page.setViewportSize({ width: 1440, height: 900 });
  found = await search(page, account, "molar", "Vera Search");
  await expect(place(found)).toHaveText("in transcript:");
  await expectMarkedAndVisible(preview(found), preview(found), ["molar"]);
  await found.click();
  const call = page.locator('[data-testid="message"][data-focused="true"]');
  await expectMarkedAndVisible(call.getByTestId("transcript-turns"), scroll, ["molar"]);
  await saveScreenshot(page, "search-where-1440");

  // An email's subject.
  found = await search(page, account, "porcelain", "Emma Search");
  await expect(place(found)).toHaveText("in subject:");
  await found.click();
  await expectMarkedAndVisible(page.getByTestId("email-message"), scroll, ["porcelain"]);

  // HighLevel's note about the customer, and the team's internal note: "in note", the note marked.
  await page.setViewportSize({ width: 1024, height: 768 });
  found = await search(page, account, "nitrile", "Nora Search");
  await expect(place(found)).toHaveText("in note:");
  await found.click();
  const note = page.locator('[data-testid="timeline-entry"][data-focused="true"]');
  await expectMarkedAndVisible(note, scroll, ["nitrile"]);
  found = await search(page, account, "bridge friday", "Nora Search");
  await expect(place(found)).toHaveText("in note:");
  await expect(preview(found).getByTestId("search-mark")).toHaveText(["bridge", "Friday"]);
  await found.click();
  await expectMarkedAndVisible(page.locator('[data-testid="internal-note"][data-focused="true"]'), scroll, [
    "bridge",
    "Friday",
  ]);
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "search-where-1024");

  // Dark: the marks keep their contrast (axe) in the list and the thread.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "search-where-1024-dark");
});

test("a Voice AI call's transcript plays from the sentence clicked, and the one playing stands out in both themes", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(45_000);
  const account = await seed(page, baseURL!, false);
  await page.setViewportSize({ width: 1440, height: 900 });
  const found = await search(page, account, "molar", "Vera Search");
  await found.click();
  const call = page.locator('[data-testid="message"][data-focused="true"]');
  const sentences = call.getByTestId("transcript-sentence");
  await expect(sentences).toHaveCount(TRANSCRIPT.length);
  // No times came with the report: each turn is placed across the 40 s call by its length.
  const starts = await sentences.evaluateAll((all) => all.map((one) => Number(one.getAttribute("data-start-ms"))));
  expect(starts[0]).toBe(0);
  for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
  expect(starts.at(-1)!).toBeLessThan(40_000);
  await expect(sentences.nth(3)).toHaveAttribute("title", /^Play from about 0:\d\d$/);

  await sentences.nth(3).click();
  const audio = call.getByTestId("audio-element");
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime * 1000))
    .toBeGreaterThanOrEqual(starts[3]!);
  await expect(sentences.nth(3)).toHaveAttribute("aria-current", "true");
  await audio.evaluate((element: HTMLAudioElement) => element.pause());

  // The sentence being played against its bubble: a fill that shows (slate-100 on white did not).
  const fill = async () => {
    const [sentence, bubble] = await sentences.nth(3).evaluate((element) => {
      const card = element.closest('[data-testid="message"] > div')!;
      return [getComputedStyle(element).backgroundColor, getComputedStyle(card).backgroundColor];
    });
    return contrast(sentence, bubble);
  };
  expect(await fill()).toBeGreaterThanOrEqual(1.3);
  await saveScreenshot(page, "search-where-seek-1440");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(await fill()).toBeGreaterThanOrEqual(1.3);
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "search-where-seek-1440-dark");
});
