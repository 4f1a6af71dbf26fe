import Link from "next/link";
import { AppHeader } from "@/components/frame/app-header";
import { AcceptInvite } from "@/components/members/accept-invite";
import { requireViewer } from "@/lib/server/session";
import { previewInvite } from "@/lib/invites/service";
import { DomainError } from "@/lib/errors";

export const metadata = { title: "Invitation · Branchpoint" };

/** An invitation link: signed in, the holder sees which scenario and role it offers, and joins. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await requireViewer(`/invite/${token}`);
  let preview: Awaited<ReturnType<typeof previewInvite>> | null = null;
  let problem: string | null = null;
  try {
    preview = await previewInvite(viewer.store, viewer.actor, token);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    problem = err.message;
  }
  return (
    <>
      <header className="app-header">
        <AppHeader userName={viewer.user.name} crumbs={[{ href: "/scenarios", label: "Scenarios" }, { label: "Invitation" }]} />
      </header>
      <main className="page narrow">
        <div className="card" style={{ marginTop: "6vh" }}>
          {preview ? (
            <>
              <h1>Join “{preview.scenarioTitle}”</h1>
              <p>
                You are invited as <strong>{preview.role}</strong>. The link works once; accepting it uses it up.
              </p>
              {preview.member ? (
                <p className="notice">You are already a member of this scenario; leave the link for whoever it was meant for.</p>
              ) : (
                <AcceptInvite token={token} />
              )}
            </>
          ) : (
            <>
              <h1>This invitation cannot be used</h1>
              <p role="alert">{problem}</p>
            </>
          )}
          <p>
            <Link href="/scenarios">Back to your scenarios</Link>
          </p>
        </div>
      </main>
    </>
  );
}
