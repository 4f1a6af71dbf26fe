// Run once when the Node.js server starts (instrumentation.ts): check the environment and
// open the store (migrations, the demo template) before the first request, not during it.
// Anything wrong stops the server with one clear line and a non-zero exit, instead of a
// server that says "Ready" and then fails every request.
import { env } from "@/lib/env";
import { getStore } from "./store";

export async function prepareServer(): Promise<void> {
  try {
    env();
    await getStore();
  } catch (err) {
    console.error(`Branchpoint cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
