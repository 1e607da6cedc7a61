import type { Mailer, NotifierLog } from "./mailer.ts";

/** For development without SMTP: each email becomes one info line in the log. */
export function createLogMailer({ log, from }: { log: NotifierLog; from: string }): Mailer {
  return {
    async send({ to, subject, text }) {
      log.info({ mail: { from, to, subject, text } }, "email not sent (SMTP_URL is not set); here it is instead");
    },
    async close() {},
  };
}
