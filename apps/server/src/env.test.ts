import { describe, expect, it } from "vitest";
import { EnvError, loadEnv, trustProxySetting } from "./env.ts";

describe("loadEnv", () => {
  it("starts with sensible defaults when nothing is set", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: 3000,
      DATABASE_POOL_MAX: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      CORS_ORIGINS: [],
      BODY_LIMIT_BYTES: 1_048_576,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names a bad PORT and shows what it got", () => {
    expect(() => loadEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => loadEnv({ PORT: "eighty" })).toThrow(/^Invalid environment variable PORT \(got "eighty"\)/);
    expect(() => loadEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("names a bad DATABASE_URL without echoing it (it may hold a password)", () => {
    const attempt = () => loadEnv({ DATABASE_URL: "mysql://root:hunter2@db/app" });
    expect(attempt).toThrow(/^Invalid environment variable DATABASE_URL: must be a postgresql:\/\/ URL$/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("treats an empty DATABASE_URL as unset (embedded database)", () => {
    expect(loadEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(loadEnv({ DATABASE_URL: "postgres://u@h:5432/d" }).DATABASE_URL).toBe("postgres://u@h:5432/d");
  });

  it("splits CORS_ORIGINS and rejects something that is not an origin", () => {
    expect(loadEnv({ CORS_ORIGINS: "https://a.example.com, http://localhost:5173" }).CORS_ORIGINS).toEqual([
      "https://a.example.com",
      "http://localhost:5173",
    ]);
    expect(() => loadEnv({ CORS_ORIGINS: "not an origin" })).toThrow(/CORS_ORIGINS/);
  });

  it("reads LOG_PRETTY as a boolean word and rejects unknown log levels", () => {
    expect(loadEnv({ LOG_PRETTY: "false" }).LOG_PRETTY).toBe(false);
    expect(() => loadEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

describe("trustProxySetting", () => {
  it("understands true, false and address lists", () => {
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting("false")).toBe(false);
    expect(trustProxySetting("10.0.0.1, 10.0.0.0/8")).toEqual(["10.0.0.1", "10.0.0.0/8"]);
  });
});
