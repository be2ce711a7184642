// Issue 14: a real TLS reverse proxy in front of the app for the "proxy"
// Playwright journeys. Debian's nginx terminates HTTPS with a throwaway
// self-signed certificate on a free loopback port and forwards to the app
// under the host name `maintien.test` (Chromium resolves it to 127.0.0.1 with
// --host-resolver-rules: no /etc/hosts edit). The site block is the one
// docs/deployment.md gives for production (`nginxSiteBlock`), with only the
// addresses, names and paths changed; lib/server/http tests nothing of it —
// the journeys in tests/e2e/proxy.spec.ts do.
//
//   const proxy = await startNginxProxy({ upstream: "http://127.0.0.1:3000" });
//   … E2E_PROXY_URL=proxy.url …
//   await proxy.stop();

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../net/free-port";

export const PROXY_HOST = "maintien.test";

export function findNginx(): string | null {
  for (const candidate of [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export interface SiteBlockOptions {
  /** The public name (server_name, and what the browser puts in Host and Origin). */
  serverName: string;
  /** `listen` address, e.g. "443" or "127.0.0.1:8443". */
  listen: string;
  /** The app, e.g. "http://127.0.0.1:3000". */
  upstream: string;
  certificate: string;
  certificateKey: string;
}

/**
 * The HTTPS server block, as documented in docs/deployment.md. What matters
 * to the app (docs/decisions/024-reverse-proxy.md):
 * - `Host` and `X-Forwarded-Host` are the browser's own `Host` ($http_host:
 *   with the port when it is not 443), so the app's same-origin checks
 *   (proxy.ts, server actions) compare what the browser sent as `Origin`;
 *   requests for any other name never reach it (the default server below);
 * - `X-Forwarded-Proto https` (HSTS, secure cookies);
 * - `X-Forwarded-For` overwritten with the client's address: with
 *   TRUST_PROXY=1 the sign-in rate limit counts real clients, and a client
 *   cannot choose its own key;
 * - `X-Request-Id` overwritten with nginx's own `$request_id`: with
 *   TRUST_PROXY=1 the app logs under it (lib/server/http/request-id.ts);
 * - no buffering of the import's progress stream (the app also sends
 *   X-Accel-Buffering: no), 22 MB bodies (a 20 MB document, a 10 MB list, in a
 *   form), and 300 s
 *   for the longest import.
 */
export function nginxSiteBlock(o: SiteBlockOptions): string {
  return `server {
    listen ${o.listen} ssl;
    server_name ${o.serverName};

    ssl_certificate     ${o.certificate};
    ssl_certificate_key ${o.certificateKey};
    ssl_protocols       TLSv1.2 TLSv1.3;

    client_max_body_size 22m;

    location / {
        proxy_pass ${o.upstream};
        proxy_http_version 1.1;
        proxy_set_header Host              $http_host;
        proxy_set_header X-Forwarded-Host  $http_host;
        proxy_set_header X-Forwarded-Proto https;
        proxy_set_header X-Forwarded-For   $remote_addr;
        proxy_set_header X-Request-Id      $request_id;
        proxy_set_header Connection        "";
        proxy_read_timeout 300s;
        proxy_send_timeout 300s;
    }
}

# Any other name (a forged Host, the bare IP address): no answer.
server {
    listen ${o.listen} ssl default_server;
    ssl_reject_handshake on;
}`;
}


/** A self-signed certificate for `host`, valid two days. */
export function makeCertificate(dir: string, host: string): { certificate: string; key: string } {
  const certificate = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  const result = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", `/CN=${host}`, "-addext", `subjectAltName=DNS:${host}`],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  fs.chmodSync(key, 0o600);
  return { certificate, key };
}

export interface NginxProxy {
  /** https://maintien.test:<port> */
  url: string;
  port: number;
  host: string;
  /** Chromium flags that send `host` to the loopback address. */
  chromiumArgs: string[];
  accessLog: string;
  errorLog: string;
  stop(): Promise<void>;
}

export async function startNginxProxy(options: { upstream: string; host?: string }): Promise<NginxProxy> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx not found (apt-get install nginx)");
  const host = options.host ?? PROXY_HOST;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maintien-nginx-"));
  const { certificate, key } = makeCertificate(dir, host);
  const port = await freePort();
  const accessLog = path.join(dir, "access.log");
  const errorLog = path.join(dir, "error.log");
  const temp = (name: string) => path.join(dir, name);
  // Run as root (CI), nginx's workers would switch to "nobody": keep them as
  // the current user, who owns the temporary folder.
  const user = process.getuid?.() === 0 ? "user root root;\n" : "";
  const conf = `${user}worker_processes 1;
pid ${temp("nginx.pid")};
error_log ${errorLog} warn;
events { worker_connections 512; }
http {
    access_log ${accessLog};
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};

${nginxSiteBlock({ serverName: host, listen: `127.0.0.1:${port}`, upstream: options.upstream.replace("//localhost", "//127.0.0.1"), certificate, certificateKey: key })
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
}
`;
  const confFile = path.join(dir, "nginx.conf");
  fs.writeFileSync(confFile, conf);
  const check = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", confFile], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);

  const child: ChildProcess = spawn(nginx, ["-p", dir, "-c", confFile, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  // Ready when the port accepts connections.
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not listen on ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url: `https://${host}:${port}`,
    port,
    host,
    chromiumArgs: [`--host-resolver-rules=MAP ${host} 127.0.0.1`],
    accessLog,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT"); // graceful: finishes the requests in flight
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For scripts/test/run-all.ts: the proxy in front of the e2e app, and the
 * environment that enables Playwright's "proxy" project (E2E_PROXY_URL).
 * Without nginx the project is left out and says so.
 */
export async function startE2eProxy(appUrl: string): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  if (!findNginx()) {
    console.log("[run-all] nginx not found: the proxy journeys are skipped (apt-get install nginx)");
    return { env: {}, stop: async () => {} };
  }
  const proxy = await startNginxProxy({ upstream: appUrl });
  console.log(`[run-all] nginx proxy ${proxy.url} → ${appUrl}`);
  return { env: { E2E_PROXY_URL: proxy.url, E2E_PROXY_ACCESS_LOG: proxy.accessLog }, stop: () => proxy.stop() };
}
