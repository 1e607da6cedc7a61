import {
  checkReadiness,
  getHealth,
  getInstanceInfo,
  ZHealth,
  ZInstanceInfo,
  ZReadiness,
} from "@agendacraft/domain/meta";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export const metaRouter = createTRPCRouter({
  health: publicProcedure
    .input(z.void())
    .output(ZHealth)
    .query(({ ctx }) => getHealth({ clock: ctx.clock, startedAt: ctx.app.startedAt, version: ctx.app.version })),

  ready: publicProcedure
    .input(z.void())
    .output(ZReadiness)
    .query(({ ctx }) => checkReadiness({ db: ctx.db, probes: ctx.readinessProbes })),

  version: publicProcedure
    .input(z.void())
    .output(ZInstanceInfo)
    .query(({ ctx }) => getInstanceInfo({ db: ctx.db, clock: ctx.clock, version: ctx.app.version })),
});
