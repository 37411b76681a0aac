import { expect, type Page } from "@playwright/test";
import { postSignedWebhook } from "./auth";

// Small helpers over what a person sees; no test reaches into the app's state.

export async function visibleLabels(page: Page): Promise<string[]> {
  const names = await page.getByTestId("conversation-name").allInnerTexts();
  return names.sort();
}

export async function expectLabels(page: Page, expected: string[]) {
  if (expected.length === 0) {
    await expect(page.getByTestId("empty-list")).toBeVisible();
    return;
  }
  await expect.poll(() => visibleLabels(page)).toEqual([...expected].sort());
}

export async function openConversation(page: Page, label: string) {
  await page.getByTestId("conversation-row").filter({ has: page.getByTestId("conversation-name").getByText(label, { exact: true }) }).click();
  await expect(page.getByTestId("thread-title")).toHaveText(label);
}

export async function postWebhook(baseUrl: string, provider: "leadconnector" | "voxity", payload: Record<string, unknown>) {
  const { status, answer } = await postSignedWebhook(baseUrl, provider, payload);
  expect(status).toBe(200);
  return { status: answer };
}

/** Records every dialog the page opens (dismissing it) and every request that matches `suspicious`. */
export function watchForAttacks(page: Page, suspicious: (url: string) => boolean) {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (suspicious(request.url())) requests.push(request.url());
  });
  return { dialogs, requests };
}
