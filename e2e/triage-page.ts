import { expect, type Page } from "@playwright/test";
import { locationMessage } from "./data";
import { postWebhook } from "./inbox-page";

// What the triage specs (19-triage-*.spec.ts) share. Each test posts its conversations into a
// location of its own and looks at that account only (?account=), so other specs' data never
// changes its counts.

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export class TriageLocation {
  readonly locationId: string;
  private next = 0;
  constructor(
    private baseURL: string,
    name: string,
  ) {
    this.locationId = `loc-e2e-triage-${name}-${Date.now().toString(36)}`;
  }

  contactId(first: string) {
    return `${this.locationId}-${first.toLowerCase()}`;
  }

  async customer(first: string, last: string) {
    await postWebhook(this.baseURL, "highlevel", {
      type: "ContactCreate",
      locationId: this.locationId,
      id: this.contactId(first),
      firstName: first,
      lastName: last,
    });
  }

  private post(first: string, fields: Record<string, unknown>) {
    const id = `${this.contactId(first)}-m${this.next++}`;
    return postWebhook(this.baseURL, "highlevel", locationMessage(this.locationId, id, this.contactId(first), fields));
  }

  sms(first: string, body: string, ago: number, direction: "inbound" | "outbound" = "inbound") {
    return this.post(first, { messageType: "SMS", body, direction, dateAdded: minutesAgo(ago) });
  }

  /**
   * Customers `firsts` (surname `last`), each with one inbound SMS, the first newest (10, 20, 30…
   * minutes ago); answers the account's id once the last one's conversation is ingested.
   */
  async customersWithSms(
    page: Page,
    firsts: string[],
    last: string,
    body: (first: string) => string = () => "Hello",
  ): Promise<string> {
    for (const first of firsts) await this.customer(first, last);
    for (const [index, first] of firsts.entries()) await this.sms(first, body(first), 10 + index * 10);
    return this.accountId(page, `${firsts.at(-1)} ${last}`);
  }

  /** A missed inbound call; with a voicemail when `voicemailSeconds` is given. */
  missedCall(first: string, ago: number, voicemailSeconds?: number) {
    return this.post(first, {
      messageType: "CALL",
      status: voicemailSeconds ? "voicemail" : "completed",
      callStatus: voicemailSeconds ? "voicemail" : "no-answer",
      callDuration: voicemailSeconds ?? 0,
      attachments: voicemailSeconds ? [`/api/demo-media/voicemail-${voicemailSeconds}s-triage.wav`] : [],
      dateAdded: minutesAgo(ago),
    });
  }

  /**
   * A call HighLevel's Voice AI agent answered, and its report (VoiceAiCallEnd) with `report`'s
   * summary, transcript and extracted data.
   */
  async voiceAiCall(first: string, ago: number, report: Record<string, unknown>) {
    const id = `${this.contactId(first)}-m${this.next++}`;
    const fields = { messageType: "CALL", status: "completed", callStatus: "completed", callDuration: 94 };
    await postWebhook(
      this.baseURL,
      "highlevel",
      locationMessage(this.locationId, id, this.contactId(first), { ...fields, dateAdded: minutesAgo(ago) }),
    );
    await postWebhook(this.baseURL, "highlevel", {
      type: "VoiceAiCallEnd",
      id: `vai-${id}`,
      locationId: this.locationId,
      contactId: this.contactId(first),
      messageId: id,
      createdAt: minutesAgo(ago),
      duration: 94,
      ...report,
    });
  }

  /** An outbound call the customer answered: it returns their missed call. */
  returnCall(first: string, ago: number) {
    return this.post(first, {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "completed",
      callDuration: 60,
      dateAdded: minutesAgo(ago),
    });
  }

  /**
   * The account's id (for ?account=), found by this location's own id (a search by the customer's
   * name could answer another spec's account), once the worker has ingested `customer`'s conversation.
   */
  async accountId(page: Page, customer: string): Promise<string> {
    let id = "";
    await expect
      .poll(async () => {
        const accounts = (await (await page.request.get("/api/accounts")).json()) as {
          accounts: Array<{ id: string; externalId: string }>;
        };
        const account = accounts.accounts.find((a) => a.externalId === this.locationId);
        if (!account) return "";
        const answer = await page.request.get(
          `/api/conversations?account=${account.id}&q=${encodeURIComponent(customer)}`,
        );
        const body = (await answer.json()) as { conversations: unknown[] };
        id = body.conversations.length > 0 ? account.id : "";
        return id;
      })
      .not.toBe("");
    return id;
  }
}

export function row(page: Page, label: string) {
  return page
    .getByTestId("conversation-row")
    .filter({ has: page.getByTestId("conversation-name").getByText(label, { exact: true }) });
}

type ViewName =
  | "all"
  | "mine"
  | "unassigned"
  | "unread"
  | "mentions"
  | "needs-reply"
  | "callbacks"
  | "snoozed"
  | "not-delivered"
  | "done";

/** The count on a view tab (All, Mine, Unread, Needs reply, …). */
export function viewCount(page: Page, view: ViewName) {
  return page.getByTestId(`view-${view}`).getByTestId("view-count");
}
