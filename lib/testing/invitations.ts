import { POST as invite } from "@/app/api/accounts/[id]/invitations/route";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { accountIdOf } from "./auth";
import { postWebhook } from "./webhooks";

// Invitations through their real routes, for the invitation and mail tests.

/** Accounts loc-a and loc-b, each with one conversation (conv-a, conv-b). */
export async function twoAccounts() {
  for (const side of ["a", "b"]) {
    await postWebhook("leadconnector", {
      type: "InboundMessage",
      locationId: `loc-${side}`,
      conversationId: `conv-${side}`,
      messageId: `${side}1`,
      messageType: "SMS",
      body: side,
    });
  }
  return { a: await accountIdOf("leadconnector", "loc-a"), b: await accountIdOf("leadconnector", "loc-b") };
}

export const inviteAs = (accountId: string, cookie: string, body: unknown) =>
  invite(
    new Request(`http://localhost/api/accounts/${accountId}/invitations`, {
      method: "POST",
      headers: { cookie, origin: "http://localhost", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: accountId }) },
  );

export const acceptWith = (body: unknown, headers: Record<string, string> = {}) =>
  accept(
    new Request("http://localhost/api/invitations/accept", {
      method: "POST",
      headers: { origin: "http://localhost", ...headers },
      body: JSON.stringify(body),
    }),
    undefined as never,
  );

export const tokenOfLink = (link: string) => new URL(link).pathname.split("/invite/")[1]!;

/** Invites `email` and returns the link the owner is shown (no SMTP_URL). */
export async function inviteLink(accountId: string, cookie: string, email: string): Promise<string> {
  const response = await inviteAs(accountId, cookie, { email });
  if (response.status !== 201) throw new Error(`invite answered ${response.status}`);
  const { link } = (await response.json()) as { link: string | null };
  if (!link) throw new Error("no link: is SMTP_URL set?");
  return link;
}
