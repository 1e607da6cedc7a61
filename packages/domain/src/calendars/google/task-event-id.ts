/**
 * The Google event id AgendaCraft uses for one block of a task, the same on every attempt,
 * so a retried or repeated write finds the event it already made instead of adding another.
 * Google accepts ids of 5 to 1024 characters from base32hex (a-v, 0-9): a UUID's hex digits
 * already are, so the id is the task id without dashes, "b", and the block's index.
 */
export function taskEventId(taskId: string, blockIndex: number): string {
  return `${taskId.replaceAll("-", "").toLowerCase()}b${blockIndex}`;
}
