// Runs `prisma generate` offline. The Prisma CLI insists on locating a native schema
// engine before it generates, and would download one from a CDN that is unreachable
// here; generation never runs that engine, so any existing file satisfies the check.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { repoRoot } from "../paths.ts";
import { prismaCliEnv } from "./env.ts";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  cwd: repoRoot,
  stdio: "inherit",
  env: prismaCliEnv(),
});
process.exit(result.status ?? 1);
