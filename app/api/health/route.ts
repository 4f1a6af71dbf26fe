// GET /api/health — for load balancers and the server's own start-up check: 200 once this
// instance has its database open (migrated, reachable), 503 with the reason otherwise.
// Unauthenticated, and it says nothing about the data.
import { getStore } from "@/lib/server/store";
import { problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const store = await getStore();
    await store.db.select({ id: store.schema.scenarios.id }).from(store.schema.scenarios).limit(1);
    return new Response(JSON.stringify({ status: "ok", database: store.dialect }), {
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  } catch (err) {
    return problem(503, err instanceof Error ? err.message : String(err));
  }
}
