/**
 * Sync and page tokens are opaque to clients; inside they say which calendar, which change
 * they continue from, and the calendar's token generation (expireSyncTokens bumps it, and
 * every older token then answers 410 fullSyncRequired).
 */
export type SyncPosition = { calendarId: string; generation: number; seq: number };

/** Where a listing stands: what it continues after, and the snapshot it reads. */
export type PageCursor = {
  /** The change number the listing reads up to (the next sync token's position). */
  snapshot: number;
  /** The sync token's position for an incremental listing; null for a full one. */
  since: number | null;
  /** Default order: the last change number returned. Ordered listings: how many were returned. */
  after: number;
  generation: number;
};

export function encodeSyncToken(position: SyncPosition): string {
  return `CP${Buffer.from(JSON.stringify([position.calendarId, position.generation, position.seq])).toString("base64url")}`;
}

export function decodeSyncToken(token: string): SyncPosition | undefined {
  const parsed = decodeJson(token.slice(2));
  if (!token.startsWith("CP") || !Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [calendarId, generation, seq] = parsed as unknown[];
  if (typeof calendarId !== "string" || typeof generation !== "number" || typeof seq !== "number") return undefined;
  return { calendarId, generation, seq };
}

export function encodePageToken(cursor: PageCursor): string {
  return `EP${Buffer.from(JSON.stringify(cursor)).toString("base64url")}`;
}

export function decodePageToken(token: string): PageCursor | undefined {
  const parsed = decodeJson(token.slice(2)) as Partial<PageCursor> | undefined;
  if (!token.startsWith("EP") || !parsed || typeof parsed !== "object") return undefined;
  const { snapshot, since, after, generation } = parsed;
  if (typeof snapshot !== "number" || typeof after !== "number" || typeof generation !== "number") return undefined;
  if (since !== null && typeof since !== "number") return undefined;
  return { snapshot, since, after, generation };
}

function decodeJson(encoded: string): unknown {
  try {
    return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
