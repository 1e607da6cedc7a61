import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("../", import.meta.url));

/** Builds the web app exactly as `pnpm build` does, into `outDir`, so the browser tests run the shipped bundle. */
export async function buildWeb(outDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--outDir", outDir, "--emptyOutDir"],
    {
      cwd: WEB_DIR,
      // vitest sets NODE_ENV=test, under which Vite would bundle React's development build
      // (~270 kB gzip instead of ~206): build what ships, and what the size budget measures.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${output}`);
}
