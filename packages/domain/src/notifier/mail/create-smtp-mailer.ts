import { createTransport } from "nodemailer";
import type { Mailer } from "./mailer.ts";

/**
 * Sends through an SMTP server given as a URL: `smtp://user:pass@host:587` (STARTTLS when
 * the server offers it) or `smtps://user:pass@host:465` (TLS from the start). The URL
 * holds a password: it is never logged.
 */
export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
  const transport = createTransport({
    url,
    // A stuck server fails the send (and the job retries) instead of holding a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ to, subject, text, html }) {
      await transport.sendMail({ from, to, subject, text, ...(html ? { html } : {}) });
    },
    async close() {
      transport.close();
    },
  };
}
