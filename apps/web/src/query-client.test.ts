import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "./query-client.ts";

/** A server list that a create changes, and a way to hold the first read until the create is done. */
function projectsServer() {
  const projects: string[] = [];
  let releaseFirstRead: () => void = () => {};
  const firstReadHeld = new Promise<void>((resolve) => {
    releaseFirstRead = resolve;
  });
  let reads = 0;
  return {
    create: (name: string) => projects.push(name),
    releaseFirstRead: () => releaseFirstRead(),
    async list() {
      reads += 1;
      const snapshot = [...projects];
      if (reads === 1) await firstReadHeld;
      return snapshot;
    },
  };
}

describe("invalidating a query whose first fetch is still in flight", () => {
  it("fetches it again, so a change made meanwhile shows", async () => {
    const client = createQueryClient();
    const server = projectsServer();
    const observer = new QueryObserver(client, { queryKey: ["projects"], queryFn: () => server.list() });
    const unsubscribe = observer.subscribe(() => {});

    // The page opened: its first read is on its way (before the create) and answers late.
    await expect.poll(() => client.getQueryState(["projects"])?.fetchStatus).toBe("fetching");
    server.create("Launch");
    const invalidated = client.invalidateQueries({ queryKey: ["projects"] });
    server.releaseFirstRead();
    await invalidated;

    expect(client.getQueryData(["projects"])).toEqual(["Launch"]);
    unsubscribe();
    client.clear();
  });
});
