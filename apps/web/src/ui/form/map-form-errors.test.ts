import { describe, expect, it } from "vitest";
import type { DescribedError } from "../../errors/describe-error.ts";
import { mapFormErrors } from "./map-form-errors.ts";

const FIELDS = ["summary", "minutes", "deadline", "repeat"] as const;
const MAPPING = {
  fields: { dueAt: "deadline", recurrence: "repeat" },
  codes: { "scheduler.recurrence_needs_date": "deadline" },
};

function validation(fieldErrors: Record<string, string[]>): DescribedError {
  const message = Object.values(fieldErrors)[0]?.[0] ?? "Check the highlighted fields.";
  return { kind: "validation", message, code: null, fieldErrors };
}

describe("mapFormErrors", () => {
  it("puts a zod message under the field of the same name, and a renamed input under its control", () => {
    const mapped = mapFormErrors(
      validation({
        minutes: ["A task takes at most 480 minutes"],
        dueAt: ["Use a date from 1970-01-01 to 2999-12-31"],
      }),
      FIELDS,
      MAPPING,
    );
    expect(mapped).toEqual({
      fields: {
        minutes: ["A task takes at most 480 minutes"],
        deadline: ["Use a date from 1970-01-01 to 2999-12-31"],
      },
      form: null,
    });
  });

  it("places nested paths by their first segment", () => {
    const mapped = mapFormErrors(validation({ "recurrence.days": ["Pick at least one day"] }), FIELDS, MAPPING);
    expect(mapped.fields).toEqual({ repeat: ["Pick at least one day"] });
  });

  it("puts a domain error whose code is about one field under that field", () => {
    const error: DescribedError = {
      kind: "domain",
      message: "A task that repeats on a schedule needs a start time or a due date.",
      code: "scheduler.recurrence_needs_date",
      fieldErrors: {},
    };
    expect(mapFormErrors(error, FIELDS, MAPPING)).toEqual({ fields: { deadline: [error.message] }, form: null });
  });

  it("leaves any other domain error to the form", () => {
    const error: DescribedError = {
      kind: "domain",
      message: "That item no longer exists.",
      code: "common.not_found",
      fieldErrors: {},
    };
    expect(mapFormErrors(error, FIELDS, MAPPING)).toEqual({ fields: {}, form: error });
  });

  it("says at the form what no field can show, even when other messages found their fields", () => {
    const mapped = mapFormErrors(
      validation({ summary: ["Enter a summary"], plannerId: ["Unknown planner"] }),
      FIELDS,
      MAPPING,
    );
    expect(mapped.fields).toEqual({ summary: ["Enter a summary"] });
    expect(mapped.form?.message).toBe("Unknown planner");
  });

  it("ignores a mapping target the form does not show (a shared mapping in a smaller form)", () => {
    const mapped = mapFormErrors(validation({ recurrence: ["Unsupported rule"] }), ["summary"], MAPPING);
    expect(mapped).toEqual({ fields: {}, form: expect.objectContaining({ message: "Unsupported rule" }) });
  });
});
