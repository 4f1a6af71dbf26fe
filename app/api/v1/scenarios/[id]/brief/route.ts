// GET /api/v1/scenarios/{id}/brief?format=markdown[&asOf=&since=&method=] — the scenario's brief as Markdown
import { route, notAllowed } from "@/lib/http/route";
import { getBrief } from "@/lib/brief/service";
import { briefQuery } from "@/lib/brief/schema";
import { briefMarkdown } from "@/lib/brief/markdown";
import { titleFileName } from "@/lib/http/file-name";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) => {
  // one format so far: Markdown (the page at /scenarios/{id}/brief prints to PDF)
  const brief = await getBrief(store, actor, params.id, query(briefQuery));
  return new Response(briefMarkdown(brief), {
    status: 200,
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `inline; filename="${titleFileName(brief.title, "brief.md")}"`,
      "cache-control": "no-store",
    },
  });
});

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
