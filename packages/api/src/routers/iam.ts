import {
  changePassword,
  createApiToken,
  deleteAccount,
  getMe,
  listApiTokens,
  listAuthProviders,
  revokeApiToken,
  setPassword,
  signOutEverywhere,
  updateProfile,
  ZApiTokenPage,
  ZAuthProviders,
  ZChangePasswordInput,
  ZCreateApiTokenInput,
  ZCreatedApiToken,
  ZDeleteAccountInput,
  ZListApiTokensInput,
  ZRevokeApiTokenInput,
  ZSetPasswordInput,
  ZUpdateProfileInput,
  ZUser,
} from "@agendacraft/domain/iam";
import { z } from "zod";
import { idempotency } from "../idempotent-procedure.ts";
import { createTRPCRouter, protectedProcedure, publicProcedure, sensitiveProcedure } from "../trpc.ts";

const tokensRouter = createTRPCRouter({
  create: sensitiveProcedure
    .concat(idempotency)
    .input(ZCreateApiTokenInput)
    .output(ZCreatedApiToken)
    .mutation(({ ctx, input }) => createApiToken({ db: ctx.db, actorId: ctx.session.userId, input, clock: ctx.clock })),

  list: protectedProcedure
    .input(ZListApiTokensInput)
    .output(ZApiTokenPage)
    .query(({ ctx, input }) => listApiTokens({ db: ctx.db, actorId: ctx.session.userId, input })),

  revoke: protectedProcedure
    .input(ZRevokeApiTokenInput)
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(({ ctx, input }) => revokeApiToken({ db: ctx.db, actorId: ctx.session.userId, input })),
});

export const iamRouter = createTRPCRouter({
  // Public: the sign-in page asks before anyone is signed in.
  authProviders: publicProcedure
    .input(z.void())
    .output(ZAuthProviders)
    .query(({ ctx }) => listAuthProviders({ google: ctx.google })),

  me: protectedProcedure
    .input(z.void())
    .output(ZUser)
    .query(({ ctx }) => getMe({ db: ctx.db, actorId: ctx.session.userId })),

  updateProfile: protectedProcedure
    .input(ZUpdateProfileInput)
    .output(ZUser)
    .mutation(({ ctx, input }) => updateProfile({ db: ctx.db, actorId: ctx.session.userId, input })),

  changePassword: sensitiveProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ revokedSessions: z.number().int() }))
    .mutation(({ ctx, input }) => changePassword({ db: ctx.db, session: ctx.session, input })),

  // For an account made with Google: a recent sign-in stands in for the current password.
  setPassword: sensitiveProcedure
    .input(ZSetPasswordInput)
    .output(z.object({ set: z.literal(true) }))
    .mutation(({ ctx, input }) => setPassword({ db: ctx.db, session: ctx.session, input })),

  signOutEverywhere: protectedProcedure
    .input(z.void())
    .output(z.object({ revokedSessions: z.number().int() }))
    .mutation(({ ctx }) => signOutEverywhere({ db: ctx.db, actorId: ctx.session.userId })),

  deleteAccount: sensitiveProcedure
    .input(ZDeleteAccountInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteAccount({ db: ctx.db, session: ctx.session, input })),

  tokens: tokensRouter,
});
