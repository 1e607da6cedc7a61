import { randomUUID } from "node:crypto";

/**
 * Ids the server handed out during a run, by collection (`/api/v1/tasks/`), so generated
 * requests reach existing rows: a path's `{id}` from its own collection, a body's
 * `project_id` from `/api/v1/projects/`.
 */
export class RestIdPool {
  private readonly ids = new Map<string, string[]>();

  add(collection: string, id: string): void {
    const known = this.ids.get(collection) ?? [];
    if (!known.includes(id)) known.push(id);
    this.ids.set(collection, known);
  }

  remove(collection: string, id: string): void {
    this.ids.set(
      collection,
      (this.ids.get(collection) ?? []).filter((known) => known !== id),
    );
  }

  size(collection: string): number {
    return this.ids.get(collection)?.length ?? 0;
  }

  /** An existing id of the collection, or a well-formed unknown one while it has none. */
  pick(collection: string, pick: number): string {
    const known = this.ids.get(collection);
    return known?.length ? (known[pick % known.length] as string) : randomUUID();
  }

  /** For a body field `project_id`: an id from `<prefix>/projects/`, else from any collection. */
  forField(prefix: string, field: string, pick: number): string | undefined {
    const collection = `${prefix}/${field.replace(/_id$/, "")}s/`;
    if (this.ids.get(collection)?.length) return this.pick(collection, pick);
    const all = [...this.ids.values()].flat();
    return all.length ? all[pick % all.length] : undefined;
  }
}
