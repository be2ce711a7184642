import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, actionRefusal, actionRefusalHtml, parseSizeLimit, UPLOAD_PATH } from "@/lib/server/http/action-request";

const ID = "40a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const options = { limitBytes: parseSizeLimit(ACTION_BODY_LIMIT), knownIds: new Set([ID]) };

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  const request = new Request("http://localhost:3000/connexion", { method: "POST", body, headers });
  return request;
}

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = "----maintien";
  const body = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("") + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const withLength = (body: string, headers: Record<string, string>) => post(body, { ...headers, "content-length": String(Buffer.byteLength(body)) });

describe("actionRefusal (issue 14 §7: a server action Next.js would answer with a 500)", () => {
  it("lets a well-formed action of this build through, multipart or encoded reply", async () => {
    const form = multipart({ "1_email": "a@exemple.fr", "1_password": "x", "0": '["$K1"]' });
    expect(await actionRefusal(withLength(form.body, { "next-action": ID, "content-type": form.type }), options)).toBeNull();
    expect(await actionRefusal(withLength('["$undefined"]', { "next-action": ID, "content-type": "text/plain;charset=UTF-8" }), options)).toBeNull();
    // Not an action: never looked at.
    expect(await actionRefusal(post("garbage", { "content-type": "text/plain" }), options)).toBeNull();
  });

  it("refuses a malformed id (400) and, when the build's ids are known, an unknown one (404)", async () => {
    for (const id of ["x", "not-an-action", `${ID}0`, ID.replace("a", "g")]) {
      expect(await actionRefusal(withLength("[]", { "next-action": id, "content-type": "text/plain" }), options), id).toBe("action-id");
    }
    const unknown = "7f" + "0".repeat(40);
    expect(await actionRefusal(withLength("[]", { "next-action": unknown, "content-type": "text/plain" }), options)).toBe("unknown-action");
    expect(await actionRefusal(withLength("[]", { "next-action": unknown, "content-type": "text/plain" }), { ...options, knownIds: null })).toBeNull();
  });

  it("refuses a body over the limit by its Content-Length, and one without a length", async () => {
    expect(await actionRefusal(post("[]", { "next-action": ID, "content-type": "text/plain", "content-length": String(1024 * 1024 + 1) }), options)).toBe("too-large");
    expect(await actionRefusal(post("[]", { "next-action": ID, "content-type": "text/plain", "content-length": String(1024 * 1024) }), options)).toBeNull();
    expect(await actionRefusal(post("[]", { "next-action": ID, "content-type": "text/plain" }), options)).toBe("length-required");
    expect(await actionRefusal(post("[]", { "next-action": ID, "content-type": "text/plain", "content-length": "-1" }), options)).toBe("length-required");
  });

  it("refuses a truncated or garbage multipart body and a reply that is not JSON", async () => {
    const form = multipart({ "1_email": "a@exemple.fr", "0": '["$K1"]' });
    const truncated = form.body.slice(0, 40);
    expect(await actionRefusal(withLength(truncated, { "next-action": ID, "content-type": form.type }), options)).toBe("body");
    expect(await actionRefusal(withLength("\u0000\u0001garbage", { "next-action": ID, "content-type": form.type }), options)).toBe("body");
    expect(await actionRefusal(withLength("x", { "next-action": ID, "content-type": "multipart/form-data" }), options)).toBe("body");
    const badRoot = multipart({ "0": '["$K1"' });
    expect(await actionRefusal(withLength(badRoot.body, { "next-action": ID, "content-type": badRoot.type }), options)).toBe("body");
    expect(await actionRefusal(withLength('{"a":', { "next-action": ID, "content-type": "text/plain" }), options)).toBe("body");
    expect(await actionRefusal(withLength('{"a":', { "next-action": ID, "content-type": "application/json" }), options)).toBe("body");
    // Valid JSON but not an argument list: Next.js applies the action to it and fails with a 500.
    expect(await actionRefusal(withLength('"{"', { "next-action": ID, "content-type": "application/json" }), options)).toBe("body");
    expect(await actionRefusal(withLength("", { "next-action": ID, "content-type": "text/plain" }), options)).toBe("body");
    const objectRoot = multipart({ "0": '{"a":1}' });
    expect(await actionRefusal(withLength(objectRoot.body, { "next-action": ID, "content-type": objectRoot.type }), options)).toBe("body");
  });

  it("parses the limit as next.config.ts's bodySizeLimit does", () => {
    expect(parseSizeLimit("1mb")).toBe(1_048_576);
    expect(parseSizeLimit("500kb")).toBe(512_000);
    expect(parseSizeLimit(1000)).toBe(1000);
    expect(() => parseSizeLimit("beaucoup")).toThrow();
  });

  it("answers in French, without script", () => {
    const html = actionRefusalHtml("too-large");
    expect(html).toContain('lang="fr"');
    expect(html).toContain("trop volumineuses");
    expect(html).not.toContain("<script");
  });
});

