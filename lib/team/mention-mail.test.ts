import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { drainOutbox } from "@/lib/mail/outbox";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { anaAndBenOnOneConversation } from "@/lib/testing/team";
import { withTestSmtpServer } from "@/lib/testing/mail";
import { linkIn } from "@/lib/testing/smtp-server";
import { runJobs } from "@/lib/testing/replies-api";
import { addNote } from "@/lib/testing/team-api";
import { markRead } from "@/lib/testing/triage-api";

// A mention not seen within the delay (THREADLINE_MENTION_MAIL_MINUTES, 15 by default) is mailed
// once through the mail outbox, with a link to the conversation (issue #24 item 2). Time is
// injected by making the queued job due; nothing sleeps.

beforeEach(resetDatabase);
const smtp = withTestSmtpServer();

async function anaMentionsBen() {
  const { accountId, ana, ben, conversationId } = await anaAndBenOnOneConversation();
  const conversation = { id: conversationId };
  const note = await addNote(conversation.id, { text: "@Ben can you call her back?", mentions: [ben.id] }, ana.headers);
  expect(note.status).toBe(201);
  return { accountId, ana, ben, conversationId: conversation.id };
}

const mentionMails = async () =>
  (await getPrisma()).mailOutbox.findMany({ where: { kind: "mention" }, orderBy: { createdAt: "asc" } });

/** The delay passes. */
async function delayPasses() {
  const queued = await (await getPrisma()).job.updateMany({
    where: { kind: "mention-mail", state: "queued" },
    data: { runAfter: new Date() },
  });
  await runJobs();
  return queued.count;
}

describe("mention mail", () => {
  it("mails an unseen mention once, after the delay, with the note and a link to the conversation", async () => {
    const { ben, conversationId } = await anaMentionsBen();
    const job = await (await getPrisma()).job.findFirstOrThrow({ where: { kind: "mention-mail" } });
    const minutes = (job.runAfter.getTime() - job.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThan(15.1);
    await runJobs(); // not due yet
    expect(await mentionMails()).toHaveLength(0);
    expect(await delayPasses()).toBe(1);
    const [mail, ...more] = await mentionMails();
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ recipient: ben.email, subject: expect.stringContaining("Ana mentioned you") });
    // The account by the name people know it by (#26, 8): the owner's, HighLevel's, never "null".
    expect(mail?.subject).toMatch(/mentioned you in HighLevel location loc-test-1$/);
    expect(mail?.textBody).toContain("@Ben can you call her back?");
    expect(mail?.textBody).toContain(`c=${conversationId}`);
    // Through the outbox to a real SMTP server, with a link to the conversation at the public address.
    expect(await drainOutbox()).toMatchObject({ sent: 1 });
    const delivered = await smtp().waitFor(ben.email, /Ana mentioned you/);
    expect(linkIn(delivered)).toBe(`http://localhost:3000/?view=mentions&c=${conversationId}`);
    // The job running again (at least once) mails nobody twice.
    await (await getPrisma()).job.updateMany({ where: { kind: "mention-mail" }, data: { state: "queued" } });
    await delayPasses();
    expect(await mentionMails()).toHaveLength(1);
    expect(smtp().delivered).toHaveLength(1);
  });

  it("mails nobody who opened the conversation in time, or who is no longer a member", async () => {
    const { accountId, ben, conversationId } = await anaMentionsBen();
    expect((await markRead(conversationId, ben.headers)).status).toBe(200);
    expect(await delayPasses()).toBe(1);
    expect(await mentionMails()).toHaveLength(0);

    const prisma = await getPrisma();
    const cara = await createSignedInUser({ accounts: [{ accountId }] });
    await addNote(conversationId, { text: "@Cara see this", mentions: [cara.id] }, ben.headers);
    await prisma.membership.deleteMany({ where: { userId: cara.id } });
    expect(await delayPasses()).toBe(1);
    expect(await mentionMails()).toHaveLength(0);
  });
});
