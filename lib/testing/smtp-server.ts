import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on a free local port for the tests: it receives what the outbox sends over
// the wire, parses each message, and can refuse the next deliveries (a server having trouble).

export interface DeliveredMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtpServer {
  url: string;
  delivered: DeliveredMail[];
  /** The next `count` messages are answered 451 (try again later). */
  refuseNext(count: number): void;
  /** Waits until a message to `to` (with a matching subject, if given) has arrived and returns it. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<DeliveredMail>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const delivered: DeliveredMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          delivered.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    refuseNext: (count) => {
      refusals = count;
    },
    async waitFor(to, subject, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = delivered.find((mail) => mail.to === to && (!subject || subject.test(mail.subject)));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a delivered message's text. */
export const linkIn = (mail: DeliveredMail): string => {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error("no link in the message");
  return match[0];
};
