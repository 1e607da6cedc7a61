/** Every IANA zone the browser knows, with `current` in it even if the browser lists it differently ("UTC"). */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}
