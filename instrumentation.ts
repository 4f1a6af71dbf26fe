// Next calls register() once per runtime as the server starts. The startup checks are
// Node.js code (lib/server/startup.ts), imported only there: this file is compiled for the
// Edge runtime too, which has no process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareServer } = await import("@/lib/server/startup");
  await prepareServer();
}
