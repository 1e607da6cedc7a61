import type { TestProject } from "vitest/node";
import { freePort } from "../../e2e/free-port.ts";
import { googleServerEnv } from "./google-test-server.ts";
import { startAppServer } from "./start-app-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server the web's component tests talk to. */
    apiUrl: string;
    /** Base URL of a second server, set up for Google (see google-test-server.ts). */
    googleApiUrl: string;
    /** The port that server expects the fake Google on. */
    fakeGooglePort: number;
  }
}

/**
 * Real servers for the whole web test run; each test signs up its own person. One has no
 * Google client; the other is set up for Google, against a fake a test starts.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const [server, googleServer] = await Promise.all([startAppServer(), startAppServer(googleServerEnv(port))]);
  project.provide("apiUrl", server.url);
  project.provide("googleApiUrl", googleServer.url);
  project.provide("fakeGooglePort", port);
  return async () => {
    await Promise.all([server.close(), googleServer.close()]);
  };
}
