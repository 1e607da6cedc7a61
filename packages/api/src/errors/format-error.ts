import { isDomainError } from "@agendacraft/domain/shared";
import type { TRPCDefaultErrorShape, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

export type DomainErrorData = { kind: string; code: string; details: Record<string, unknown> | null };
/**
 * Field errors as `z.flattenError` gives them (`fieldErrors.summary = ["Too long"]`),
 * plus each issue with a stable code to branch on: ours where a rule sets one
 * (`iam.unknown_time_zone`), otherwise zod's (`too_small`, `invalid_format`).
 */
export type ZodErrorData = {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
  issues: { path: string; code: string; message: string }[];
};

function describeZodError(error: ZodError): ZodErrorData {
  const issues = error.issues.map((issue) => {
    const custom = "params" in issue ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    return {
      path: issue.path.join("."),
      code: typeof custom === "string" ? custom : issue.code,
      message: issue.message,
    };
  });
  return { ...z.flattenError(error), issues };
}

export type ErrorShape = TRPCDefaultErrorShape & {
  data: TRPCDefaultErrorShape["data"] & {
    domainError: DomainErrorData | null;
    zodError: ZodErrorData | null;
  };
};

/** Adds what clients branch on to every error: the domain code and the fields that failed validation. */
export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }): ErrorShape {
  const cause = error.cause;
  const { stack: _stack, ...data } = shape.data;
  return {
    ...shape,
    data: {
      ...data,
      domainError: isDomainError(cause) ? { kind: cause.kind, code: cause.code, details: cause.details ?? null } : null,
      zodError: cause instanceof ZodError ? describeZodError(cause) : null,
    },
  };
}
