import { createServer, Socket } from "node:net";
import { startTestServer, type TestServer } from "@agendacraft/server/testing";

type Options = Parameters<typeof startTestServer>[0];

/**
 * The real test server reached at its PUBLIC_URL, as people reach a deployed one. The
 * server trusts only that origin for sign-in and sign-out, but startTestServer picks a
 * random port after PUBLIC_URL is fixed; so a loopback relay takes a port first, becomes
 * PUBLIC_URL, and forwards to wherever the server ends up listening.
 */
export async function startPublicTestServer(options: Options): Promise<TestServer & { directUrl: string }> {
  let target: URL | undefined;
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    if (!target) return client.destroy();
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    relay.once("error", reject);
    relay.listen(0, "127.0.0.1", resolve);
  });
  const address = relay.address();
  if (address === null || typeof address === "string") throw new Error("expected a TCP address");
  const publicUrl = `http://127.0.0.1:${address.port}`;

  const server = await startTestServer({ ...options, env: { ...options.env, PUBLIC_URL: publicUrl } });
  target = new URL(server.url);
  return {
    ...server,
    url: publicUrl,
    /** The server's own address, which it does not consider its origin. */
    directUrl: server.url,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      await server.close();
    },
  };
}
