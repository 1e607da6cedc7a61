import { listTaskHistory, ZTaskHistoryInput, ZTaskHistoryPage } from "@agendacraft/domain/scheduler/history";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listAgenda,
  listTasks,
  listToday,
  listUpcoming,
  moveTask,
  reopenTask,
  updateTask,
  ZAgenda,
  ZAgendaInput,
  ZCompleteTaskResult,
  ZCreateTaskInput,
  ZListTasksInput,
  ZMoveTaskInput,
  ZTask,
  ZTaskIdInput,
  ZTaskPage,
  ZToday,
  ZUpcoming,
  ZUpcomingInput,
  ZUpdateTaskInput,
} from "@agendacraft/domain/scheduler/tasks";
import { z } from "zod";
import { idempotentProcedure } from "../../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure } from "../../trpc.ts";

export const tasksRouter = createTRPCRouter({
  create: idempotentProcedure
    .input(ZCreateTaskInput)
    .output(ZTask)
    .mutation(({ ctx, input }) =>
      createTask({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock, events: ctx.events }),
    ),

  update: protectedProcedure
    .input(ZUpdateTaskInput)
    .output(ZTask)
    .mutation(({ ctx, input }) =>
      updateTask({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock, events: ctx.events }),
    ),

  delete: protectedProcedure
    .input(ZTaskIdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      deleteTask({ db: ctx.db, actorId: ctx.session.userId, id: input.id, events: ctx.events }),
    ),

  byId: protectedProcedure
    .input(ZTaskIdInput)
    .output(ZTask)
    .query(({ ctx, input }) => getTask({ db: ctx.db, actorId: ctx.session.userId, id: input.id })),

  list: protectedProcedure
    .input(ZListTasksInput)
    .output(ZTaskPage)
    .query(({ ctx, input }) => listTasks({ db: ctx.db, actorId: ctx.session.userId, input, log: ctx.log })),

  agenda: protectedProcedure
    .input(ZAgendaInput)
    .output(ZAgenda)
    .query(({ ctx, input }) => listAgenda({ db: ctx.db, actorId: ctx.session.userId, input, log: ctx.log })),

  today: protectedProcedure
    .input(z.void())
    .output(ZToday)
    .query(({ ctx }) => listToday({ db: ctx.db, actorId: ctx.session.userId, clock: ctx.clock })),

  upcoming: protectedProcedure
    .input(ZUpcomingInput)
    .output(ZUpcoming)
    .query(({ ctx, input }) => listUpcoming({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock })),

  complete: protectedProcedure
    .input(ZTaskIdInput)
    .output(ZCompleteTaskResult)
    .mutation(({ ctx, input }) =>
      completeTask({ db: ctx.db, actorId: ctx.session.userId, id: input.id, clock: ctx.clock, events: ctx.events }),
    ),

  reopen: protectedProcedure
    .input(ZTaskIdInput)
    .output(ZTask)
    .mutation(({ ctx, input }) =>
      reopenTask({ db: ctx.db, actorId: ctx.session.userId, id: input.id, clock: ctx.clock, events: ctx.events }),
    ),

  history: protectedProcedure
    .input(ZTaskHistoryInput)
    .output(ZTaskHistoryPage)
    .query(({ ctx, input }) => listTaskHistory({ db: ctx.db, actorId: ctx.session.userId, input })),

  move: protectedProcedure
    .input(ZMoveTaskInput)
    .output(ZTask)
    .mutation(({ ctx, input }) => moveTask({ db: ctx.db, actorId: ctx.session.userId, input, events: ctx.events })),
});
