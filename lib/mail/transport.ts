import nodemailer, { type Transporter } from "nodemailer";
import type { MailSettings } from "./config";

// nodemailer speaks SMTP for us (STARTTLS, AUTH, pooling, timeouts). One transport per URL and
// process; tight timeouts so a dead server fails an attempt quickly (the outbox retries it).

const state = globalThis as unknown as { threadlineMailTransport?: { url: string; transporter: Transporter } };

export function mailTransport(settings: MailSettings): Transporter {
  if (state.threadlineMailTransport?.url !== settings.url) {
    state.threadlineMailTransport?.transporter.close();
    state.threadlineMailTransport = {
      url: settings.url,
      transporter: nodemailer.createTransport({
        url: settings.url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return state.threadlineMailTransport.transporter;
}

export function closeMailTransport(): void {
  state.threadlineMailTransport?.transporter.close();
  state.threadlineMailTransport = undefined;
}
