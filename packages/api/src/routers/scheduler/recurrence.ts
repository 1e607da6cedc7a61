import { createTRPCRouter } from "../../trpc.ts";

export const recurrenceRouter = createTRPCRouter({});
