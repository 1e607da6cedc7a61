import { describe, expect, it } from "vitest";
import { ExitCode } from "../lib/exit-codes.ts";
import { unusedPort } from "../testing/unused-port.ts";
import { healthCommand } from "./health.ts";

describe("ac health", () => {
  it("exits 1 and names the URL when no server listens there", async () => {
    const baseUrl = `http://127.0.0.1:${await unusedPort()}`;
    const out: string[] = [];
    const err: string[] = [];

    const code = await healthCommand({
      baseUrl,
      print: (line) => out.push(line),
      printError: (line) => err.push(line),
    });

    expect(code).toBe(ExitCode.failure);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `Cannot reach AgendaCraft at ${baseUrl} (connection refused). Is the server running? Start it with \`pnpm start\`.`,
    ]);
  });
});
