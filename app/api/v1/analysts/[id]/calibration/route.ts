// GET /api/v1/analysts/{id}/calibration — forecast vs observed in 10 % buckets, over scenarios the caller shares
import { route, json, notAllowed } from "@/lib/http/route";
import { getCalibration } from "@/lib/analysis/calibration";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json(await getCalibration(store, actor, params.id)));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
