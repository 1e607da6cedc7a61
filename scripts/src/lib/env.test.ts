import { describe, expect, it } from "vitest";
import { readDatabaseEnv, readEnv, readSeedEnv } from "./env.ts";

describe("readEnv", () => {
  it("defaults the URL and keeps the config under the home directory", () => {
    expect(readEnv({}, "/home/ada")).toEqual({
      baseUrl: "http://localhost:3000",
      urlOverride: undefined,
      configDir: "/home/ada/.config/agendacraft",
      token: undefined,
      password: undefined,
    });
  });

  it("marks an explicit URL as an override and trims the token but not the password", () => {
    const env = readEnv(
      {
        AGENDACRAFT_URL: "https://agendacraft.example.com/",
        AGENDACRAFT_CONFIG_DIR: "/etc/agendacraft",
        AGENDACRAFT_TOKEN: " act_abc \n",
        AGENDACRAFT_PASSWORD: " spaces count ",
      },
      "/home/ada",
    );
    expect(env).toEqual({
      baseUrl: "https://agendacraft.example.com",
      urlOverride: "https://agendacraft.example.com",
      configDir: "/etc/agendacraft",
      token: "act_abc",
      password: " spaces count ",
    });
  });

  it("names the variable when the URL is unusable", () => {
    expect(() => readEnv({ AGENDACRAFT_URL: "localhost:3000" })).toThrow(/AGENDACRAFT_URL must start with http/);
    expect(() => readEnv({ AGENDACRAFT_URL: "not a url" })).toThrow(/AGENDACRAFT_URL is not a URL/);
  });
});

describe("readDatabaseEnv", () => {
  it("treats an empty DATABASE_URL or DATA_DIR as unset", () => {
    expect(readDatabaseEnv({ DATABASE_URL: "", DATA_DIR: "" })).toEqual({ databaseUrl: undefined, dataDir: undefined });
  });

  it("passes the server's database through", () => {
    expect(readDatabaseEnv({ DATABASE_URL: "postgresql://db/app", DATA_DIR: "/var/lib/ac" })).toEqual({
      databaseUrl: "postgresql://db/app",
      dataDir: "/var/lib/ac",
    });
  });
});

describe("readSeedEnv", () => {
  it("derives the public address from PORT when PUBLIC_URL is unset", () => {
    expect(readSeedEnv({ PORT: "4000", SEED_TIME_ZONE: "Asia/Kathmandu" })).toEqual({
      publicUrl: "http://localhost:4000",
      authSecret: undefined,
      timeZone: "Asia/Kathmandu",
    });
  });

  it("keeps only PUBLIC_URL's origin and takes AUTH_SECRET as configured", () => {
    const env = readSeedEnv({ PUBLIC_URL: "https://plan.example.com/app/", AUTH_SECRET: "s3cret" });
    expect(env.publicUrl).toBe("https://plan.example.com");
    expect(env.authSecret).toBe("s3cret");
  });
});
