import type { TestProject } from "vitest/node";
import { GOOGLE_TEST_CONFIG } from "./google-test-config.ts";
import { startAppServer } from "./start-app-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server the web's component tests talk to. */
    apiUrl: string;
    /** Base URL of a second server that has a Google client (GOOGLE_TEST_CONFIG), for the Google buttons. */
    googleApiUrl: string;
  }
}

/**
 * One real server for the whole web test run, each test signing up its own person, and a
 * second one configured for Google: whether the server has a Google client is fixed at
 * start, and the pages must be seen both ways.
 */
export default async function setup(project: TestProject) {
  const [server, googleServer] = await Promise.all([startAppServer(), startAppServer(GOOGLE_TEST_CONFIG)]);
  project.provide("apiUrl", server.url);
  project.provide("googleApiUrl", googleServer.url);
  return async () => {
    await Promise.all([server.close(), googleServer.close()]);
  };
}
