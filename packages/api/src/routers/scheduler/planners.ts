import { createTRPCRouter } from "../../trpc.ts";

export const plannersRouter = createTRPCRouter({});
