import { type FakeGoogle, startFakeGoogle } from "@agendacraft/fake-google";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { googleEndpoints } from "../../shared/google/google-endpoints.ts";
import { createGoogleIdTokenVerifier } from "./verify-google-id-token.ts";

const CLIENT = { clientId: "verifier-test-client", clientSecret: "verifier-test-secret" };

describe("verifying Google id_tokens against GOOGLE_BASE_URL's keys", () => {
  let fake: FakeGoogle;
  let verify: ReturnType<typeof createGoogleIdTokenVerifier>;

  beforeAll(async () => {
    fake = await startFakeGoogle(CLIENT);
    verify = createGoogleIdTokenVerifier({ endpoints: googleEndpoints(fake.url), clientId: CLIENT.clientId });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function idTokenFor(email: string): Promise<string> {
    const { idToken } = await fake.issueTokens({ email });
    if (!idToken) throw new Error("the fake issued no id_token");
    return idToken;
  }

  it("accepts a token Google signed for this client and returns who it names", async () => {
    const claims = await verify(await idTokenFor("ada@example.com"));
    expect(claims).toMatchObject({ email: "ada@example.com", email_verified: true, aud: CLIENT.clientId });
    expect(claims.sub).toMatch(/\S/);
  });

  it("rejects the same claims signed with another key under Google's key id", async () => {
    const genuine = await idTokenFor("mallory@example.com");
    const { kid } = decodeProtectedHeader(genuine);
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT(decodeJwt(genuine))
      .setProtectedHeader({ alg: "RS256", kid: kid ?? "" })
      .sign(privateKey);

    await expect(verify(forged)).rejects.toThrow(/signature/i);
  });

  it("rejects a genuine token whose claims were edited (another email)", async () => {
    const [header, payload, signature] = (await idTokenFor("eve@example.com")).split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const edited = Buffer.from(JSON.stringify({ ...claims, email: "victim@example.com" })).toString("base64url");

    await expect(verify(`${header}.${edited}.${signature}`)).rejects.toThrow(/signature/i);
  });

  it("rejects a token Google issued to another client (audience)", async () => {
    const otherClient = createGoogleIdTokenVerifier({ endpoints: googleEndpoints(fake.url), clientId: "someone-else" });
    await expect(otherClient(await idTokenFor("ada@example.com"))).rejects.toThrow(/aud/i);
  });

  it("rejects a token whose nonce is not the sign-in request's", async () => {
    await expect(verify(await idTokenFor("ada@example.com"), "expected-nonce")).rejects.toThrow(/nonce/i);
  });
});
