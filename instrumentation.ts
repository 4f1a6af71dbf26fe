// Runs once when the server starts: open the store so migrations (and the demo seed on an
// empty database) happen before the first request, not during it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getStore } = await import("@/lib/server/store");
  await getStore();
}
