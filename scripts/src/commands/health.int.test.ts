import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../lib/exit-codes.ts";
import { healthCommand } from "./health.ts";

/** A port that nothing listens on: the OS hands out a free one, and we release it at once. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  if (address === null || typeof address === "string") throw new Error("expected a TCP address");
  return address.port;
}

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
