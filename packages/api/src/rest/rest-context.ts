import {
  type Context,
  type ContextReply,
  type ContextRequest,
  createContextFactory,
  type ServerDeps,
} from "../context.ts";

/**
 * The context of a REST call: the tRPC one, except that only a bearer API token signs the
 * caller in. A session cookie acts as nobody here, so no other site's page can make a
 * signed-in call through a form or an image; and nothing here sets a cookie.
 */
export function createRestContextFactory(deps: ServerDeps) {
  const createContext = createContextFactory(deps);
  return async (req: ContextRequest, res: ContextReply): Promise<Context> => {
    const withoutCookies: ContextReply = {
      header: (name, value) => (name.toLowerCase() === "set-cookie" ? undefined : res.header(name, value)),
    };
    const ctx = await createContext({ req, res: withoutCookies });
    return ctx.session?.via === "token" ? ctx : { ...ctx, session: null };
  };
}
