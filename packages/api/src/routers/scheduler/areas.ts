import { createTRPCRouter } from "../../trpc.ts";

export const areasRouter = createTRPCRouter({});
