import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { getZoneResolver } from "./get-zone-resolver.ts";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Europe/Dublin",
  "America/Santiago",
  "Pacific/Apia",
];
const YEAR_1970_TO_2100 = { min: 0, max: Date.UTC(2100, 0, 1) };

describe("getZoneResolver", () => {
  it("reads wall-clock time like Temporal", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer(YEAR_1970_TO_2100), (zone, epochMs) => {
        const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDateTime();
        expect(getZoneResolver(zone).toWall(epochMs)).toBe(local.toZonedDateTime("UTC").epochMilliseconds);
      }),
      { numRuns: 300 },
    );
  });

  it("resolves wall-clock time like Temporal's compatible disambiguation", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer(YEAR_1970_TO_2100), (zone, wallMs) => {
        const local = Temporal.Instant.fromEpochMilliseconds(wallMs).toZonedDateTimeISO("UTC").toPlainDateTime();
        const expected = local.toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
        expect(getZoneResolver(zone).toInstant(wallMs)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with Temporal within hours of every kind of transition", () => {
    const nearTransition = fc
      .tuple(fc.constantFrom(...ZONES.filter((zone) => zone !== "UTC")), fc.integer(YEAR_1970_TO_2100))
      .map(([zone, epochMs]) => {
        const next = Temporal.Instant.fromEpochMilliseconds(epochMs)
          .toZonedDateTimeISO(zone)
          .getTimeZoneTransition("next");
        return { zone, transition: next?.epochMilliseconds ?? epochMs };
      });
    fc.assert(
      fc.property(nearTransition, fc.integer({ min: -180, max: 180 }), ({ zone, transition }, minutes) => {
        const instant = transition + minutes * 60_000;
        const resolver = getZoneResolver(zone);
        const wallMs = resolver.toWall(instant);
        const local = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDateTime();
        expect(wallMs).toBe(local.toZonedDateTime("UTC").epochMilliseconds);
        const expected = local.toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
        expect(resolver.toInstant(wallMs)).toBe(expected);
        // Wall times an hour either side land in gaps and folds too.
        for (const shift of [-3_600_000, 3_600_000]) {
          const shifted = Temporal.Instant.fromEpochMilliseconds(wallMs + shift)
            .toZonedDateTimeISO("UTC")
            .toPlainDateTime();
          const want = shifted.toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
          expect(resolver.toInstant(wallMs + shift)).toBe(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("moves a time in a spring-forward gap forward and takes the earlier of a repeated time", () => {
    const berlin = getZoneResolver("Europe/Berlin");
    expect(new Date(berlin.toInstant(Date.UTC(2026, 2, 29, 2, 30))).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(berlin.toInstant(Date.UTC(2026, 9, 25, 2, 30))).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // Samoa skipped 30 December 2011 entirely.
    const apia = getZoneResolver("Pacific/Apia");
    expect(new Date(apia.toInstant(Date.UTC(2011, 11, 30, 9))).toISOString()).toBe("2011-12-30T19:00:00.000Z");
  });
});
