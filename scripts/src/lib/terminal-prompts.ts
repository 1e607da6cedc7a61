import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";

type Input = NodeJS.ReadableStream & { isTTY?: boolean };
type Output = NodeJS.WritableStream;

/**
 * Asks for the email and the password on a terminal, hiding the password. Without a
 * terminal (CI, pipes) nothing is asked: the password comes from AGENDACRAFT_PASSWORD
 * or the first line of stdin, and the email must be passed as --email.
 */
export function terminalPrompts({
  input = process.stdin,
  output = process.stderr,
  envPassword,
}: {
  input?: Input;
  /** stderr by default, so prompts never end up in redirected output. */
  output?: Output;
  envPassword?: string | undefined;
}) {
  return {
    async email(): Promise<string> {
      if (!input.isTTY) throw new Error("Pass --email when stdin is not a terminal.");
      output.write("Email: ");
      const rl = createInterface({ input, output, terminal: true, historySize: 0 });
      try {
        return await readOneLine(rl);
      } catch (error) {
        output.write("\n");
        throw error;
      }
    },

    async password(): Promise<string> {
      if (input.isTTY) {
        output.write("Password: ");
        // readline echoes every key through its output; a muted one keeps the password off
        // the screen while readline still handles backspace and Enter.
        const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
        const rl = createInterface({ input, output: muted, terminal: true, historySize: 0 });
        try {
          return await readOneLine(rl);
        } finally {
          // Enter was echoed into the muted stream too, so the prompt's line is ended here.
          output.write("\n");
        }
      }
      if (envPassword !== undefined) return envPassword;
      const rl = createInterface({ input, terminal: false });
      const line = await readOneLine(rl).catch(() => "");
      if (!line) throw new Error("No password: set AGENDACRAFT_PASSWORD or pass the password on stdin.");
      return line;
    },
  };
}

/** The first line typed or piped; Ctrl+C and end of input reject so the command stops instead of hanging. */
function readOneLine(rl: Interface): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    // In raw mode Ctrl+C arrives here rather than as a signal; unhandled, readline would just pause.
    rl.once("SIGINT", () => rl.close());
    rl.once("close", () => {
      if (!answered) reject(new Error("Cancelled."));
    });
  });
}
