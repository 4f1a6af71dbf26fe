// Domain errors carry a literal code; lib/http/problem.ts is the one map from code to status.
export type ErrorCode =
  | "unauthenticated" // 401
  | "forbidden" // 403: a member whose role does not allow the action
  | "not_found" // 404: unknown id, or inside a scenario the actor is not a member of
  | "conflict" // 409: stale version, duplicate
  | "invalid" // 400: malformed request
  | "unprocessable" // 422: well-formed input that breaks a rule
  | "too_large" // 413
  | "unsupported_media_type" // 415
  | "too_many_requests"; // 429: carries retryAfter (seconds)

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** Extra facts for the HTTP reply (Retry-After). */
    readonly meta: { retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const staleVersion = (what: string, current: number) =>
  new DomainError("conflict", `${what} was changed by someone else (now at version ${current}); reload and try again`, [
    { path: "version", message: `stale version; current is ${current}` },
  ]);
export const unprocessable = (message: string, errors: FieldError[] = []) =>
  new DomainError("unprocessable", message, errors);
