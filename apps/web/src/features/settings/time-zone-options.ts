/**
 * The zones the browser knows, for the time zone select. The person's current zone is
 * always among them: it may be an alias ("UTC", "Asia/Calcutta") that the canonical list
 * leaves out, and a select must be able to show what is saved.
 */
export function timeZoneOptions(current: string): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  return known.includes(current) ? known : [current, ...known];
}
