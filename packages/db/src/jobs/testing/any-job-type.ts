import { z } from "zod";
import { defineJobType, type JobType } from "../job-type.ts";

const ZAnyPayload = z.record(z.string(), z.unknown());

/** A job type taking any object: for tests of the queue's mechanics, where the payload is beside the point. */
export function anyJobType(name: string): JobType<string, typeof ZAnyPayload> {
  return defineJobType(name, ZAnyPayload);
}
