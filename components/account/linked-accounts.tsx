"use client";
import { useQuery } from "@tanstack/react-query";
import { SsoButton } from "@/components/auth/sso-button";

/** Whether this account can sign in with the configured provider, and a way to link it. */
export function LinkedAccounts({ ssoName, linkError }: { ssoName: string; linkError: boolean }) {
  const accounts = useQuery({
    queryKey: ["linked-accounts"],
    queryFn: async () => {
      const res = await fetch("/api/auth/list-accounts");
      if (!res.ok) throw new Error(`${res.status}`);
      return (await res.json()) as { providerId: string }[];
    },
  });
  const linked = accounts.data?.some((a) => a.providerId === "oidc") ?? false;
  return (
    <section className="card" aria-labelledby="sso-heading">
      <h2 id="sso-heading">Single sign-on</h2>
      {linkError && (
        <div className="error-box" role="alert">
          Linking {ssoName} did not work: the identity must have the same email as this account and must not be linked to another account.
        </div>
      )}
      {accounts.isPending ? (
        <p className="muted">Checking…</p>
      ) : linked ? (
        <p data-testid="sso-linked">You can sign in with {ssoName}.</p>
      ) : (
        <div className="stack">
          <p className="muted" style={{ margin: 0 }}>
            Link your {ssoName} identity (with this account&apos;s email) to sign in with it from now on. A {ssoName} sign-in is never joined to an
            account behind its back: it has to be linked here, while you are signed in.
          </p>
          <div>
            <SsoButton name={ssoName} callbackURL="/account" link />
          </div>
        </div>
      )}
    </section>
  );
}
