// Cross-site request forgery: a browser attaches the session cookie to requests any page
// sends, including pages on another port or a sibling subdomain (SameSite=Lax does not
// stop those). So a state-changing request must come from the app's own origin, said by
// the Origin header or, without it, by Sec-Fetch-Site; and a body must be JSON, which a
// cross-site form or a no-CORS fetch cannot send. Token clients send no cookies and are
// not asked (a page cannot make a browser add an Authorization header cross-site): the
// route wrapper calls this only for requests without a bearer token.
import { appOrigin } from "@/lib/env";
import { DomainError, forbidden } from "@/lib/errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function requireSameOrigin(req: Request): void {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (origin !== appOrigin()) throw forbidden("Requests that change data must come from this app's own pages (the Origin is foreign)");
    return;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw forbidden("Requests that change data must come from this app's own pages (Sec-Fetch-Site says otherwise)");
  }
}

const hasBody = (req: Request) => Number(req.headers.get("content-length") ?? "0") > 0 || req.headers.has("transfer-encoding");

/** A state-changing request with a body must say it is JSON. */
export function requireJsonBody(req: Request): void {
  if (SAFE.has(req.method) || !hasBody(req)) return;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new DomainError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)", [
      { path: "(content-type)", message: `must be application/json, not ${type || "absent"}` },
    ]);
  }
}

/** How deep a JSON value nests, without recursion (a hostile body may nest thousands deep). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    deepest = Math.max(deepest, d);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}
