import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

// A build laid out as Vite writes it: index.html naming content-hashed files under /assets.
describe("caching of the web build", () => {
  let database: TestDatabase;
  let server: TestServer;
  let webDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), "agendacraft-web-cache-"));
    await mkdir(join(webDir, "assets"));
    await writeFile(
      join(webDir, "index.html"),
      '<!doctype html><title>AgendaCraft</title><script type="module" src="/assets/index-Cx9a1b2c.js"></script>',
    );
    await writeFile(join(webDir, "assets", "index-Cx9a1b2c.js"), "console.log('app')");
    await writeFile(join(webDir, "assets", "index-D4e5f6a7.css"), "body{margin:0}");
    await writeFile(join(webDir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    server = await startTestServer({ db: database.prisma, env: { WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  it("lets browsers keep hashed assets for a year without asking again", async () => {
    for (const file of ["index-Cx9a1b2c.js", "index-D4e5f6a7.css"]) {
      const response = await fetch(`${server.url}/assets/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("makes browsers check index.html on every load, at / and on client-side routes", async () => {
    for (const path of ["/", "/index.html", "/week", "/projects/123"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("does not cache unhashed files at the root for long", async () => {
    const response = await fetch(`${server.url}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a hashed file that no longer exists with 404, not the app's HTML", async () => {
    const response = await fetch(`${server.url}/assets/index-OLDHASH.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).not.toContain("text/html");
  });
});
