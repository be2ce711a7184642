import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-tests-only-secret-0123456789abcdef";
  process.env.DATABASE_URL ??= "postgresql://unit@127.0.0.1:1/unit";
});

describe("TOTP and sealed values", () => {
  it("encrypts the secret (tamper-evident) and checks codes ±1 step", async () => {
    const { totpCodeStep, newTotpSecret, openTotpSecret, sealTotpSecret, totpQrSvg, totpUri } = await import("./totp");
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(secret);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(sealed)).toBe(secret);
    expect(sealTotpSecret(secret)).not.toBe(sealed); // a fresh IV each time
    const parts = sealed.split(".");
    parts[2] = parts[2]!.slice(0, -2) + (parts[2]!.endsWith("AA") ? "BB" : "AA");
    expect(openTotpSecret(parts.join("."))).toBeNull();

    const uri = totpUri(secret, "ines@asso.fr");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Maintien:ines%40asso\.fr\?/);
    expect(await totpQrSvg(uri)).toMatch(/^<svg/);

    const t = Date.parse("2026-06-10T09:00:10Z");
    const gen = (ts: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ts });
    const step = Math.floor(t / 30_000);
    expect(totpCodeStep(secret, gen(t - 30_000), t)).toBe(step - 1);
    expect(totpCodeStep(secret, gen(t), t)).toBe(step);
    expect(totpCodeStep(secret, gen(t + 30_000), t)).toBe(step + 1);
    expect(totpCodeStep(secret, gen(t + 60_000), t)).toBeNull();
    expect(totpCodeStep(secret, "12a456", t)).toBeNull();
    // Once each: the replay guard is in the database (checkTotpCode), tested in tests/integration/accounts.test.ts.
  }, 30_000); // the first import (otpauth, qrcode) is slow on a loaded machine

  it("signs short-lived values per purpose", async () => {
    const { sign, verifySigned } = await import("./signing");
    const token = sign("signin-challenge-v1", { uid: "u1" }, 1_000);
    expect(verifySigned("signin-challenge-v1", token, 999)).toMatchObject({ uid: "u1" });
    expect(verifySigned("signin-challenge-v1", token, 1_000)).toBeNull();
    expect(verifySigned("session-reissue-v1", token, 0)).toBeNull();
    expect(verifySigned("signin-challenge-v1", token.replace(/^./, "x"), 0)).toBeNull();
  });
});
