import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/server/http/request-id";

const fresh = () => "generated-id";

describe("requestIdFor (issue 14 §8: one request id per request, in every log line)", () => {
  it("generates a UUID when there is no header", () => {
    expect(requestIdFor(null, "1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFor(null, "1")).not.toBe(requestIdFor(null, "1"));
  });

  it("keeps the id our own proxy sent (nginx's $request_id) when TRUST_PROXY is set", () => {
    expect(requestIdFor("0f3c8e1b2a9d4c7e8f6a5b4c3d2e1f00", "1", fresh)).toBe("0f3c8e1b2a9d4c7e8f6a5b4c3d2e1f00");
    expect(requestIdFor("req-2026-12-07.42", "true", fresh)).toBe("req-2026-12-07.42");
  });

  it("ignores a client's id without a trusted proxy", () => {
    for (const trust of [undefined, "", "0", "false"]) expect(requestIdFor("0f3c8e1b2a9d4c7e8f6a5b4c3d2e1f00", trust, fresh), String(trust)).toBe("generated-id");
  });

  it("replaces an invalid id: too short, too long, spaces, quotes, line breaks, non-ASCII", () => {
    for (const bad of ["", "abc", "x".repeat(129), "id with spaces", 'id"injected', "id\nforged-line", "idé-accentué", "-leading-dash"]) {
      expect(requestIdFor(bad, "1", fresh), bad).toBe("generated-id");
    }
  });
});
