import type { MailMessage } from "../mail/mailer.ts";
import { formatLocalStart } from "./format-task-start.ts";

export type TaskStartingFacts = {
  summary: string;
  startTime: Date;
  endTime: Date;
  timeZone: string;
  userName: string;
  /** The app's address, linked from the email; omitted when unknown. */
  appUrl?: string;
};

/** Header-safe: a summary may hold line breaks; a title and a subject must not. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The in-app title and body of a "task starting" reminder, in the person's own zone. */
export function composeTaskStartingNotification(facts: TaskStartingFacts): { title: string; body: string } {
  const start = formatLocalStart(facts.startTime, facts.timeZone);
  return {
    title: `Starting at ${start.time}: ${oneLine(facts.summary)}`,
    body: `Starts at ${start.time} on ${start.date} (${facts.timeZone}) and runs until ${until(facts)}.`,
  };
}

/** The email of the same reminder (plain text). */
export function composeTaskStartingEmail(facts: TaskStartingFacts & { to: string }): MailMessage {
  const start = formatLocalStart(facts.startTime, facts.timeZone);
  const summary = oneLine(facts.summary);
  const lines = [
    `Hello ${oneLine(facts.userName)},`,
    "",
    `"${summary}" starts at ${start.time} on ${start.date} (${facts.timeZone}) and runs until ${until(facts)}.`,
    ...(facts.appUrl ? ["", `Open AgendaCraft: ${facts.appUrl}`] : []),
    "",
    "You get this email because email reminders are on in your AgendaCraft notification settings.",
  ];
  return { to: facts.to, subject: `Starting at ${start.time}: ${summary}`, text: `${lines.join("\n")}\n` };
}

function until({ startTime, endTime, timeZone }: TaskStartingFacts): string {
  const start = formatLocalStart(startTime, timeZone);
  const end = formatLocalStart(endTime, timeZone);
  return end.day === start.day ? end.time : `${end.time} on ${end.date}`;
}
