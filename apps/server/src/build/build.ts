// pnpm build (apps/server): compiles the server and the worker into dist/, which
// `pnpm start` and `pnpm worker` run.
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleEntryPoints } from "./bundle-entry-points.ts";

const started = performance.now();
const outdir = fileURLToPath(new URL("../../dist", import.meta.url));
// Only this build's chunks: turbo caches the whole folder, and old chunks would pile up in it.
await rm(outdir, { recursive: true, force: true });
await bundleEntryPoints(outdir);
console.log(`Compiled the server into ${outdir} in ${Math.round(performance.now() - started)} ms`);
