// A real OpenID Connect provider on localhost for the single-sign-on tests: panva's
// oidc-provider with its development login form (any login name, any password), one client
// for the app, and each login name standing for an identity with a verified email.
import http from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./ports";

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity a login name signs in as: its email and display name. */
  identity(login: string, name: string): void;
  stop(): Promise<void>;
}

export async function startIdp(appUrl: string): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const clientId = "branchpoint";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  const names = new Map<string, string>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    // the login name is the email; the subject is derived from it
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: `sub-${id}`, email: id, email_verified: true, name: names.get(id) ?? id }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["test-cookie-key"] },
  } as never);
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    identity: (login, name) => void names.set(login, name),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies per origin, as a browser keeps them (enough for these flows: no paths, no expiry). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin)?.entries() ?? [])].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(origin, jar);
  }
}

/**
 * A browser's way through an OpenID Connect sign-in, over HTTP: from the app's authorisation
 * URL through the provider's login form (as `login`) and consent, back to the app's callback,
 * following redirects until a page of the app answers. Returns where the browser ends up.
 */
export async function signInAtProvider(jar: CookieJar, authorizationUrl: string, login: string, appUrl: string): Promise<URL> {
  let url = authorizationUrl;
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 30; hop++) {
    const res = await fetch(url, {
      method,
      redirect: "manual",
      headers: { cookie: jar.header(url), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    jar.take(url, res);
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      method = "GET";
      body = undefined;
      continue;
    }
    if (url.startsWith(appUrl) && !new URL(url).pathname.startsWith("/api/auth/")) return new URL(url);
    // a provider page: the login form or the consent form
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on ${url} (${res.status}): ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? "";
    url = new URL(action.replace(/&amp;/g, "&"), url).toString();
    method = "POST";
    body = prompt === "login" ? new URLSearchParams({ prompt, login, password: "any password" }).toString() : new URLSearchParams({ prompt }).toString();
  }
  throw new Error("the sign-in did not come back to the app");
}
