/** Who is calling, however they proved it. */
export type AuthSession = {
  userId: string;
  /** "cookie": a browser session; "token": a personal API token. */
  via: "cookie" | "token";
  /** The browser session's id (cookie) or the API token's id (token). */
  credentialId: string;
};
