import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type WasmExports = Record<string, unknown>;
// Node has WebAssembly, but its types live in lib.dom, which server code does not load.
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }>;
  };
};

let loading: Promise<SchemaEngineModule> | undefined;

/** The engine reports a Rust panic's message through this global before it throws. */
class WasmPanicRegistry {
  message = "";
  set_message(value: string) {
    this.message = `RuntimeError: ${value}`;
  }
  get() {
    return this.message;
  }
}

export function lastSchemaEnginePanic(): string | undefined {
  return (
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY?.get() || undefined
  );
}

/**
 * The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node
 * cannot load; this performs the same wiring wasm-bindgen's bundler glue does.
 */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??=
      new WasmPanicRegistry();
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    // createRequire rather than import.meta.resolve: the server's bundle keeps import.meta.url
    // pointing at this file, but import.meta.resolve would look from the bundle's folder.
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loading;
}
