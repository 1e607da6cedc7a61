import { yieldToEventLoop } from "../../shared/yield-to-event-loop.ts";
import {
  compareWindows,
  type ExpandPlannerWindowsInput,
  expandPlannerWindows,
  type PlannerWindow,
} from "./expand-planner-windows.ts";

/**
 * expandPlannerWindows one planner per turn of the event loop. Fifty planners in their
 * own zones over a 90-day plan take tens of milliseconds of CPU, which would otherwise
 * hold up every other request of the process at once. Same result, same errors.
 */
export async function expandPlannerWindowsInTurns({
  planners,
  from,
  to,
}: ExpandPlannerWindowsInput): Promise<PlannerWindow[]> {
  // Checks the range even when there is no planner to expand.
  const windows = expandPlannerWindows({ planners: [], from, to });
  for (const planner of planners) {
    windows.push(...expandPlannerWindows({ planners: [planner], from, to }));
    await yieldToEventLoop();
  }
  return windows.sort(compareWindows);
}
