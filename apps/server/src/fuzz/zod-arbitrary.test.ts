import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldHints } from "./field-hints.ts";
import { IdPool } from "./id-pool.ts";
import { FAILING_INPUTS, listProcedures } from "./procedures.ts";
import { zodArbitrary } from "./zod-arbitrary.ts";

const noHints = () => undefined;
const hintsFor = (procedure: string) => fieldHints(procedure, { calendarUrls: ["http://127.0.0.1:1/a.ics"] });
const parses = (schema: unknown, value: unknown) => (schema as z.ZodType).safeParse(value).success;

describe("zodArbitrary", () => {
  it("draws only values a schema without refinements accepts: lengths, ranges, formats, enums, unions", () => {
    const schema = z.object({
      id: z.uuid(),
      name: z.string().trim().min(1).max(20),
      count: z.number().int().min(-3).max(7),
      ratio: z.number().min(0).max(1),
      when: z.date(),
      kind: z.enum(["a", "b"]),
      tag: z.literal(-1).or(z.string().regex(/^x\d{2}$/)),
      list: z.array(z.email()).min(1).max(3),
      note: z.string().max(5).nullable().optional(),
      limit: z.number().int().min(1).max(50).default(10),
      nested: z.object({ flag: z.boolean() }).optional(),
    });
    const values = fc.sample(zodArbitrary(schema, noHints), { seed: 42, numRuns: 300 });
    // A whitespace-only name is refused after trimming; every other draw is valid.
    const refused = values.filter((value) => !parses(schema, value));
    expect(refused.every((value) => (value as { name: string }).name.trim() === "")).toBe(true);
    expect(refused.length).toBeLessThan(values.length / 10);
  });

  it("draws at least some inputs each procedure's own schema accepts", () => {
    const pool = new IdPool();
    const never = listProcedures()
      .filter((procedure) => !procedure.failingOnly && procedure.input)
      .filter((procedure) => {
        const values = fc.sample(zodArbitrary(procedure.input, hintsFor(procedure.path)), { seed: 7, numRuns: 200 });
        return !values.some((value) => parses(procedure.input, pool.resolve(value)));
      })
      .map((procedure) => procedure.path);
    expect(never).toEqual([]);
  });
});

describe("procedures fuzzed with failing inputs only", () => {
  it("lists a failing input for each, and their schemas refuse every one", () => {
    const guarded = listProcedures().filter((procedure) => procedure.failingOnly);
    expect(guarded.map((procedure) => procedure.path).sort()).toEqual(Object.keys(FAILING_INPUTS).sort());
    for (const procedure of guarded) {
      const accepted = (FAILING_INPUTS[procedure.path] ?? []).filter((input) => parses(procedure.input, input));
      expect({ procedure: procedure.path, accepted }).toEqual({ procedure: procedure.path, accepted: [] });
    }
  });
});
