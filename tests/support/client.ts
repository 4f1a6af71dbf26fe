// An HTTP client that behaves like a signed-in browser: keeps the session cookie and
// sends an Origin header (better-auth rejects foreign origins).

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class ApiClient {
  cookie = "";
  constructor(
    readonly baseUrl: string,
    readonly user: { id: string; email: string; name: string } | null = null,
    /** The Origin browsers send: the app's public URL (several instances share one). */
    readonly origin: string = baseUrl,
  ) {}

  /** The same person (same session cookie) talking to another instance behind the same public URL. */
  on(baseUrl: string): ApiClient {
    const other = new ApiClient(baseUrl, this.user, this.origin);
    other.cookie = this.cookie;
    return other;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    };
    const res = await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.getSetCookie?.() ?? [];
    if (setCookie.length > 0) {
      const jar = new Map(this.cookie.split("; ").filter(Boolean).map((c) => [c.split("=")[0]!, c] as const));
      for (const c of setCookie) {
        const pair = c.split(";")[0]!;
        jar.set(pair.split("=")[0]!, pair);
      }
      this.cookie = [...jar.values()].join("; ");
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>("PUT", path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }
}
