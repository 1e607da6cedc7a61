import type pg from "pg";
import type { BenchData } from "../database/seed.ts";
import { clearCreatedTasks } from "../database/seed.ts";
import { interleave } from "../load/interleave.ts";
import { requests } from "../load/requests.ts";
import { ms, perSecond, ratio } from "../report/format.ts";
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

  const throughput = (c: typeof list32) => c.measured.requestsPerSecond / c.baseline.requestsPerSecond;
  const p99 = (c: typeof list32) => c.measured.p99Ms / c.baseline.p99Ms;
  const vs = (c: typeof list32) =>
    `(${perSecond(c.measured.requestsPerSecond)} vs ${perSecond(c.baseline.requestsPerSecond)})`;
  return [
    {
      call: "tasks.list, 32 connections: throughput",
      figure: `${ratio(throughput(list32))} ${vs(list32)}`,
      target: ">= 0.5x floor",
      met: throughput(list32) >= 0.5,
    },
    {
      call: "tasks.list, 32 connections: p99",
      figure: `${ratio(p99(list32))} (${ms(list32.measured.p99Ms)} vs ${ms(list32.baseline.p99Ms)})`,
      target: "<= 2.5x floor",
      met: p99(list32) <= 2.5,
    },
    {
      call: "tasks.list, 1 connection: throughput",
      figure: `${ratio(throughput(list1))} ${vs(list1)}`,
      target: ">= 0.5x floor",
      met: throughput(list1) >= 0.5,
    },
    {
      call: "tasks.create, 32 connections",
      figure: `${ratio(throughput(create32))} ${vs(create32)}`,
      target: ">= 0.7x floor",
      met: throughput(create32) >= 0.7,
    },
    {
      call: "tasks.create into 50,000 tasks",
      figure: `${ratio(throughput(big))} of empty ${vs(big)}`,
      target: ">= 0.9x empty",
      met: throughput(big) >= 0.9,
    },
  ];
}
