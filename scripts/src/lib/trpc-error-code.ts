import { TRPCClientError } from "@agendacraft/client";

/** The tRPC code of a call the server answered ("UNAUTHORIZED"), or null when it never got an answer. */
export function trpcErrorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
}
