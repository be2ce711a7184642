// A signed-in HTTP client for the benches: signs in through Auth.js's
// credentials endpoint (as the sign-in form does), keeps the session cookie,
// times GETs of pages and calls server actions the way the browser does
// (POST with the Next-Action header and React's encodeReply body).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const rsc = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (value: unknown) => Promise<string | FormData> };

export interface Session {
  base: string;
  cookie: string;
  email: string;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] as string);
}

export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  await res.arrayBuffer();
  const all = [...jar, ...cookiesOf(res)];
  if (!all.some((c) => /session-token=/.test(c))) throw new Error(`sign-in refused for ${email} (HTTP ${res.status} → ${res.headers.get("location")})`);
  return { base, cookie: all.join("; "), email };
}

export interface Timed {
  status: number;
  ms: number;
  body: string;
}

/** GET a page as the signed-in user; the time is until the whole body arrived (the server rendered it all). */
export async function get(session: Session, pathname: string): Promise<Timed> {
  const t = performance.now();
  const res = await fetch(`${session.base}${pathname}`, { redirect: "manual", headers: { cookie: session.cookie } });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t, body };
}

/** Calls a server action as the browser does: the page's path, the Next-Action header, encodeReply([state, formData]). */
export async function callAction(session: Session, pathname: string, actionId: string, state: unknown, fields: Record<string, string>): Promise<Timed> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const body = await rsc.encodeReply([state, form]);
  const t = performance.now();
  const res = await fetch(`${session.base}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: session.cookie, origin: session.base, "next-action": actionId, accept: "text/x-component" },
    body,
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t, body: text };
}

/** The ids of the cases linked from a page ("/dossiers/<id>"). */
export function caseIdsIn(html: string): string[] {
  return [...new Set([...html.matchAll(/\/dossiers\/(c[a-z0-9]{20,30})(?=["?/\\])/g)].map((m) => m[1] as string))];
}