describe("actionRefusal for forms sent without JavaScript (multipart, no Next-Action header)", () => {
  it("checks the action id carried in the fields, the size and the body", async () => {
    const ok = multipart({ [`$ACTION_ID_${ID}`]: "", email: "a@exemple.fr" });
    expect(await actionRefusal(withLength(ok.body, { "content-type": ok.type }), options)).toBeNull();
    const state = multipart({ "$ACTION_REF_1": "", "$ACTION_1:0": JSON.stringify({ id: ID, bound: "$@1" }), "$ACTION_1:1": "[]", email: "a@exemple.fr" });
    expect(await actionRefusal(withLength(state.body, { "content-type": state.type }), options)).toBeNull();

    const unknown = multipart({ [`$ACTION_ID_7f${"0".repeat(40)}`]: "" });
    expect(await actionRefusal(withLength(unknown.body, { "content-type": unknown.type }), options)).toBe("unknown-action");
    const malformed = multipart({ "$ACTION_1:0": JSON.stringify({ id: "nope" }) });
    expect(await actionRefusal(withLength(malformed.body, { "content-type": malformed.type }), options)).toBe("action-id");
    expect(await actionRefusal(withLength(ok.body.slice(0, 30), { "content-type": ok.type }), options)).toBe("body");
    expect(await actionRefusal(post("x", { "content-type": ok.type, "content-length": String(2 * 1024 * 1024) }), options)).toBe("too-large");
  });

  it("leaves the upload routes (large files, their own checks) and other POSTs alone", async () => {
    const upload = new Request("http://localhost:3000/import/televerser", { method: "POST", body: "x", headers: { "content-type": "multipart/form-data; boundary=b", "content-length": String(5 * 1024 * 1024) } });
    expect(await actionRefusal(upload, options)).toBeNull();
    expect(await actionRefusal(withLength("a=1", { "content-type": "application/x-www-form-urlencoded" }), options)).toBeNull();
  });
});

describe("upload routes (decision 043)", () => {
  it("every route handler that reads a multipart body is an upload route or a known small form", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts" && fs.readFileSync(full, "utf8").includes("formData()")) routes.push(full);
      }
    };
    walk(path.join(process.cwd(), "app"));
    // The address each route answers: the folders, without the (groups).
    const paths = routes.map((f) => "/" + path.relative(path.join(process.cwd(), "app"), path.dirname(f)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/"));
    // Small forms (under the 1 MB limit proxy.ts applies); a route taking files must end in /televerser.
    const SMALL_FORMS = new Set(["/import/executer"]);
    for (const p of paths) expect(UPLOAD_PATH.test(p) || SMALL_FORMS.has(p), `${p}: an upload route must end in /televerser, or be listed as a small form`).toBe(true);
    expect(paths.length).toBeGreaterThan(0);
  });
});
