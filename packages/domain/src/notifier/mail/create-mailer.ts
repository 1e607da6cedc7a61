import { createLogMailer } from "./create-log-mailer.ts";
import { createSmtpMailer } from "./create-smtp-mailer.ts";
import { DEFAULT_MAIL_FROM, type Mailer, type NotifierLog } from "./mailer.ts";

/** The mailer the configuration asks for: SMTP when `smtpUrl` is set, otherwise the log. */
export function createMailer({
  smtpUrl,
  from = DEFAULT_MAIL_FROM,
  log,
}: {
  smtpUrl?: string;
  from?: string;
  log: NotifierLog;
}): Mailer {
  if (smtpUrl) {
    log.info({ from, smtp: describeSmtpUrl(smtpUrl) }, "email goes out through SMTP");
    return createSmtpMailer({ url: smtpUrl, from });
  }
  log.info({ from }, "SMTP_URL is not set: emails are written to the log instead of being sent");
  return createLogMailer({ log, from });
}

/** Host and port only: the URL's user and password stay out of the log. */
function describeSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(unreadable URL)";
  }
}
