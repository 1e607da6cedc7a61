/** `projectId` -> `project_id`: the REST API's field names, as the original backend's schemas had them. */
export function toSnakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `project_id` -> `projectId`: back to the procedures' names. */
export function toCamelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** An error path (`dueAt` or `entries.0.startTime`) in REST names (`due_at`, `entries.0.start_time`). */
export function toSnakePath(path: string): string {
  return path
    .split(".")
    .map((part) => toSnakeCase(part))
    .join(".");
}
