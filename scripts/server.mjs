#!/usr/bin/env node
// The HTTP server in front of Next: the one place that sees the socket. It
//  - names the client's address in a header the app trusts (x-branchpoint-client),
//    overwriting whatever a client sent under that name: the socket's address, or with
//    TRUST_PROXY=n, the address the n-th proxy from here saw (X-Forwarded-For);
//  - sends the security headers on every reply: a Content-Security-Policy with a fresh
//    nonce for Next's scripts on pages (Next reads the nonce from the request's CSP
//    header), frame-ancestors 'none', nosniff, a referrer policy, a permissions policy,
//    and HSTS when the app is served over https.
// Usage: node scripts/server.mjs [--dev]   (PORT, HOST, TRUST_PROXY, BETTER_AUTH_URL)
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "localhost";
const trustProxy = Number(process.env.TRUST_PROXY || 0);
if (!Number.isInteger(trustProxy) || trustProxy < 0) {
  console.error(`TRUST_PROXY must be a whole number of proxy hops (got "${process.env.TRUST_PROXY}")`);
  process.exit(1);
}
const https = (process.env.BETTER_AUTH_URL || "").startsWith("https:");

// lib/security/client.ts reads it under the same name
const CLIENT_HEADER = "x-branchpoint-client";

/** The client's address: the socket's, or with n trusted proxies the n-th hop back. */
function clientAddress(req) {
  const socket = req.socket.remoteAddress || "unknown";
  if (trustProxy === 0) return socket;
  const forwarded = String(req.headers["x-forwarded-for"] || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [socket, ...forwarded.reverse()];
  return chain[Math.min(trustProxy, chain.length - 1)];
}

function pagePolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (bars, chart sizes): attributes cannot carry a nonce
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const app = next({ dev, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[CLIENT_HEADER] = clientAddress(req);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  if (https) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  const url = req.url || "/";
  // /api/docs is a page (the API reference) under the pages' policy; the rest of /api/ is data
  const isDocs = url === "/api/docs" || url.startsWith("/api/docs?") || url.startsWith("/api/docs/");
  if (url.startsWith("/api/") && !isDocs) {
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  } else if (!url.startsWith("/_next/static/")) {
    const csp = pagePolicy(randomBytes(16).toString("base64"));
    req.headers["content-security-policy"] = csp;
    res.setHeader("Content-Security-Policy", csp);
  }
  handle(req, res);
});

// "Branchpoint on …" only once the database is open: the health check waits for the store
// (instrumentation.ts opens it, or stops the process with one line saying why).
server.listen(port, host, async () => {
  const res = await fetch(`http://${host.includes(":") ? `[${host}]` : host}:${port}/api/health`).catch((err) => ({ ok: false, json: async () => ({ detail: err.message }) }));
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    console.error(`Branchpoint cannot start: ${body.detail ?? "the health check failed"}`);
    process.exit(1);
  }
  console.log(`Branchpoint on http://${host}:${port}${dev ? " (development)" : ""}`);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    // requests still open after a few seconds are abandoned
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
