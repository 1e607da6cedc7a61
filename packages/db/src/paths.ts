import { fileURLToPath } from "node:url";

/** Absolute paths to the repository's database files, wherever the process runs from. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const prismaDir = fileURLToPath(new URL("../../../prisma/", import.meta.url));
export const schemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
export const migrationsDir = fileURLToPath(new URL("../../../prisma/migrations/", import.meta.url));
/** Where the embedded database lives unless DATA_DIR says otherwise. */
export const defaultDataDir = fileURLToPath(new URL("../../../.data/db", import.meta.url));
