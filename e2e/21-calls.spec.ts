import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { locationMessage } from "./data";
import { postWebhook, saveScreenshot } from "./inbox-page";

// Calls people can read, from signed HighLevel deliveries to this server: a Voice AI call shows
// its summary, facts and speaker turns under its call; a word said in it finds the call and opens
// the thread there; the customer panel shows the next appointment and open tasks, and the booking
// stands in the timeline apart from the messages. Each run posts into a location of its own.

const location = `loc-e2e-calls-${Date.now().toString(36)}`;
const contactId = `${location}-vera`;
const callMessageId = `${location}-call`;
const inAWeek = new Date(Date.now() + 7 * 86_400_000);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function seedCall(baseURL: string) {
  await postWebhook(baseURL, "highlevel", {
    type: "ContactCreate",
    locationId: location,
    id: contactId,
    firstName: "Vera",
    lastName: "Voiceai",
  });
  await postWebhook(
    baseURL,
    "highlevel",
    locationMessage(location, `${location}-sms`, contactId, {
      messageType: "SMS",
      body: "Hi, I called earlier about whitening",
      dateAdded: minutesAgo(30),
    }),
  );
  await postWebhook(
    baseURL,
    "highlevel",
    locationMessage(location, callMessageId, contactId, {
      messageType: "CALL",
      status: "completed",
      callStatus: "completed",
      callDuration: 40,
      attachments: ["/api/demo-media/call-40s-voiceai.wav"],
      dateAdded: minutesAgo(20),
    }),
  );
  await postWebhook(baseURL, "highlevel", {
    type: "VoiceAiCallEnd",
    id: `${location}-report`,
    locationId: location,
    agentId: "agent-e2e",
    contactId,
    messageId: callMessageId,
    fromNumber: "+14155552671",
    createdAt: minutesAgo(19),
    duration: 40,
    summary: "New patient asking about whitening prices.\nWants a quote by email.",
    transcript:
      "bot: Thanks for calling Smile Dental, how can I help?\nhuman: How much is whitening, and do you take Delta Dental?\nbot: Whitening starts at three hundred fifty dollars.",
    extractedData: { insurance_provider: "Delta Dental", newPatient: true },
    executedCallActions: [],
    trialCall: false,
  });
  await postWebhook(baseURL, "highlevel", {
    type: "AppointmentCreate",
    locationId: location,
    appointment: {
      id: `${location}-appt`,
      title: "Whitening consultation",
      calendarId: "cal-e2e",
      contactId,
      appointmentStatus: "confirmed",
      startTime: inAWeek.toISOString(),
      endTime: new Date(inAWeek.getTime() + 3_600_000).toISOString(),
      dateAdded: minutesAgo(18),
      dateUpdated: minutesAgo(18),
    },
  });
  await postWebhook(baseURL, "highlevel", {
    type: "TaskCreate",
    locationId: location,
    id: `${location}-task`,
    title: "Email the whitening quote",
    contactId,
    dateAdded: minutesAgo(17),
    dueDate: new Date(Date.now() + 86_400_000).toISOString(),
  });
}

async function searchAndOpen(page: Page, word: string) {
  await page.goto(`/?q=${word}`);
  const row = page.getByTestId("conversation-row").filter({ hasText: "Vera Voiceai" });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await row.click();
  const call = page.locator('[data-testid="message"][data-focused="true"]');
  await expect(call).toBeVisible();
  return call;
}

test("a Voice AI call shows its summary, facts and speaker turns; a word said in it opens that call", async ({
  page,
  baseURL,
}) => {
  await seedCall(baseURL!);
  await page.setViewportSize({ width: 1440, height: 900 });

  // "Delta" is said only in the call (not in any message text): the hit opens the thread at the call.
  const call = await searchAndOpen(page, "Delta");
  await expect(call.getByTestId("call-message")).toBeVisible();
  await expect(call.getByTestId("call-summary")).toContainText("New patient asking about whitening prices");
  const facts = call.getByTestId("call-facts");
  await expect(facts.getByText("Insurance provider")).toBeVisible();
  await expect(facts.getByText("Delta Dental")).toBeVisible();
  await expect(facts.getByText("Yes", { exact: true })).toBeVisible();
  const turns = call.getByTestId("transcript-turns");
  await expect(turns).toBeVisible(); // unfolded: the search was for something said
  await expect(turns).toContainText("AI agent");
  await expect(turns).toContainText("Caller");
  await expect(turns).toContainText("do you take Delta Dental?");
  await saveScreenshot(page, "21-calls-voice-ai-1440");
  expect(await seriousViolations(page)).toEqual([]);

  // The list previews the call by its summary's first line.
  await page.goto("/");
  await expect(
    page.getByTestId("conversation-row").filter({ hasText: "Vera Voiceai" }).getByTestId("conversation-preview"),
  ).toHaveText(/New patient asking about whitening prices/);
});

test("the customer panel shows the next appointment and open tasks; the booking stands in the timeline", async ({
  page,
  baseURL,
}) => {
  await seedCall(baseURL!);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await searchAndOpen(page, "whitening");
    // Below 1200 px the customer panel opens from the thread's header.
    if (width === 390) await page.getByRole("button", { name: "Customer", exact: true }).click();
    const panel = page.getByTestId("customer-panel");
    const next = panel.getByTestId("next-appointment");
    await expect(next).toContainText("Whitening consultation");
    await expect(next.locator("time")).toHaveAttribute(
      "datetime",
      new RegExp(`^${inAWeek.toISOString().slice(0, 16)}`),
    );
    await expect(panel.getByTestId("open-tasks")).toContainText("Email the whitening quote");
    await saveScreenshot(page, `21-calls-customer-panel-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await searchAndOpen(page, "whitening");
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="appointment-booked"]')).toContainText(
    "Whitening consultation",
  );
  expect(await seriousViolations(page)).toEqual([]);
});
