import createClient from "openapi-fetch";
import type { paths } from "./generated/agendacraft-api.d.ts";

/**
 * A client for /api/v1 whose every path, parameter, body, answer and error is typed from the
 * OpenAPI document alone (`pnpm generate`), as a third party would build one.
 */
export function createApiClient({ baseUrl, token }: { baseUrl: string; token: string }) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}

export type ApiClient = ReturnType<typeof createApiClient>;
