import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { locationMessage } from "./data";
import { postWebhook, saveScreenshot, VIEWPORTS } from "./inbox-page";
import { row, TriageLocation } from "./triage-page";

// Issue #26 item 5: a long thread opens at its newest message and stays there while everything in
// it sizes itself late — photos answered late, email frames sizing after their load, waveforms
// drawn late, a call's transcript arriving while the thread is open — ten opens in a row, at each
// width and in both themes. A search hit lands on its message and keeps it in view while what is
// above it grows.

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

// Taller than the thread's thumbnails (max 240 px): every photo grows by that much when it arrives.
const PHOTO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="400"><rect width="320" height="400" fill="#94a3b8"/></svg>';
// Each email ends in an inline picture, after a dozen lines: its frame grows after its own load.
const PICTURE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#cbd5e1"/></svg>')}`;
const email = (index: number) =>
  `<h2>Plan ${index}</h2>${Array.from({ length: 12 }, (_, line) => `<p>Plan ${index}, line ${line}: what the visit involves.</p>`).join("")}<img src="${PICTURE}" alt="plan ${index}"><p>Plan ${index}, the end.</p>`;
const CALLS = 10;

/** A promise the route handlers wait on, opened by the test once the thread has been painted. */
class Gate {
  private release: () => void = () => undefined;
  private promise = Promise.resolve();
  close() {
    this.promise = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  open() {
    this.release();
  }
  wait() {
    return this.promise;
  }
}

/** Photos and waveforms are answered only when their gate opens (a request of a page already left is dropped). */
async function holdLateMedia(page: Page, photos: Gate, waveforms: Gate) {
  const answer = async (gate: Gate, respond: () => Promise<void>) => {
    await gate.wait();
    await respond().catch(() => undefined);
  };
  await page.route("**/api/media/*/waveform", (route) => answer(waveforms, () => route.continue()));
  await page.route("**/api/media/*", (route) =>
    route.request().resourceType() === "image"
      ? answer(photos, () => route.fulfill({ contentType: "image/svg+xml", body: PHOTO }))
      : route.continue(),
  );
}

/**
 * Jamie's long thread, oldest first: 40 texts, three photos and an email above a message that
 * mentions a "periwinkle" scarf (the search hit), ten texts, then calls with recordings, photos
 * and emails, and at the bottom a text with a photo (the newest message).
 */
async function seedLongThread(baseURL: string, place: TriageLocation) {
  await place.customer("Jamie", "Longthread");
  const contactId = place.contactId("Jamie");
  const messages: Array<Record<string, unknown>> = [];
  const add = (fields: Record<string, unknown>) =>
    messages.push(
      locationMessage(place.locationId, `${contactId}-${messages.length}`, contactId, {
        direction: messages.length % 2 === 0 ? "inbound" : "outbound",
        dateAdded: minutesAgo(500 - messages.length),
        ...fields,
      }),
    );
  const sms = (body: string) => add({ messageType: "SMS", body });
  const photo = (body: string) =>
    add({ messageType: "SMS", body, attachments: [`${baseURL}/api/demo-media/pinned-${messages.length}.png`] });
  for (let index = 0; index < 40; index++) sms(`Earlier text ${index}: about the appointment.`);
  for (let index = 0; index < 3; index++) photo(`Photo above the scarf ${index}`);
  add({
    messageType: "Email",
    subject: "Your plan",
    from: "jamie@example.com",
    to: "front@clinic.example",
    body: email(0),
  });
  sms("Did I leave my periwinkle scarf in the waiting room?");
  for (let index = 0; index < 10; index++) sms(`Later text ${index}: see you then.`);
  const calls: string[] = [];
  for (let index = 0; index < CALLS; index++) {
    calls.push(`${contactId}-${messages.length}`);
    add({
      messageType: "CALL",
      status: "completed",
      callStatus: "completed",
      callDuration: 12,
      attachments: ["/api/demo-media/recording-12s-pinned.wav"],
    });
    if (index % 2 === 0) photo(`Photo ${index} of the crown`);
    else
      add({
        messageType: "Email",
        subject: `Plan ${index}`,
        from: "jamie@example.com",
        to: "front@clinic.example",
        body: email(index),
      });
  }
  photo("Newest: the photo you asked for");
  // Eight at a time: quicker than one by one, well within the deliveries the app takes at once (64).
  for (let start = 0; start < messages.length; start += 8)
    await Promise.all(messages.slice(start, start + 8).map((message) => postWebhook(baseURL, "highlevel", message)));
  return calls;
}

/** Whether `target` lies wholly inside the thread's scrolling area (a pixel of rounding allowed). */
async function withinThread(page: Page, target: Locator) {
  const [area, box] = await Promise.all([page.getByTestId("thread-scroll").boundingBox(), target.boundingBox()]);
  if (!area || !box) return false;
  return box.y >= area.y - 1 && box.y + box.height <= area.y + area.height + 1;
}

interface LongThread {
  place: TriageLocation;
  calls: string[];
  account: string;
  conversationId: string;
}

// Both tests read the same thread; it is posted once (the file's tests run in one worker, in order).
let longThread: Promise<LongThread> | null = null;

/** Jamie's thread, posted and every message ingested (the worker takes deliveries in batches). */
function jamiesThread(page: Page, baseURL: string): Promise<LongThread> {
  longThread ??= (async () => {
    const place = new TriageLocation(baseURL, "pinned");
    const calls = await seedLongThread(baseURL, place);
    const account = await place.accountId(page, "Jamie Longthread");
    const listed = (await (
      await page.request.get(`/api/conversations?account=${account}&q=Jamie%20Longthread`)
    ).json()) as { conversations: Array<{ id: string }> };
    const conversationId = listed.conversations[0]!.id;
    await expect
      .poll(async () => {
        const answer = await page.request.get(`/api/conversations/${conversationId}/messages?latest=true&limit=100`);
        return ((await answer.json()) as { messages: unknown[] }).messages.length;
      })
      .toBe(76);
    return { place, calls, account, conversationId };
  })();
  return longThread;
}

test("a long thread stays at its newest message while photos, email frames, waveforms and a transcript arrive late, ten opens in a row", async ({
  page,
  baseURL,
}) => {
  // Ten page loads, each waiting on the live stream: ~15 s on a quiet machine, far more on a busy one.
  test.setTimeout(180_000);
  const { place, calls, account, conversationId } = await jamiesThread(page, baseURL!);
  const photos = new Gate();
  const waveforms = new Gate();
  await holdLateMedia(page, photos, waveforms);
  const newest = page.getByTestId("message").filter({ hasText: "Newest: the photo you asked for" });

  for (let run = 0; run < CALLS; run++) {
    const [width, height] = VIEWPORTS[run % VIEWPORTS.length]!;
    const theme = run % 2 === 0 ? "light" : "dark";
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    photos.close();
    waveforms.close();
    await page.goto(`/?account=${account}&c=${conversationId}`);
    // First paint: the newest message is there, its photo and the waveforms still on their way.
    await expect(newest).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveText(/Live/);
    // This run's call gets its Voice AI report now: the open thread takes it from the live stream.
    const report = `Report ${run}: the caller wants a crown fitted.`;
    const refetched = page.waitForResponse(
      async (response) =>
        response.url().includes(`/api/conversations/${conversationId}/messages`) &&
        (await response.text().catch(() => "")).includes(report),
    );
    await postWebhook(baseURL!, "highlevel", {
      type: "VoiceAiCallEnd",
      id: `vai-${calls[run]}`,
      locationId: place.locationId,
      contactId: place.contactId("Jamie"),
      messageId: calls[run],
      createdAt: minutesAgo(1),
      duration: 12,
      summary: `${report}\nAsked for a morning slot.`,
      transcript: "bot: Sunset Dental, how can I help?\nhuman: I need my crown fitted.\nbot: Tuesday at nine is free.",
      extractedData: { reason: "Crown fitting", preferredTime: "Morning" },
      executedCallActions: [],
      trialCall: false,
    });
    photos.open();
    waveforms.open();
    await refetched;
    // Everything has grown: the photos at the bottom are drawn, the waveforms too, the emails sized.
    for (const text of ["Newest: the photo", `Photo ${CALLS - 2} of the crown`])
      await expect(
        page.getByTestId("message").filter({ hasText: text }).getByAltText("Attachment", { exact: true }),
      ).toHaveJSProperty("complete", true);
    await expect(page.getByTestId("waveform").last()).toHaveAttribute("data-state", "drawn");
    await expect(
      page
        .frameLocator("[data-testid='email-frame']")
        .last()
        .getByText(/the end\./),
    ).toBeVisible();
    await expect.poll(() => withinThread(page, newest), { message: `run ${run} at ${width} px, ${theme}` }).toBe(true);
    if (run < VIEWPORTS.length + 1) await saveScreenshot(page, `pinned-newest-${width}-${theme}`);
  }
  // The emails' own HTML is the sender's (and axe would wait on every frame): the app around it is judged.
  expect(await seriousViolations(page, { exclude: ["[data-testid='email-frame']"] })).toEqual([]);
});

test("a search hit opens the thread at its message and keeps it in view as the photos and the email above it grow", async ({
  page,
  baseURL,
}) => {
  const { account } = await jamiesThread(page, baseURL!);
  const photos = new Gate();
  await holdLateMedia(page, photos, new Gate());
  await page.setViewportSize({ width: 1024, height: 768 });
  photos.close();
  await page.goto(`/?account=${account}&q=periwinkle`);
  // Searching sees the message once the worker has indexed it (the first test may not have run).
  await expect(row(page, "Jamie Longthread")).toBeVisible();
  await row(page, "Jamie Longthread").click();
  const hit = page.locator('[data-testid="message"][data-focused="true"]');
  await expect(hit).toContainText("periwinkle scarf");
  await expect.poll(() => withinThread(page, hit)).toBe(true);
  photos.open();
  const above = page
    .getByTestId("message")
    .filter({ hasText: "Photo above the scarf" })
    .getByAltText("Attachment", { exact: true });
  await expect(above).toHaveCount(3);
  for (const image of await above.all()) await expect(image).toHaveJSProperty("complete", true);
  await expect(page.frameLocator("[data-testid='email-frame']").first().getByText("Plan 0, the end.")).toBeVisible();
  await expect.poll(() => withinThread(page, hit)).toBe(true);
  await saveScreenshot(page, "pinned-search-hit-1024");
});
