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
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const p = (data ?? {}) as { title?: string; detail?: string; errors?: FieldProblem[] };
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? "Request failed", p.errors ?? []);
  }
  return data as T;
}

export const withAsOf = (path: string, asOf: string | null | undefined) =>
  asOf ? `${path}${path.includes("?") ? "&" : "?"}asOf=${encodeURIComponent(asOf)}` : path;
