import type { TestProject } from "vitest/node";
import { startAppServer } from "./start-app-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server the web's component tests talk to. */
    apiUrl: string;
  }
}

/** One real server for the whole web test run; each test signs up its own person. */
export default async function setup(project: TestProject) {
  const server = await startAppServer();
  project.provide("apiUrl", server.url);
  return () => server.close();
}
