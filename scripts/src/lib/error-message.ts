/** A one-line message for any thrown value; multi-line driver errors would break the summary's layout. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim()) ?? "unknown error";
}
