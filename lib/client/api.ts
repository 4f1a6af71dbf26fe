// The browser's way to the HTTP API v1: JSON in and out, problem+json turned into an
// ApiError that forms can show next to the field it names.
export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail || title);
    this.name = "ApiError";
  }
  /** The message for one field, if the server named it. */
  forField(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  if (!res.ok) throw await problemOf(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** A failed reply's problem+json as an ApiError (a body that is not JSON still gives one). */
export async function problemOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  let p: { title?: string; detail?: string; errors?: FieldProblem[] } = {};
  try {
    p = text ? JSON.parse(text) : {};
  } catch {
    // a proxy's HTML error page: keep the status line
  }
  return new ApiError(res.status, p.title ?? res.statusText, p.detail ?? "Request failed", p.errors ?? []);
}

export const withAsOf = (path: string, asOf: string | null | undefined) =>
  asOf ? `${path}${path.includes("?") ? "&" : "?"}asOf=${encodeURIComponent(asOf)}` : path;
