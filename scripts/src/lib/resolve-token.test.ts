import { describe, expect, it } from "vitest";
import type { Credentials } from "./credentials-store.ts";
import { resolveToken } from "./resolve-token.ts";

const credentials: Credentials = {
  url: "https://agendacraft.example.com",
  token: "act_saved",
  tokenId: "01a2190b-a1d9-70ff-be32-eb27af482b36",
  email: "ada@example.com",
};
const saved = { path: "/home/ada/.config/agendacraft/credentials.json", credentials };
const noEnv = { baseUrl: "http://localhost:3000", urlOverride: undefined, token: undefined };

describe("resolveToken", () => {
  it("uses the saved token on the server it was created on", () => {
    expect(resolveToken({ env: noEnv, saved })).toEqual({
      baseUrl: "https://agendacraft.example.com",
      token: "act_saved",
      source: { kind: "file", ...saved },
    });
  });

  it("sends the saved token to AGENDACRAFT_URL when that is set", () => {
    const env = { ...noEnv, baseUrl: "http://10.0.0.5:3000", urlOverride: "http://10.0.0.5:3000" };
    expect(resolveToken({ env, saved })?.baseUrl).toBe("http://10.0.0.5:3000");
  });

  it("prefers AGENDACRAFT_TOKEN, with AGENDACRAFT_URL or the default URL", () => {
    expect(resolveToken({ env: { ...noEnv, token: "act_env" }, saved })).toEqual({
      baseUrl: "http://localhost:3000",
      token: "act_env",
      source: { kind: "env" },
    });
  });

  it("is null when there is neither", () => {
    expect(resolveToken({ env: noEnv, saved: null })).toBeNull();
  });
});
