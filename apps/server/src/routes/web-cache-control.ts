/** Vite names every file under /assets by its content hash, so a name never changes meaning. */
export const HASHED_ASSETS_PREFIX = "/assets/";

export const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: the browser must ask again before each use. */
export const REVALIDATE = "no-cache";

/**
 * How long a browser may keep a file of the web build: a year for hashed assets, never
 * unchecked for index.html and the other unhashed files, so a deploy shows at once.
 */
export function webCacheControl(urlPath: string): string {
  return urlPath.startsWith(HASHED_ASSETS_PREFIX) ? IMMUTABLE : REVALIDATE;
}
