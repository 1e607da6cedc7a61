import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** Envelope: who the client said it sends for and to. */
  mailFrom: string;
  rcptTo: string[];
  /** Who logged in (the user part of the SMTP URL). */
  username: string | null;
  /** Decoded headers (lower-case names) and plain-text body. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  raw: string;
};

export type TestSmtpServer = {
  /** `smtp://user:secret@127.0.0.1:<port>` */
  url: string;
  received: ReceivedMail[];
  /** The next `count` messages are refused with a temporary failure (451). */
  refuseNext(count: number): void;
  close(): Promise<void>;
};

/**
 * A real SMTP server on a free loopback port, speaking the protocol nodemailer speaks to
 * production servers (EHLO, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA), keeping what it receives.
 * STARTTLS is off: there is no certificate to offer.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "user" && auth.password === "secret") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const envelopeFrom = session.envelope.mailFrom;
        received.push({
          mailFrom: envelopeFrom ? envelopeFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((address) => address.address),
          username: typeof session.user === "string" ? session.user : null,
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    received,
    refuseNext(count) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough of RFC 5322/2045/2047 to read what nodemailer writes for a text email. */
function parseMessage(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = headers["content-transfer-encoding"]?.toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return { headers, subject: headers.subject ?? "", text: text.replace(/\r\n/g, "\n") };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, _charset: string, kind: string, encoded: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(encoded, "base64").toString("utf8")
        : decodeQuotedPrintable(encoded.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, "")
    .replace(/%/g, "%25")
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => `%${hex}`)
    .replace(/[^%]/g, (char) => encodeURIComponent(char));
  return decodeURIComponent(bytes);
}
