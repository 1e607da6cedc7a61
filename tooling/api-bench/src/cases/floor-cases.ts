import type pg from "pg";
import type { BenchData } from "../database/seed.ts";
import { clearCreatedTasks } from "../database/seed.ts";
import { interleave } from "../load/interleave.ts";
import { requests } from "../load/requests.ts";
import { comparisonRow, p99Ratio, p99s, throughputRatio, throughputs } from "../report/comparison-row.ts";
import type { TargetRow } from "../report/summary.ts";

type Timing = { rounds: number; seconds: number };

/**
 * The app against the floor on the same PostgreSQL database: list at 32 and 1 connections,
 * create at 32; then the app's create into the 50,000-task project against an empty one.
 */
export async function runFloorCases({
  appUrl,
  floorUrl,
  data,
  sql,
  timing,
}: {
  appUrl: string;
  floorUrl: string;
  data: BenchData;
  sql: pg.Client;
  timing: Timing;
}): Promise<TargetRow[]> {
  const { lister, creator, owner } = data;
  const floorList = { name: "floor", request: requests.floorList(floorUrl, lister.token) };
  const appList = { name: "app", request: requests.appList(appUrl, lister.token) };

  const list32 = await interleave({
    title: "scheduler.tasks.list (50 items), app vs floor",
    baseline: floorList,
    measured: appList,
    connections: 32,
    ...timing,
  });
  const list1 = await interleave({
    title: "scheduler.tasks.list (50 items), app vs floor",
    baseline: floorList,
    measured: appList,
    connections: 1,
    ...timing,
  });

  const clearCreator = () => clearCreatedTasks(sql, creator.userId);
  const create32 = await interleave({
    title: "scheduler.tasks.create (inbox), app vs floor",
    baseline: { name: "floor", request: requests.floorCreate(floorUrl, creator.token), beforeRound: clearCreator },
    measured: { name: "app", request: requests.appCreate(appUrl, creator.token), beforeRound: clearCreator },
    connections: 32,
    ...timing,
  });

  const clearOwner = () => clearCreatedTasks(sql, owner.userId);
  const big = await interleave({
    title: "scheduler.tasks.create, app: a project of 50,000 tasks vs an empty project",
    baseline: {
      name: "empty project",
      request: requests.appCreate(appUrl, owner.token, owner.emptyProjectId),
      beforeRound: clearOwner,
    },
    measured: {
      name: "50,000-task project",
      request: requests.appCreate(appUrl, owner.token, owner.bigProjectId),
      beforeRound: clearOwner,
    },
    connections: 32,
    ...timing,
  });

  return [
    comparisonRow({
      call: "tasks.list, 32 connections: throughput",
      comparison: list32,
      value: throughputRatio,
      detail: throughputs,
      target: ">= 0.5x floor",
      isMet: (value) => value >= 0.5,
    }),
    comparisonRow({
      call: "tasks.list, 32 connections: p99",
      comparison: list32,
      value: p99Ratio,
      detail: p99s,
      target: "<= 2.5x floor",
      isMet: (value) => value <= 2.5,
    }),
    comparisonRow({
      call: "tasks.list, 1 connection: throughput",
      comparison: list1,
      value: throughputRatio,
      detail: throughputs,
      target: ">= 0.5x floor",
      isMet: (value) => value >= 0.5,
    }),
    comparisonRow({
      call: "tasks.create, 32 connections",
      comparison: create32,
      value: throughputRatio,
      detail: throughputs,
      target: ">= 0.7x floor",
      isMet: (value) => value >= 0.7,
    }),
    comparisonRow({
      call: "tasks.create into 50,000 tasks",
      comparison: big,
      value: throughputRatio,
      detail: (comparison) => `of empty ${throughputs(comparison)}`,
      target: ">= 0.9x empty",
      isMet: (value) => value >= 0.9,
    }),
  ];
}
