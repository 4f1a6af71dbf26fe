import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { cookieValue, servedAsIs, verifiedToken } from "@/lib/auth/session";

const SECRET = "a-test-secret-of-at-least-32-characters";
// better-call's format: the token, a dot, the base64 HMAC-SHA256 of the token (44 characters)
const signed = (token: string, secret = SECRET) => `${token}.${createHmac("sha256", secret).update(token).digest("base64")}`;

describe("the session cookie's value", () => {
  it("is read by name, decoded, the first of two", () => {
    const header = `other=1; better-auth.session_token=${encodeURIComponent("abc.d/e+f=")}; better-auth.session_token=second`;
    expect(cookieValue(header, "better-auth.session_token")).toBe("abc.d/e+f=");
    expect(cookieValue("a=1", "better-auth.session_token")).toBeNull();
    expect(cookieValue(null, "better-auth.session_token")).toBeNull();
    expect(cookieValue('x="quoted"', "x")).toBe("quoted");
  });
});

describe("the cookie's signature", () => {
  it("is read as better-auth's cookie library writes it", async () => {
    // better-call signs the session cookie for better-auth: if an upgrade changes how, this fails
    const { serializeSignedCookie } = await import("better-call");
    const header = await serializeSignedCookie("better-auth.session_token", "tok3n", SECRET);
    const value = cookieValue(header.split(";")[0]!, "better-auth.session_token");
    expect(value).toBe(signed("tok3n"));
    expect(verifiedToken(value!, SECRET)).toBe("tok3n");
  });

  it("gives the token when it is the token's HMAC under our secret", () => {
    expect(signed("tok3n").split(".")[1]).toHaveLength(44);
    expect(verifiedToken(signed("tok3n"), SECRET)).toBe("tok3n");
  });

  it("refuses another token under that signature, another secret's signature, and anything without one", () => {
    const good = signed("tok3n");
    expect(verifiedToken(`tok3m${good.slice(5)}`, SECRET)).toBeNull();
    expect(verifiedToken(signed("tok3n", `${SECRET}!`), SECRET)).toBeNull();
    expect(verifiedToken(good.slice(0, -1), SECRET)).toBeNull(); // a character short
    expect(verifiedToken(`${good} `, SECRET)).toBeNull(); // base64 decoders would skip the space
    expect(verifiedToken("tok3n", SECRET)).toBeNull();
    expect(verifiedToken(".sig", SECRET)).toBeNull();
  });
});

describe("a session served as it is (no refresh, no clean-up due)", () => {
  // expiresIn 7 days, updateAge 1 day: a session refreshed at R expires at R + 7 days
  const config = { expiresIn: 7 * 86400, updateAge: 86400 };
  const now = Date.parse("2026-12-06T12:00:00Z");
  const refreshedAt = (msAgo: number) => new Date(now - msAgo + config.expiresIn * 1000);

  it("is one refreshed less than a day ago", () => {
    expect(servedAsIs(refreshedAt(0), now, config)).toBe(true);
    expect(servedAsIs(refreshedAt(86400_000 - 1), now, config)).toBe(true);
  });

  it("is not one refreshed a day ago or more (better-auth refreshes it), nor an expired one", () => {
    expect(servedAsIs(refreshedAt(86400_000), now, config)).toBe(false);
    expect(servedAsIs(new Date(now), now, config)).toBe(false);
    expect(servedAsIs(new Date(now - 1), now, config)).toBe(false);
  });
});
