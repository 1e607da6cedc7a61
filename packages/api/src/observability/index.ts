export { observeProcedure, type ProcedureCall, type ProcedureMetrics } from "./observe-procedure.ts";
export { currentRequestContext, type RequestContext, runInRequestContext } from "./request-context.ts";
