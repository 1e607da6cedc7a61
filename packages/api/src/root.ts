import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { calendarsRouter } from "./routers/calendars.ts";
import { iamRouter } from "./routers/iam.ts";
import { metaRouter } from "./routers/meta.ts";
import { notifierRouter } from "./routers/notifier.ts";
import { schedulerRouter } from "./routers/scheduler/index.ts";
import { todoistRouter } from "./routers/todoist.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

/** One router per domain; paths read `domain.entity.verb`. */
export const appRouter = createTRPCRouter({
  calendars: calendarsRouter,
  iam: iamRouter,
  meta: metaRouter,
  notifier: notifierRouter,
  scheduler: schedulerRouter,
  todoist: todoistRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process: `createCaller(createContextInner({ deps }))`. */
export const createCaller = createCallerFactory(appRouter);

export type { ErrorShape } from "./errors/format-error.ts";
