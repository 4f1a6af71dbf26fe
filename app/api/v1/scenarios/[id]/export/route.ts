// GET /api/v1/scenarios/{id}/export — the whole scenario as a lossless, versioned JSON document (download)
import { route, notAllowed } from "@/lib/http/route";
import { exportScenario } from "@/lib/transfer/export";
import { titleFileName } from "@/lib/http/file-name";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => {
  const doc = await exportScenario(store, actor, params.id);
  return new Response(JSON.stringify(doc), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${titleFileName(doc.scenario.title, "branchpoint.json")}"`,
      "cache-control": "no-store",
    },
  });
});

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
