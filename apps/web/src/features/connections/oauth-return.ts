/** What a consent page round trip ended in, as a notice. */
export type OAuthReturn = { tone: "success" | "error"; message: string };
