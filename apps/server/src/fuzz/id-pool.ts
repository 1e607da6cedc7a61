/**
 * Real ids for the fuzzer: inputs are generated ahead of time with `Ref` placeholders,
 * and each is replaced by an id the server handed out earlier in the run (or a
 * well-formed unknown id while none exists yet), so later calls reach existing rows.
 */
export class Ref {
  constructor(
    readonly kind: string,
    readonly pick: number,
  ) {}
  toJSON(): string {
    return `<${this.kind} #${this.pick}>`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEEP_PER_KIND = 300;
/** Deeper than any input schema nests, so past it there are only hostile values, never Refs. */
const MAX_REF_DEPTH = 20;

const ENTITY_BY_SEGMENT: Record<string, string> = {
  tasks: "task",
  projects: "project",
  areas: "area",
  planners: "planner",
  plan: "run",
  tokens: "token",
  feeds: "feed",
  notifications: "notification",
};

const KIND_BY_FIELD: Record<string, string> = {
  taskId: "task",
  beforeId: "task",
  afterId: "task",
  previousId: "task",
  projectId: "project",
  areaId: "area",
  plannerId: "planner",
  runId: "run",
  feedId: "feed",
  lastEventId: "notification",
};

/** What an `id` means in a procedure: `scheduler.tasks.update` → "task". */
export function entityOf(procedure: string): string {
  const [first = "", second = ""] = procedure.split(".");
  return ENTITY_BY_SEGMENT[second] ?? first;
}

/** What an id-carrying input field refers to, or undefined when it is not an id field. */
export function kindOfField(procedure: string, field: string): string | undefined {
  if (field === "id" || field === "ids") return entityOf(procedure);
  return KIND_BY_FIELD[field];
}

export class IdPool {
  private readonly byKind = new Map<string, string[]>();

  /** `hidden`: ids that must never be handed out (the fuzzer's own API token, say). */
  constructor(private readonly hidden: ReadonlySet<string> = new Set()) {}

  add(kind: string, value: string): void {
    if (this.hidden.has(value)) return;
    const list = this.byKind.get(kind) ?? [];
    if (list.includes(value)) return;
    list.push(value);
    if (list.length > KEEP_PER_KIND) list.shift();
    this.byKind.set(kind, list);
  }

  size(kind: string): number {
    return this.byKind.get(kind)?.length ?? 0;
  }

  /** A copy of `value` with every Ref replaced by a string (Refs sit near the top; deep hostile values are shared). */
  resolve(value: unknown, depth = 0): unknown {
    if (value instanceof Ref) return this.pick(value);
    if (depth > MAX_REF_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, depth + 1));
    if (value !== null && typeof value === "object" && isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        Object.defineProperty(copy, key, { value: this.resolve(item, depth + 1), enumerable: true, writable: true });
      }
      return copy;
    }
    return value;
  }

  private pick(ref: Ref): string {
    const list = this.byKind.get(ref.kind);
    if (list && list.length > 0) return list[ref.pick % list.length] as string;
    if (ref.kind.startsWith("cursor:")) return `cursor-${ref.pick}`;
    return `00000000-0000-7000-8000-${String(ref.pick % 1e12).padStart(12, "0")}`;
  }

  /** Remembers the ids (and page cursors) in a procedure's successful result. */
  harvest(procedure: string, result: unknown): void {
    const visit = (node: unknown, parentKey: string) => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item, parentKey);
        return;
      }
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === "string") {
          if (key === "nextCursor") this.add(`cursor:${procedure}`, value);
          const kind = key === "id" ? (KIND_BY_PARENT[parentKey] ?? entityOf(procedure)) : KIND_BY_FIELD[key];
          if (kind && UUID.test(value)) this.add(kind, value);
        } else {
          visit(value, key);
        }
      }
    };
    visit(result, "");
  }
}

const KIND_BY_PARENT: Record<string, string> = { run: "run", token: "token", task: "task", next: "task" };

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
