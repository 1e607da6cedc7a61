import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { deriveSecretKey } from "./derive-secret-key.ts";
import { loadSecretKeyring } from "./load-secret-keyring.ts";
import { isSealedSecret, openSecret, sealedSecretKeyId, sealSecret } from "./seal-secret.ts";
import { createSecretKeyring, SECRET_KEY_BYTES } from "./secret-keyring.ts";

const PURPOSE = "calendar_feeds.url";
const ADDRESS = "https://calendar.google.com/calendar/ical/me%40example.com/private-8f3a/basic.ics";
const keyA = Buffer.alloc(SECRET_KEY_BYTES, 0xa);
const keyB = Buffer.alloc(SECRET_KEY_BYTES, 0xb);

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("sealSecret / openSecret", () => {
  const ring = createSecretKeyring({ current: keyA });

  it("seals into v1.<keyId>.<iv>.<tag>.<ciphertext> without the plaintext, and opens it again", () => {
    const sealed = sealSecret(ring, PURPOSE, ADDRESS);
    expect(sealed).toMatch(/^v1\.[\w-]{12}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain("private-8f3a");
    expect(sealedSecretKeyId(sealed)).toBe(ring.current.id);
    expect(isSealedSecret(sealed)).toBe(true);
    expect(isSealedSecret(ADDRESS)).toBe(false);
    expect(openSecret(ring, PURPOSE, sealed)).toBe(ADDRESS);
  });

  it("uses a fresh IV every time", () => {
    expect(sealSecret(ring, PURPOSE, ADDRESS)).not.toBe(sealSecret(ring, PURPOSE, ADDRESS));
  });

  it("opens with a previous key, and seals with the current one", () => {
    const sealedWithA = sealSecret(ring, PURPOSE, ADDRESS);
    const rotated = createSecretKeyring({ current: keyB, previous: [keyA] });
    expect(openSecret(rotated, PURPOSE, sealedWithA)).toBe(ADDRESS);
    expect(sealedSecretKeyId(sealSecret(rotated, PURPOSE, ADDRESS))).toBe(rotated.current.id);
    expect(rotated.current.id).not.toBe(ring.current.id);
  });

  it("refuses with secrets.unreadable: an unknown key, another purpose, a changed byte, another format", () => {
    const sealed = sealSecret(ring, PURPOSE, ADDRESS);
    expect(codeOf(() => openSecret(createSecretKeyring({ current: keyB }), PURPOSE, sealed))).toBe(
      "secrets.unreadable",
    );
    expect(codeOf(() => openSecret(ring, "todoist.token", sealed))).toBe("secrets.unreadable");
    const last = sealed.at(-1) === "A" ? "B" : "A";
    expect(codeOf(() => openSecret(ring, PURPOSE, `${sealed.slice(0, -1)}${last}`))).toBe("secrets.unreadable");
    expect(codeOf(() => openSecret(ring, PURPOSE, ADDRESS))).toBe("secrets.unreadable");
    // A truncated tag would be easier to forge.
    const [v, id, iv, tag, text] = sealed.split(".");
    const shortTag = Buffer.from(tag ?? "", "base64url")
      .subarray(0, 8)
      .toString("base64url");
    expect(codeOf(() => openSecret(ring, PURPOSE, [v, id, iv, shortTag, text].join(".")))).toBe("secrets.unreadable");
  });
});

describe("loadSecretKeyring", () => {
  it("without SECRETS_KEY seals with the key derived from the auth secret", () => {
    const ring = loadSecretKeyring({ configured: undefined, authSecret: "a".repeat(32) });
    expect(ring.current.key.equals(deriveSecretKey("a".repeat(32)))).toBe(true);
    expect(ring.previous).toEqual([]);
  });

  it("with SECRETS_KEY seals with it and still opens what the derived key sealed", () => {
    const before = loadSecretKeyring({ configured: undefined, authSecret: "a".repeat(32) });
    const sealed = sealSecret(before, PURPOSE, ADDRESS);
    const after = loadSecretKeyring({ configured: keyA, previous: [keyB], authSecret: "a".repeat(32) });
    expect(after.current.key.equals(keyA)).toBe(true);
    expect(after.previous.map((key) => key.id)).toEqual([
      createSecretKeyring({ current: keyB }).current.id,
      before.current.id,
    ]);
    expect(openSecret(after, PURPOSE, sealed)).toBe(ADDRESS);
  });

  it("derives different keys from different auth secrets", () => {
    expect(deriveSecretKey("a".repeat(32)).equals(deriveSecretKey("b".repeat(32)))).toBe(false);
  });
});
