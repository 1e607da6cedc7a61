/**
 * A request's raw input as plain JSON data, for the Idempotency-Key's request hash, or
 * null when it cannot be written out at all (nested thousands deep: no schema accepts
 * that, so validation refuses it next). It runs before validation, on whatever a client
 * sent, so it must not throw: superjson.serialize, used before, refuses keys such as
 * `prototype` or `constructor` that the schema would simply drop (a 500, found by the
 * HTTP fuzz suite). Dates become their ISO text; BigInts, Maps and Sets (superjson can
 * carry them) a tagged form; an object met again (superjson's shared references) a mark.
 */
export function requestFingerprint(input: unknown): unknown {
  const seen = new WeakSet<object>();
  let text: string;
  try {
    text = JSON.stringify({ input }, (_key, value: unknown) => {
      if (typeof value === "bigint") return { bigint: value.toString() };
      if (value instanceof Map) return { map: [...value] };
      if (value instanceof Set) return { set: [...value] };
      if (value !== null && typeof value === "object") {
        if (seen.has(value)) return { seen: true };
        seen.add(value);
      }
      return value;
    });
  } catch {
    return null;
  }
  return JSON.parse(text);
}
