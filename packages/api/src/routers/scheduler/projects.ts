import { createTRPCRouter } from "../../trpc.ts";

export const projectsRouter = createTRPCRouter({});
