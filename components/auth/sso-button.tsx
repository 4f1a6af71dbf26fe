"use client";
import { useState } from "react";

/**
 * "Sign in with <provider>" (or, on the account page, "Link <provider>"): asks better-auth for
 * the provider's authorisation URL and goes there; the provider sends the browser back to
 * /api/auth/callback/oidc, which lands on `callbackURL`.
 */
export function SsoButton({ name, callbackURL, link = false }: { name: string; callbackURL: string; link?: boolean }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function go() {
    setPending(true);
    setError(null);
    const res = await fetch(link ? "/api/auth/link-social" : "/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        link
          ? { provider: "oidc", callbackURL, errorCallbackURL: `${callbackURL}?error=link` }
          : // a first sign-in made the account: greet the newcomer as a sign-up does
            { provider: "oidc", callbackURL, newUserCallbackURL: "/scenarios?welcome=1", errorCallbackURL: "/sign-in" },
      ),
    });
    const body = (await res.json().catch(() => null)) as { url?: string; message?: string } | null;
    if (res.ok && body?.url) {
      window.location.assign(body.url);
      return;
    }
    setPending(false);
    setError(body?.message ?? `${name} is not answering; try again later.`);
  }
  return (
    <>
      <button type="button" className="btn" style={{ width: link ? undefined : "100%" }} onClick={() => void go()} disabled={pending}>
        {link ? `Link ${name}` : `Sign in with ${name}`}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
