/**
 * The request id every log line of a request carries (issue 14 §8), made in
 * proxy.ts, passed to the app as `x-request-id` and echoed to the client as
 * `X-Request-Id`.
 *
 * Behind our own reverse proxy (`TRUST_PROXY` ≥ 1), the id it sent is kept
 * when well-formed (nginx: `proxy_set_header X-Request-Id $request_id`), so
 * the proxy's access log and the app's lines share it. Otherwise — no proxy
 * of ours, no header, or a value that is not a short token of letters,
 * digits, `-`, `_`, `.`, `:` — a fresh UUID: a client never picks the id the
 * app logs under. Pure (no Next import): unit-tested in request-id.test.ts.
 */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function requestIdFor(incoming: string | null, trustProxy: string | undefined, generate: () => string = () => crypto.randomUUID()): string {
  if (incoming && trustsProxy(trustProxy) && WELL_FORMED.test(incoming)) return incoming;
  return generate();
}

/** TRUST_PROXY as lib/server/env.ts reads it: "true" or 1–9 proxies; "", "0", "false" or unset: none. */
function trustsProxy(value: string | undefined): boolean {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "true") return true;
  const n = Number(v);
  return v !== "" && Number.isInteger(n) && n > 0 && n < 10;
}
