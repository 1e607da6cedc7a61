import type { PlanOptions } from "./schemas.ts";

/** A task the caller found schedulable: not complete and without a fixed start. */
export type EngineTask = {
  id: string;
  summary: string;
  minutes: number;
  /** 0..5, higher first. */
  priority: number;
  order: number;
  createdAt: Date;
  dueAt: Date | null;
  /** Never placed before this moment ("start after"); absent or null: any time from now. */
  startAfter?: Date | null;
  plannerId: string | null;
  /**
   * Set for the current occurrence of a series that repeats on its own rhythm (the
   * "scheduled" anchor) with a due date: the engine plans every later occurrence inside
   * the horizon too, each on its own day (see expand-repeating-tasks).
   */
  repeat?: EngineRepeat | null;
  /** Set only on a later occurrence the engine added for the repeating task `seriesId`. */
  occurrence?: Occurrence & { seriesId: string };
};

export type EngineRepeat = {
  /** The series' stored rule. */
  rule: string;
  /** 1-based position of this (the current) occurrence in its series. */
  occurrenceIndex: number;
  /** Later occurrences (by position) that already hold a block: not planned again. */
  planned?: readonly number[];
  /** The current occurrence already has its time (it is not planned): plan only the later ones. */
  laterOnly?: boolean;
};

/** A later occurrence of a repeating task: its position in the series and its own deadline. */
export type Occurrence = { index: number; dueAt: Date };

export type EnginePlanner = { id: string; name: string; active: boolean };

/** One occurrence of a planner, already expanded in the user's zone. */
export type EngineWindow = { plannerId: string; start: Date; end: Date };

/** Busy time from any source (fixed tasks, calendar events). */
export type Interval = { start: Date; end: Date };

export type Placement = {
  taskId: string;
  start: Date;
  end: Date;
  /** Present only when the task was split; index is 1-based. */
  chunk?: { index: number; count: number };
  explanation: string;
  /** Set when a movable block moved to make room: where it was. */
  movedFrom?: Interval;
  /** Set when this is a later occurrence of the repeating task `taskId`, not the task itself. */
  occurrence?: Occurrence;
};

export type UnplacedReason =
  | "no_window_long_enough"
  | "deadline_unreachable"
  | "horizon_full"
  | "planner_inactive"
  /** The task's startAfter is at or past the horizon's end: nothing in this plan may hold it. */
  | "starts_after_horizon";

export type Unplaced = {
  taskId: string;
  reason: UnplacedReason;
  explanation: string;
  /** Set when this is a later occurrence of the repeating task `taskId`. */
  occurrence?: Occurrence;
};

/**
 * A task the planner placed earlier (not pinned, not placed by the person): busy time
 * like any other, unless a task would miss its deadline and `makeRoom` moves it later.
 */
export type MovableBlock = { task: EngineTask; start: Date; end: Date };

export type PlanScheduleInput = {
  tasks: EngineTask[];
  /** Planner-placed blocks that may move to make room; none when omitted. */
  movable?: MovableBlock[];
  planners: EnginePlanner[];
  windows: EngineWindow[];
  busy: Interval[];
  now: Date;
  options: PlanOptions;
};

export type PlanScheduleResult = { placements: Placement[]; unplaced: Unplaced[] };
