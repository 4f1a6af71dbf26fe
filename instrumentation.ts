// Runs once when the server starts: check the environment and open the store (migrations,
// the demo template) before the first request, not during it. Anything wrong stops the
// server with one clear line and a non-zero exit, instead of a server that says "Ready"
// and then fails every request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { env } = await import("@/lib/env");
    env();
    const { getStore } = await import("@/lib/server/store");
    await getStore();
  } catch (err) {
    console.error(`Branchpoint cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
