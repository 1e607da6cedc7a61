import fc from "fast-check";
import { hostileText, hostileValue, nastyKeys } from "./hostile-values.ts";
import { Ref } from "./id-pool.ts";

/**
 * One change to a valid-ish input: a node replaced by a hostile value, a key dropped or
 * added, a string spiked with a nasty one, or the whole input replaced. `at` picks the
 * node (modulo the number of nodes), so the same mutation applies to any input.
 */
export type Mutation =
  | { op: "replace"; at: number; value: unknown }
  | { op: "drop"; at: number }
  | { op: "extra"; at: number; key: string; value: unknown }
  | { op: "spike"; at: number; text: string }
  | { op: "whole"; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("drop" as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("extra" as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...nastyKeys), fc.string({ maxLength: 8 })),
      value: hostileValue,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("spike" as const), at: fc.nat(), text: hostileText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("whole" as const), value: hostileValue }) },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object" || value instanceof Ref) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Mutations reach this deep at most; deeper parts (hostile values) are shared, never changed in place. */
const MAX_DEPTH = 20;

function copy(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  if (!isContainer(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(result, key, {
      value: copy(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function slots(root: unknown): Slot[] {
  const found: Slot[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!isContainer(node) || depth >= MAX_DEPTH) return;
    for (const [key, value] of Object.entries(node)) {
      found.push({ parent: node, key: Array.isArray(node) ? Number(key) : key, value });
      visit(value, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

function set(parent: Slot["parent"], key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

export function applyMutation(input: unknown, change: Mutation): unknown {
  if (change.op === "whole") return change.value;
  const root = copy(input);
  const all = slots(root);
  if (change.op === "extra") {
    const containers = [root, ...all.map((slot) => slot.value)].filter(
      (node): node is Record<string, unknown> => isContainer(node) && !Array.isArray(node),
    );
    const target = containers[change.at % Math.max(containers.length, 1)];
    if (!target) return { [change.key]: change.value };
    set(target, change.key, change.value);
    return root;
  }
  if (change.op === "spike") {
    const strings = all.filter((slot) => typeof slot.value === "string" || slot.value instanceof Ref);
    const slot = strings[change.at % Math.max(strings.length, 1)];
    if (!slot) return typeof root === "string" ? `${root}${change.text}` : change.text;
    set(slot.parent, slot.key, typeof slot.value === "string" ? `${slot.value}${change.text}` : change.text);
    return root;
  }
  const slot = all[change.at % Math.max(all.length, 1)];
  if (!slot) return change.op === "replace" ? change.value : undefined;
  if (change.op === "replace") set(slot.parent, slot.key, change.value);
  else if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
  else delete slot.parent[slot.key as string];
  return root;
}
