// POST /api/v1/scenarios/import — a new scenario from an exported document; the caller becomes its sole owner
import { z } from "zod";
import { route, notAllowed, createdAt } from "@/lib/http/route";
import { env } from "@/lib/env";
import { importScenario } from "@/lib/transfer/import";
import { getScenario } from "@/lib/scenarios/service";

export const POST = route(
  async ({ store, actor, body }) => {
    // The service validates the document itself (format version first, then shape and references).
    const { id } = await importScenario(store, actor, await body(z.unknown()));
    // 201 with the new scenario, as every creation answers (README, API overview)
    return createdAt(`/api/v1/scenarios/${encodeURIComponent(id)}`, await getScenario(store, actor, id));
  },
  // the configured import size (BRANCHPOINT_IMPORT_MAX_BYTES, default 10 MB)
  { bodyLimit: () => env().BRANCHPOINT_IMPORT_MAX_BYTES },
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
