import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { googleServerEnv } from "../src/testing/google-test-server.ts";
import { startAppServer } from "../src/testing/start-app-server.ts";
import { buildWeb } from "./build-web.ts";
import { freePort } from "./free-port.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the browser opens the app: the real server serving the built web app. */
    appUrl: string;
    /** The built web app, for a test file that starts its own server (newcomer.e2e.test.ts). */
    webDistDir: string;
    /** Folder for screenshots; CI keeps it as output. */
    artifactsDir: string;
    /**
     * Where the README's screenshots go: docs/screenshots when UPDATE_SCREENSHOTS=true (to
     * retake them on purpose), otherwise the artifacts folder, so a test run changes no tracked file.
     */
    readmeScreenshotsDir: string;
  }
}

const DEFAULT_ARTIFACTS_DIR = fileURLToPath(new URL("../../../test-output/e2e", import.meta.url));
const README_SCREENSHOTS_DIR = fileURLToPath(new URL("../../../docs/screenshots", import.meta.url));

/**
 * Builds the web app, then starts the real server (embedded database, job worker, live
 * notifications) serving it on one origin, as `pnpm start` does.
 */
export default async function setup(project: TestProject) {
  const artifactsDir = process.env.E2E_ARTIFACTS_DIR ?? DEFAULT_ARTIFACTS_DIR;
  await mkdir(artifactsDir, { recursive: true });
  const distDir = await mkdtemp(join(tmpdir(), "agendacraft-web-dist-"));
  await buildWeb(distDir);
  // The server must know its own public origin: sign-in and mutations from any other are refused.
  const port = await freePort();
  // Set up for Google against a fake that google-calendar.e2e.test.ts starts on this port.
  const googlePort = await freePort();
  const server = await startAppServer({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_DIST_DIR: distDir,
    ...googleServerEnv(googlePort),
  });
  project.provide("appUrl", server.url);
  project.provide("webDistDir", distDir);
  project.provide("fakeGooglePort", googlePort);
  project.provide("artifactsDir", artifactsDir);
  project.provide(
    "readmeScreenshotsDir",
    process.env.UPDATE_SCREENSHOTS === "true" ? README_SCREENSHOTS_DIR : artifactsDir,
  );
  return async () => {
    await server.close();
    await rm(distDir, { recursive: true, force: true });
  };
}
