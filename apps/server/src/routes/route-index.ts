import type { FastifyInstance, HTTPMethods } from "fastify";

export type RouteIndex = {
  /** The methods some route accepts at this concrete path (empty: no route has the path). */
  methodsFor(path: string): string[];
};

/**
 * Remembers every route as it is registered, so an unknown method on a known path can be
 * answered 405 with `Allow` instead of 404. Call before registering routes.
 */
export function trackRoutes(app: FastifyInstance): RouteIndex {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook("onRoute", (route) => {
    // HEAD follows GET, and CORS answers OPTIONS on every path: neither says a path exists.
    const methods = ([] as HTTPMethods[])
      .concat(route.method)
      .map((method) => method.toUpperCase())
      .filter((method) => method !== "HEAD" && method !== "OPTIONS");
    if (methods.length > 0) routes.push({ pattern: toPattern(route.url), methods });
  });
  return {
    methodsFor(path) {
      const methods = new Set<string>();
      for (const route of routes) {
        if (route.pattern.test(path)) for (const method of route.methods) methods.add(method);
      }
      return [...methods].sort();
    },
  };
}

/** Fastify's `/a/:param/*` as a regular expression over concrete paths. */
function toPattern(url: string): RegExp {
  const source = url
    .split(/(:\w+|\*)/)
    .map((part) => {
      if (part === "*") return ".*";
      if (part.startsWith(":")) return "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`);
}
