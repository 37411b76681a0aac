import { POST as invite } from "@/app/api/accounts/[id]/invitations/route";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { accountIdOf } from "./auth";
import { callRoute } from "./route-call";
import { postWebhook } from "./webhooks";

// Invitations through their real routes, for the invitation and mail tests.

/** Accounts loc-a and loc-b, each with one conversation (conv-a, conv-b). */
export async function twoAccounts() {
  for (const side of ["a", "b"]) {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: `loc-${side}`,
      conversationId: `conv-${side}`,
      messageId: `${side}1`,
      messageType: "SMS",
      body: side,
    });
  }
  return { a: await accountIdOf("highlevel", "loc-a"), b: await accountIdOf("highlevel", "loc-b") };
}

export const inviteAs = (accountId: string, cookie: string, body: unknown) =>
  callRoute(invite, {
    method: "POST",
    url: `/api/accounts/${accountId}/invitations`,
    id: accountId,
    headers: { cookie },
    body,
  });

export const acceptWith = (body: unknown, headers: Record<string, string> = {}) =>
  callRoute(accept, { method: "POST", url: "/api/invitations/accept", headers, body });

export const tokenOfLink = (link: string) => new URL(link).pathname.split("/invite/")[1]!;

/** Invites `email` and returns the link the owner is shown (no SMTP_URL). */
export async function inviteLink(accountId: string, cookie: string, email: string): Promise<string> {
  const response = await inviteAs(accountId, cookie, { email });
  if (response.status !== 201) throw new Error(`invite answered ${response.status}`);
  const { link } = response.body as { link: string | null };
  if (!link) throw new Error("no link: is SMTP_URL set?");
  return link;
}
