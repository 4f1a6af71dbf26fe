// Only same-site paths are followed after sign-in, never an outside URL.
export function safeNext(next: string | undefined, fallback = "/scenarios"): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}
