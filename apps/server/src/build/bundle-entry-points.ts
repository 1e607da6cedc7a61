import { readFile } from "node:fs/promises";
import { dirname, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const SERVER_SRC = fileURLToPath(new URL("../", import.meta.url));

/** The processes `pnpm start` and `pnpm worker` run, by output name. */
export const ENTRY_POINTS = {
  main: `${SERVER_SRC}main.ts`,
  worker: `${SERVER_SRC}worker.ts`,
} as const;

export type EntryPointName = keyof typeof ENTRY_POINTS;

/**
 * Compiles the server and the worker, with the workspace's TypeScript they import, into
 * plain JavaScript in `outdir`: Node then starts them without compiling TypeScript at run
 * time (tsx spent about 3 s of CPU per start loading ~700 modules through its hooks).
 * npm packages stay where pnpm installed them and are imported from there.
 */
export async function bundleEntryPoints(outdir: string): Promise<void> {
  await build({
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    // One shared chunk per dynamic import: main.ts checks the environment before it loads the rest.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [keepPackagesInstalled(outdir), keepSourceLocations(outdir)],
  });
}

/** A path from the bundle's folder to `file`, as a module specifier ("../x/y.js"). */
function specifierFrom(outdir: string, file: string): string {
  const path = relative(outdir, file).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Imports of npm packages stay imports, pointed at the exact file pnpm's layout resolves them
 * to from the importing source file (a bare name would be looked up from the bundle's folder,
 * where pnpm does not link other packages' dependencies). Relative, so a moved checkout works.
 */
function keepPackagesInstalled(outdir: string): Plugin {
  return {
    name: "keep-packages-installed",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith("@agendacraft/") || args.path.startsWith("node:") || args.pluginData?.resolving) {
          return undefined;
        }
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // Node's built-in modules without the node: prefix resolve to themselves.
        if (resolved.external || !resolved.path.startsWith(sep)) return { path: args.path, external: true };
        return { path: specifierFrom(outdir, resolved.path), external: true };
      });
    },
  };
}

/**
 * Source files find files next to them (migrations, the web app's build, WebAssembly) from
 * `import.meta.url`; in the bundle each keeps pointing at its own source file.
 */
function keepSourceLocations(outdir: string): Plugin {
  return {
    name: "keep-source-locations",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const location = `new URL(${JSON.stringify(specifierFrom(outdir, args.path))}, import.meta.url).href`;
        return {
          contents: source.replaceAll("import.meta.url", location),
          loader: "ts",
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

export function entryPointUrl(outdir: string, name: EntryPointName): URL {
  return pathToFileURL(`${outdir}/${name}.js`);
}
