import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { SsoButton } from "@/components/auth/sso-button";
import { currentViewer } from "@/lib/server/session";
import { safeNext } from "@/lib/client/safe-next";
import { ssoErrorMessage, ssoName } from "@/lib/auth/sso";

export const metadata = { title: "Sign in · Branchpoint" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const sp = await searchParams;
  const next = safeNext(sp.next);
  if (await currentViewer()) redirect(next);
  const sso = ssoName();
  const ssoError = ssoErrorMessage(sp.error);
  return (
    <main className="page">
      <AuthForm
        mode="sign-in"
        next={next}
        notice={ssoError}
        alternative={
          sso && (
            <div className="stack" style={{ marginTop: 16 }}>
              <div className="muted small" style={{ textAlign: "center" }}>
                or
              </div>
              <SsoButton name={sso} callbackURL={next} />
            </div>
          )
        }
      />
    </main>
  );
}
