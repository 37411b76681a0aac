import type { OutgoingMail } from "./outbox";

// The words of each message, as plain text and as simple HTML (every value escaped).

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function compose(
  kind: OutgoingMail["kind"],
  to: string,
  subject: string,
  lines: string[],
  link: { url: string; label: string },
) {
  const text = [...lines, "", `${link.label}: ${link.url}`, ""].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(link.url)}</p>`,
  ].join("\n");
  return { kind, to, subject, text, html } satisfies OutgoingMail;
}

export const invitationMail = (input: { to: string; account: string; role: string; url: string; days: number }) =>
  compose(
    "invitation",
    input.to,
    `You are invited to ${input.account} on Threadline`,
    [
      `You were invited to read ${input.account}'s customer conversations on Threadline as ${input.role === "owner" ? "an owner" : "a member"}.`,
      `The link works once and for ${input.days} days. If you did not expect this, ignore this message.`,
    ],
    { url: input.url, label: "Accept the invitation" },
  );

export const verificationMail = (input: { to: string; url: string }) =>
  compose(
    "verification",
    input.to,
    "Confirm your email address for Threadline",
    [
      "Confirm that this address is yours to finish setting up your Threadline sign-in.",
      "If you did not ask for this, ignore this message.",
    ],
    { url: input.url, label: "Confirm my address" },
  );

export const passwordResetMail = (input: { to: string; url: string }) =>
  compose(
    "password_reset",
    input.to,
    "Reset your Threadline password",
    [
      "Someone asked to reset the password of the Threadline sign-in for this address.",
      "The link works once and for one hour. If it was not you, ignore this message: your password stays as it is.",
    ],
    { url: input.url, label: "Choose a new password" },
  );

export const mentionMail = (input: { to: string; author: string; account: string; note: string; url: string }) =>
  compose(
    "mention",
    input.to,
    `${input.author} mentioned you in ${input.account}`,
    [
      `${input.author} mentioned you in an internal note on a conversation in ${input.account}:`,
      input.note.length > 500 ? `${input.note.slice(0, 500)}…` : input.note,
      "You get this mail because you had not opened the conversation since.",
    ],
    { url: input.url, label: "Open the conversation" },
  );
