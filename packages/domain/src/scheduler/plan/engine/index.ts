export type {
  EnginePlanner,
  EngineRepeat,
  EngineTask,
  EngineWindow,
  Interval,
  MovableBlock,
  Occurrence,
  Placement,
  PlanScheduleInput,
  PlanScheduleResult,
  Unplaced,
  UnplacedReason,
} from "./engine-types.ts";
export { planSchedule } from "./plan-schedule.ts";
export { MAX_HORIZON_DAYS, type PlanOptions, type PlanOptionsInput, ZPlanOptions } from "./schemas.ts";
