/** One email to one person; `text` is always sent, `html` is an optional alternative. */
export type MailMessage = { to: string; subject: string; text: string; html?: string };

/** How the notifier sends email; SMTP in production, the log in development, a real local SMTP server in tests. */
export type Mailer = {
  /** Resolves once the server accepted the message; throws when it did not (the caller retries). */
  send(message: MailMessage): Promise<void>;
  /** Closes open connections. */
  close(): Promise<void>;
};

/** The subset of pino the notifier logs through. */
export type NotifierLog = {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
};

export const DEFAULT_MAIL_FROM = "AgendaCraft <no-reply@localhost>";
