import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { withTestSmtpServer } from "@/lib/testing/mail";
import { MAX_MAIL_ATTEMPTS } from "./config";
import { drainOutbox, enqueueMail } from "./outbox";

// The outbox against a real SMTP server on a local port: what commits is delivered, what rolls
// back is not, a refusal is retried after its backoff, and repeated failures end visibly.

const server = withTestSmtpServer();
beforeEach(async () => {
  await resetDatabase();
});

const mail = (to: string) => ({
  kind: "password_reset" as const,
  to,
  subject: "Reset",
  text: "link: http://localhost/x",
  html: "<p>link</p>",
});
const makeDue = async () => (await getPrisma()).mailOutbox.updateMany({ data: { availableAt: new Date(0) } });

describe("mail outbox", () => {
  it("delivers a committed message once and then forgets its body (the link)", async () => {
    const prisma = await getPrisma();
    await prisma.$transaction(async (tx) => enqueueMail(tx, mail("a@corp.test")));
    expect(await drainOutbox()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server().delivered).toMatchObject([
      { to: "a@corp.test", subject: "Reset", text: "link: http://localhost/x" },
    ]);
    const [row] = await prisma.mailOutbox.findMany();
    expect(row).toMatchObject({ status: "sent", attempts: 1, textBody: null, htmlBody: null, lastError: null });
    expect(await drainOutbox()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server().delivered).toHaveLength(1);
  });

  it("never sends a message whose transaction rolled back", async () => {
    const prisma = await getPrisma();
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMail(tx, mail("b@corp.test"));
        throw new Error("the invitation failed after queueing its mail");
      }),
    ).rejects.toThrow(/failed after/);
    await drainOutbox();
    expect(server().delivered).toHaveLength(0);
    expect(await prisma.mailOutbox.count()).toBe(0);
  });

  it("retries after the SMTP server refuses, only once the backoff is over, and shows the error meanwhile", async () => {
    const prisma = await getPrisma();
    await enqueueMail(prisma, mail("c@corp.test"));
    server().refuseNext(1);
    expect(await drainOutbox()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await prisma.mailOutbox.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/451/) });
    expect(waiting.lastError).not.toMatch(/c@corp\.test/);
    expect(waiting.availableAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(await drainOutbox()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await makeDue();
    expect(await drainOutbox()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server().delivered.map((m) => m.to)).toEqual(["c@corp.test"]);
    expect(await prisma.mailOutbox.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up after the last attempt: failed, with the reason, body erased", async () => {
    const prisma = await getPrisma();
    await enqueueMail(prisma, mail("d@corp.test"));
    server().refuseNext(MAX_MAIL_ATTEMPTS);
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      await makeDue();
      await drainOutbox();
    }
    expect(await prisma.mailOutbox.findFirstOrThrow()).toMatchObject({
      status: "failed",
      attempts: MAX_MAIL_ATTEMPTS,
      lastError: expect.stringMatching(/451/),
      textBody: null,
    });
    expect(server().delivered).toHaveLength(0);
  });

  it("an SMTP server that is not there fails the attempt at once; the message waits for the next", async () => {
    const prisma = await getPrisma();
    await enqueueMail(prisma, mail("e@corp.test"));
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    try {
      const started = Date.now();
      expect(await drainOutbox()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      process.env.SMTP_URL = server().url;
    }
    await makeDue();
    expect(await drainOutbox()).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it("two senders draining at once deliver each message exactly once", async () => {
    const prisma = await getPrisma();
    for (let i = 0; i < 12; i++) await enqueueMail(prisma, mail(`p${i}@corp.test`));
    const [one, two] = await Promise.all([drainOutbox(3), drainOutbox(3)]);
    expect(one.sent + two.sent).toBe(12);
    expect(
      server()
        .delivered.map((m) => m.to)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}@corp.test`).sort());
  });
});
