import {
  archiveProject,
  createProject,
  deleteProject,
  getProject,
  listProjects,
  unarchiveProject,
  updateProject,
  ZCreateProjectInput,
  ZDeletedProject,
  ZListProjectsInput,
  ZProject,
  ZProjectIdInput,
  ZProjectPage,
  ZProjectWithCounts,
  ZUpdateProjectInput,
} from "@agendacraft/domain/scheduler/projects";
import { idempotentProcedure } from "../../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const projectsRouter = createTRPCRouter({
  create: idempotentProcedure
    .input(ZCreateProjectInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => createProject({ db: ctx.db, actorId: ctx.session.userId, input })),

  update: protectedProcedure
    .input(ZUpdateProjectInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => updateProject({ db: ctx.db, actorId: ctx.session.userId, input })),

  archive: protectedProcedure
    .input(ZProjectIdInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => archiveProject({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock })),

  unarchive: protectedProcedure
    .input(ZProjectIdInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => unarchiveProject({ db: ctx.db, actorId: ctx.session.userId, input })),

  delete: protectedProcedure
    .input(ZProjectIdInput)
    .output(ZDeletedProject)
    .mutation(({ ctx, input }) => deleteProject({ db: ctx.db, actorId: ctx.session.userId, input })),

  byId: protectedProcedure
    .input(ZProjectIdInput)
    .output(ZProjectWithCounts)
    .query(({ ctx, input }) => getProject({ db: ctx.db, actorId: ctx.session.userId, input })),

  list: protectedProcedure
    .input(ZListProjectsInput)
    .output(ZProjectPage)
    .query(({ ctx, input }) => listProjects({ db: ctx.db, actorId: ctx.session.userId, input })),
});
