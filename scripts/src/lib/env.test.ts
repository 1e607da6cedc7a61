import { describe, expect, it } from "vitest";
import { readEnv } from "./env.ts";

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
