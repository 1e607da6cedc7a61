import { describe, expect, it } from "vitest";
import { EnvError, googleConfigFrom, loadEnv, todoistConfigFrom, trustProxySetting } from "./env.ts";

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

  it("reads AGENDACRAFT_CLOCK_START as an instant, and refuses it in production", () => {
    expect(loadEnv({}).AGENDACRAFT_CLOCK_START).toBeUndefined();
    expect(loadEnv({ AGENDACRAFT_CLOCK_START: "2026-12-07T08:30:00+01:00" }).AGENDACRAFT_CLOCK_START).toEqual(
      new Date("2026-12-07T07:30:00Z"),
    );
    expect(() => loadEnv({ AGENDACRAFT_CLOCK_START: "next monday" })).toThrow(
      /^Invalid environment variable AGENDACRAFT_CLOCK_START \(got "next monday"\): must be an ISO 8601 instant/,
    );
    expect(() => loadEnv({ NODE_ENV: "production", AGENDACRAFT_CLOCK_START: "2026-12-07T08:30:00Z" })).toThrow(
      /^Invalid environment variable AGENDACRAFT_CLOCK_START: .*tests and demos only/,
    );
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

describe("WORKER", () => {
  it("runs the workers inline unless set to off, and names anything else", () => {
    expect(loadEnv({}).WORKER).toBe("inline");
    expect(loadEnv({ WORKER: "off" }).WORKER).toBe("off");
    expect(() => loadEnv({ WORKER: "separate" })).toThrow(
      'Invalid environment variable WORKER (got "separate"): must be inline or off',
    );
  });
});

describe("WEB_CONCURRENCY", () => {
  it("runs one server process unless asked for more, up to 32; empty means the default", () => {
    expect(loadEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(loadEnv({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBe(1);
    expect(loadEnv({ WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
    expect(loadEnv({ WEB_CONCURRENCY: "32" }).WEB_CONCURRENCY).toBe(32);
  });

  it.each(["0", "-2", "1.5", "two", "33"])("names %j with the range it takes", (value) => {
    expect(() => loadEnv({ WEB_CONCURRENCY: value })).toThrow(
      `Invalid environment variable WEB_CONCURRENCY (got "${value}"): must be a whole number of server processes from 1 to 32`,
    );
  });
});

describe("METRICS_TOKEN and SLOW_QUERY_MS", () => {
  it("serve no metrics and log statements from 500 ms by default", () => {
    const env = loadEnv({});
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.SLOW_QUERY_MS).toBe(500);
    expect(loadEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(loadEnv({ SLOW_QUERY_MS: "0" }).SLOW_QUERY_MS).toBe(0);
  });

  it("refuse a short METRICS_TOKEN without echoing it, and a negative SLOW_QUERY_MS", () => {
    const attempt = () => loadEnv({ METRICS_TOKEN: "hunter2" });
    expect(attempt).toThrow(/^Invalid environment variable METRICS_TOKEN: must be at least 16 characters$/);
    expect(() => loadEnv({ SLOW_QUERY_MS: "-1" })).toThrow(/^Invalid environment variable SLOW_QUERY_MS \(got "-1"\)/);
  });
});

describe("SMTP_URL and MAIL_FROM", () => {
  it("leave email to the log by default, from AgendaCraft <no-reply@localhost>", () => {
    const env = loadEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe("AgendaCraft <no-reply@localhost>");
    expect(loadEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("accept smtp:// and smtps:// URLs and an address with or without a name", () => {
    expect(loadEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).SMTP_URL).toBe("smtps://u:p@mail.example.com:465");
    expect(loadEnv({ MAIL_FROM: "reminders@example.com" }).MAIL_FROM).toBe("reminders@example.com");
    expect(loadEnv({ MAIL_FROM: "Team Plan <plan@example.com>" }).MAIL_FROM).toBe("Team Plan <plan@example.com>");
  });

  it("name a bad SMTP_URL without echoing it (it holds a password), and a bad MAIL_FROM", () => {
    const attempt = () => loadEnv({ SMTP_URL: "http://user:hunter2@mail.example.com" });
    expect(attempt).toThrow(/^Invalid environment variable SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(attempt).not.toThrow(/hunter2/);
    expect(() => loadEnv({ MAIL_FROM: "nobody" })).toThrow(/^Invalid environment variable MAIL_FROM \(got "nobody"\)/);
  });
});

describe("trustProxySetting", () => {
  it("understands true, false and address lists", () => {
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting("false")).toBe(false);
    expect(trustProxySetting("10.0.0.1, 10.0.0.0/8")).toEqual(["10.0.0.1", "10.0.0.0/8"]);
  });
});

describe("SECRETS_KEY and SECRETS_PREVIOUS_KEYS", () => {
  const key = Buffer.alloc(32, 1).toString("base64");
  const other = Buffer.alloc(32, 2).toString("base64url");

  it("are unset by default (the key is then derived from the auth secret) and read as 32-byte keys", () => {
    const unset = loadEnv({});
    expect(unset.SECRETS_KEY).toBeUndefined();
    expect(unset.SECRETS_PREVIOUS_KEYS).toEqual([]);
    const env = loadEnv({ SECRETS_KEY: key, SECRETS_PREVIOUS_KEYS: `${other},${key}` });
    expect(env.SECRETS_KEY?.toString("base64")).toBe(key);
    expect(env.SECRETS_PREVIOUS_KEYS.map((item) => item.toString("base64url"))).toEqual([
      other,
      Buffer.alloc(32, 1).toString("base64url"),
    ]);
  });

  it("name a malformed key without echoing it", () => {
    expect(() => loadEnv({ SECRETS_KEY: "hunter2" })).toThrow(
      /^Invalid environment variable SECRETS_KEY: must be 32 random bytes in base64, e\.g\. from `openssl rand -base64 32`$/,
    );
    expect(() => loadEnv({ SECRETS_PREVIOUS_KEYS: `${key},hunter2` })).toThrow(
      /^Invalid environment variable SECRETS_PREVIOUS_KEYS: item 2 must be 32 random bytes in base64/,
    );
  });
});

describe("Google push notifications", () => {
  const google = { GOOGLE_CLIENT_ID: "client", GOOGLE_CLIENT_SECRET: "secret" };

  it("are on when PUBLIC_URL is https: Google posts to the notifications route there", () => {
    const config = googleConfigFrom(loadEnv({ ...google, PUBLIC_URL: "https://agenda.example.com/app" }));
    expect(config?.pushAddress).toBe("https://agenda.example.com/api/calendars/google/notifications");
  });

  it("are off (polling only) when PUBLIC_URL is http or unset, since Google delivers only to https", () => {
    expect(
      googleConfigFrom(loadEnv({ ...google, PUBLIC_URL: "http://agenda.example.com" }))?.pushAddress,
    ).toBeUndefined();
    expect(googleConfigFrom(loadEnv(google))?.pushAddress).toBeUndefined();
    expect(googleConfigFrom(loadEnv(google))?.syncIntervalSeconds).toBe(300);
  });
});

describe("Todoist settings", () => {
  it("default to todoist.com, token connects only, a sync every 300 s", () => {
    const config = todoistConfigFrom(loadEnv({}));
    expect(config).toEqual({
      webOrigin: "https://todoist.com",
      apiOrigin: "https://api.todoist.com",
      oauth: null,
      syncIntervalSeconds: 300,
    });
  });

  it("TODOIST_BASE_URL stands for both origins; the OAuth app's redirect URL is under PUBLIC_URL", () => {
    const config = todoistConfigFrom(
      loadEnv({
        TODOIST_BASE_URL: "http://127.0.0.1:4020",
        TODOIST_CLIENT_ID: "client",
        TODOIST_CLIENT_SECRET: "secret",
        TODOIST_SYNC_INTERVAL_SECONDS: "120",
        PUBLIC_URL: "https://agenda.example.com",
      }),
    );
    expect(config).toEqual({
      webOrigin: "http://127.0.0.1:4020",
      apiOrigin: "http://127.0.0.1:4020",
      oauth: {
        clientId: "client",
        clientSecret: "secret",
        redirectUri: "https://agenda.example.com/api/integrations/todoist/callback",
      },
      syncIntervalSeconds: 120,
    });
  });

  it("refuses a client id without its secret, a non-http base URL and an interval under a minute", () => {
    expect(() => loadEnv({ TODOIST_CLIENT_ID: "client" })).toThrow(
      "Invalid environment variable TODOIST_CLIENT_SECRET: set TODOIST_CLIENT_ID and TODOIST_CLIENT_SECRET together, or neither",
    );
    expect(() => loadEnv({ TODOIST_BASE_URL: "ftp://example.com" })).toThrow(
      /^Invalid environment variable TODOIST_BASE_URL/,
    );
    expect(() => loadEnv({ TODOIST_SYNC_INTERVAL_SECONDS: "10" })).toThrow(
      /^Invalid environment variable TODOIST_SYNC_INTERVAL_SECONDS \(got "10"\): must be at least 60/,
    );
  });
});
