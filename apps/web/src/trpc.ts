import type { AppRouter } from "@agendacraft/api";
import { createAgendaCraftClient } from "@agendacraft/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/**
 * Components read the client from context (`useTRPC`) instead of importing one, so tests
 * and future entry points can supply their own client without touching the components.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The browser's client: same origin, so the session cookie goes along and no token is needed. */
export function createBrowserClient() {
  return createAgendaCraftClient({ url: "/trpc" });
}
