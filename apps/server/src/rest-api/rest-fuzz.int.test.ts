import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLoggedErrors } from "../fuzz/fuzz-report.ts";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";
import { documentedOperations, type OpenApiDocument } from "./testing/documented-operations.ts";
import { ResponseValidator } from "./testing/response-validator.ts";
import { restFuzzOptions } from "./testing/rest-fuzz-options.ts";
import { RestFuzzReport } from "./testing/rest-fuzz-report.ts";
import { RestIdPool } from "./testing/rest-id-pool.ts";
import { runRestFuzz } from "./testing/run-rest-fuzz.ts";

/**
 * Every operation of /api/v1, driven by the OpenAPI document the server serves: requests
 * generated from each documented request schema, valid and spoiled (wrong types, missing
 * and unknown fields, malformed ids, huge strings, bad JSON, bad query values), on existing
 * rows and unknown ids. No answer may be a 5xx, and every answer must be one the document
 * lists for that operation: its status, its body valid for that status's schema (Ajv,
 * JSON Schema 2020-12), its required headers. FUZZ_SEED and FUZZ_RUNS reproduce a run.
 */
describe("fuzzing the REST API v1 from its OpenAPI document", () => {
  const database = useTestDatabase();
  const options = restFuzzOptions(process.env);
  let server: TestServer;
  let token: string;
  let document: OpenApiDocument;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, env: { LOG_LEVEL: "warn" } });
    token = (await personWithToken(server.url)).token;
    const served = await restCall(server.url, "GET", "/api/v1/openapi.json");
    expect(served.status).toBe(200);
    document = served.body as OpenApiDocument;
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    `answers about ${options.runs} generated requests without a 5xx, each as the document says`,
    async () => {
      const operations = documentedOperations(document);
      const reproduce = `FUZZ_SEED=${options.seed} FUZZ_RUNS=${options.runs}`;
      console.log(`rest fuzz: ${operations.length} operations, seed ${options.seed} (reproduce with ${reproduce})`);
      const report = new RestFuzzReport();
      const pool = new RestIdPool();
      const run = {
        baseUrl: server.url,
        token,
        document,
        operations,
        ...options,
        pool,
        validator: new ResponseValidator(document),
        report,
      };
      await runRestFuzz(run);
      console.log(report.summary());

      expect.soft(describeLoggedErrors(server.logLines()), `errors the server logged (${reproduce})`).toBe("");
      expect
        .soft(
          report.failureCount(),
          `5xx answers, hangs or undocumented answers (${reproduce}):\n${report.failureReport()}`,
        )
        .toBe(0);
      // The run must reach the operations' work, not only their validation.
      expect.soft(report.count("200") + report.count("201") + report.count("204")).toBeGreaterThan(options.runs / 10);
      expect.soft(report.count("404"), "requests on unknown ids").toBeGreaterThan(0);
      expect.soft(report.count("400"), "spoiled requests").toBeGreaterThan(0);
      // A hang fails each request after 30 s; this only bounds a long `pnpm fuzz:rest` run.
    },
    Math.max(180_000, options.runs * 200),
  );
});
