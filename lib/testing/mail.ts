import { afterAll, beforeAll, beforeEach } from "vitest";
import { mailSenderIdle } from "@/lib/mail/sender";
import { closeMailTransport } from "@/lib/mail/transport";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp-server";

/**
 * A test file's SMTP server: started before its tests with SMTP_URL pointing at it, emptied
 * before each, stopped (after the sender is idle) at the end. Read it through the getter.
 */
export function withTestSmtpServer(): () => TestSmtpServer {
  let smtp: TestSmtpServer | null = null;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    await mailSenderIdle();
    closeMailTransport();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });
  beforeEach(() => {
    smtp!.delivered.length = 0;
    smtp!.refuseNext(0);
  });
  return () => smtp!;
}
