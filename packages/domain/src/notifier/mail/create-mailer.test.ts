import { describe, expect, it } from "vitest";
import { createMailer } from "./create-mailer.ts";

function recordingLog() {
  const lines: { object: object; message?: string }[] = [];
  const record = (object: object, message?: string) => {
    lines.push({ object, message });
  };
  return { lines, info: record, warn: record, error: record };
}

describe("createMailer", () => {
  it("without SMTP_URL writes each email to the log at info level", async () => {
    const log = recordingLog();
    const mailer = createMailer({ log });
    await mailer.send({ to: "mia@example.com", subject: "Starting at 14:30: Write report", text: "Hello" });
    expect(log.lines.at(-1)).toMatchObject({
      object: {
        mail: {
          from: "AgendaCraft <no-reply@localhost>",
          to: "mia@example.com",
          subject: "Starting at 14:30: Write report",
          text: "Hello",
        },
      },
    });
    await mailer.close();
  });

  it("with SMTP_URL logs where mail goes, never the password in the URL", async () => {
    const log = recordingLog();
    const mailer = createMailer({ smtpUrl: "smtp://someone:hunter2-secret@mail.example.com:587", from: "a@b.c", log });
    const written = JSON.stringify(log.lines);
    expect(written).toContain("smtp://mail.example.com:587");
    expect(written).not.toContain("hunter2-secret");
    expect(written).not.toContain("someone");
    await mailer.close();
  });
});
