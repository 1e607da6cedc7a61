import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { terminalPrompts } from "./terminal-prompts.ts";

/** An in-memory terminal: readline switches it to raw mode and reads keys from it. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = new PassThrough();
  let shown = "";
  output.on("data", (chunk) => {
    shown += String(chunk);
  });
  return { input, output, shown: () => shown };
}

describe("terminalPrompts on a terminal", () => {
  it("reads the password without echoing it", async () => {
    const terminal = fakeTerminal();
    const answer = terminalPrompts(terminal).password();
    terminal.input.write("correct horse\r");
    expect(await answer).toBe("correct horse");
    expect(terminal.shown()).toBe("Password: \n");
  });

  it("shows the email as it is typed", async () => {
    const terminal = fakeTerminal();
    const answer = terminalPrompts(terminal).email();
    terminal.input.write("ada@example.com\r");
    expect(await answer).toBe("ada@example.com");
    expect(terminal.shown()).toContain("Email: ");
    expect(terminal.shown()).toContain("ada@example.com");
  });

  it("stops on Ctrl+C instead of waiting forever", async () => {
    const terminal = fakeTerminal();
    const answer = terminalPrompts(terminal).password();
    terminal.input.write("\x03");
    await expect(answer).rejects.toThrow("Cancelled.");
  });
});

describe("terminalPrompts without a terminal", () => {
  it("takes AGENDACRAFT_PASSWORD first, without reading stdin", async () => {
    const input = new PassThrough();
    input.end("from stdin\n");
    expect(await terminalPrompts({ input, envPassword: "from env" }).password()).toBe("from env");
  });

  it("reads only the first line of stdin", async () => {
    const input = new PassThrough();
    input.end("first line\r\nsecond line\n");
    expect(await terminalPrompts({ input }).password()).toBe("first line");
  });

  it("fails with a hint when stdin is empty, and asks for --email instead of prompting", async () => {
    const input = new PassThrough();
    input.end();
    const prompts = terminalPrompts({ input });
    await expect(prompts.password()).rejects.toThrow("No password: set AGENDACRAFT_PASSWORD");
    await expect(prompts.email()).rejects.toThrow("Pass --email when stdin is not a terminal.");
  });
});
