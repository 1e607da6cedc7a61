import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export type Issue = { path: string; code: string; message: string };

/**
 * The field errors of a failed call, with the stable code clients see in
 * `data.zodError.issues[].code` (ours from `params.code`, else zod's). Throws unless
 * the call failed validation.
 */
export function issuesOf(error: TRPCError): Issue[] {
  if (error.code !== "BAD_REQUEST" || !(error.cause instanceof ZodError)) {
    throw new Error(`expected a validation error, got ${error.code}: ${error.message}`);
  }
  return error.cause.issues.map((issue) => {
    const custom = "params" in issue ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    return {
      path: issue.path.join("."),
      code: typeof custom === "string" ? custom : issue.code,
      message: issue.message,
    };
  });
}
