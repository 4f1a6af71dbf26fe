// /api/v1/* that matches no endpoint — a problem+json 404 rather than an HTML page
import { problem } from "@/lib/http/problem";

const unknown = async (req: Request) => problem(404, `No API endpoint at ${new URL(req.url).pathname}`);

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
