// Where to go after signing in: only a path on this same site, never an outside URL. The
// value comes from the query string, so anything odd is refused rather than repaired:
// backslashes and control characters (browsers read "/\\evil" and "/<tab>/evil" as
// "//evil", another host), encoded ones too, and anything whose resolved origin differs.
const BASE = "https://branchpoint.invalid";
// control characters, DEL and backslashes, raw or percent-encoded
const ODD = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|5c)/i;

export function safeNext(next: string | null | undefined, fallback = "/scenarios"): string {
  if (!next || ODD.test(next) || !next.startsWith("/") || next.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
