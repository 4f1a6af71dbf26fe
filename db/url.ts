// What a DATABASE_URL says: which engine, and how to print it without its password.

/** Which engine a DATABASE_URL names, or null when it names none. */
export function engineOf(url: string): "sqlite" | "postgres" | null {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:") || url === ":memory:") return "sqlite";
  // a bare path (no scheme) is a SQLite file; "mysql://…", "postgres:/x" and the like are not
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? null : "sqlite";
}

/** A URL fit for messages: no password. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]+):[^@/]*@/i, "$1:***@");
}
