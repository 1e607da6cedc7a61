import { createServer, type Server, type Socket } from "node:net";

export type TcpProxy = {
  /** `target` with host and port replaced by the proxy's. */
  url: string;
  /** Simulates the database going away: drops every connection and refuses new ones. */
  cut(): Promise<void>;
  /** The database is back. */
  restore(): Promise<void>;
  close(): Promise<void>;
};

/** A loopback TCP relay in front of a database, so a test can take the database away and bring it back. */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = new (client.constructor as typeof Socket)();
        upstream.connect(Number(targetUrl.port || 5432), targetUrl.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        const address = next.address();
        if (address && typeof address === "object") port = address.port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), cut: stop, restore: listen, close: stop };
}
