// Server components call services through here: a domain 404 becomes Next's not-found
// page, anything else propagates to the error boundary.
import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { isoQueryDate } from "@/lib/validation/common";

export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof DomainError && (err.code === "not_found" || err.code === "unprocessable" || err.code === "invalid")) notFound();
    throw err;
  }
}

/** `?asOf=` from a page's search params, only if it is an ISO-8601 timestamp (as the API reads it). */
export function asOfParam(raw: string | string[] | undefined): string | null {
  const parsed = isoQueryDate.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data.toISOString() : null;
}
