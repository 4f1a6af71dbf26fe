import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { AppHeader } from "@/components/frame/app-header";
import { ApiTokens } from "@/components/account/api-tokens";
import { LinkedAccounts } from "@/components/account/linked-accounts";
import { ssoName } from "@/lib/auth/sso";
import { requireViewer } from "@/lib/server/session";
import { listTokens } from "@/lib/tokens/service";
import { tokensQuery } from "@/lib/client/queries";

export const metadata = { title: "Account · Branchpoint" };

/** The signed-in person's account: who they are, and the API tokens their scripts use. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const viewer = await requireViewer("/account");
  const sso = ssoName();
  const linkError = (await searchParams).error !== undefined;
  const qc = new QueryClient();
  qc.setQueryData(tokensQuery().queryKey, { items: await listTokens(viewer.store, viewer.actor) });
  return (
    <>
      <header className="app-header">
        <AppHeader userName={viewer.user.name} crumbs={[{ href: "/scenarios", label: "Scenarios" }, { label: "Account" }]} />
      </header>
      <main className="page stack" style={{ maxWidth: 880 }}>
        <h1>Account</h1>
        <section className="card" aria-labelledby="who">
          <h2 id="who">You</h2>
          <p style={{ margin: 0 }}>
            {viewer.user.name} · <span className="muted">{viewer.user.email}</span>
          </p>
        </section>
        <HydrationBoundary state={dehydrate(qc)}>
          {sso && <LinkedAccounts ssoName={sso} linkError={linkError} />}
          <ApiTokens />
        </HydrationBoundary>
      </main>
    </>
  );
}
