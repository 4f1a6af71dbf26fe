// application/problem+json (RFC 9457): the only place a domain error becomes an HTTP status.
import { ZodError } from "zod";
import { DomainError, type ErrorCode, type FieldError } from "@/lib/errors";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
};

const TITLE: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export function problem(status: number, detail: string, errors?: FieldError[]): Response {
  const body: Record<string, unknown> = { type: "about:blank", status, title: TITLE[status] ?? "Error", detail };
  if (errors && errors.length > 0) body.errors = errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}

export function zodFieldErrors(err: ZodError): FieldError[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

// Type errors and missing fields are malformed requests (400); values that are the right
// type but break a rule (too long, out of range, bad format) are 422.
const MALFORMED = new Set(["invalid_type", "unrecognized_keys", "invalid_union"]);

export function problemFromError(err: unknown): Response {
  if (err instanceof DomainError) {
    const res = problem(STATUS[err.code], err.message, err.errors);
    if (err.meta.retryAfter !== undefined) res.headers.set("retry-after", String(err.meta.retryAfter));
    return res;
  }
  if (err instanceof ZodError) {
    const errors = zodFieldErrors(err);
    const status = err.issues.some((i) => MALFORMED.has(i.code)) ? 400 : 422;
    const first = errors[0];
    return problem(status, first ? `${first.path}: ${first.message}` : "Invalid input", errors);
  }
  console.error("Unhandled error", err);
  return problem(500, "Something went wrong on our side. The request changed nothing.");
}
