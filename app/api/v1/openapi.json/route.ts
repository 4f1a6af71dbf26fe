// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (lib/openapi), public: it
// describes the API and holds no data. Built on the first request, then kept in memory.
import { notAllowed } from "@/lib/http/route";
import { problemFromError } from "@/lib/http/problem";
import { openApiJson } from "@/lib/openapi/document";

export async function GET(): Promise<Response> {
  try {
    return new Response(openApiJson(), {
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
    });
  } catch (err) {
    return problemFromError(err);
  }
}

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
