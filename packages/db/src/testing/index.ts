export { onQuery, type QueryEvent } from "../query-events.ts";
export { countQueries } from "./count-queries.ts";
export { createDurableStorage, type DurableStorage } from "./durable-storage.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { useTestDatabase } from "./use-test-database.ts";
