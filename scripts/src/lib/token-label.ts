/**
 * The start of a secret, as the web app's token list shows it (the server stores the
 * same 12 characters as the token's prefix), so people can match the two.
 */
export function tokenLabel(secret: string): string {
  return `${secret.slice(0, 12)}…`;
}
