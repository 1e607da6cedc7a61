import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleEntryPoints } from "../build/bundle-entry-points.ts";

let bundling: Promise<string> | undefined;

/**
 * The server's entry points compiled from the current source (about half a second), once per
 * test process, into a folder removed when the process exits. Tests start them as `pnpm start`
 * does: plain JavaScript, no TypeScript compiled at run time.
 */
export function serverBundle(): Promise<string> {
  bundling ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "agendacraft-server-bundle-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    await bundleEntryPoints(dir);
    return dir;
  })();
  return bundling;
}
