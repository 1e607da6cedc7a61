import type { PullResult } from "./pull-types.ts";

/** The result a pull fills in as it goes. */
export function emptyPullResult(): PullResult {
  return {
    projects: 0,
    tasks: 0,
    created: 0,
    updated: 0,
    completed: 0,
    deleted: 0,
    conflicts: [],
    unmapped: [],
    notes: [],
  };
}
