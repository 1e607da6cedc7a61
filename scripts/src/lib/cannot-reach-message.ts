/** What every command says when the server cannot be reached, so the advice reads the same everywhere. */
export function cannotReachMessage(baseUrl: string, reason: string): string {
  return `Cannot reach AgendaCraft at ${baseUrl} (${reason}). Is the server running? Start it with \`pnpm start\`.`;
}
