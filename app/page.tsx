import Link from "next/link";
import { redirect } from "next/navigation";
import { currentViewer } from "@/lib/server/session";

export default async function Home() {
  if (await currentViewer()) redirect("/scenarios");
  return (
    <main className="page narrow">
      <div className="card" style={{ marginTop: "10vh" }}>
        <h1>Branchpoint</h1>
        <p>
          Keep competing hypotheses open, attach graded evidence, record how confident you are, and review how and
          why that confidence changed — ACH matrices, forecast tracking with scoring, and branching scenario trees in
          one place.
        </p>
        <p className="muted">
          A demo case is ready: the ISIS-K attack on the Russian Embassy in Kabul (5 September 2022), with its
          questions, evidence from two articles, and two analysts&apos; estimates over time.
        </p>
        <div className="row">
          <Link className="btn btn-primary" href="/sign-up">
            Create an account
          </Link>
          <Link className="btn" href="/sign-in">
            Sign in
          </Link>
        </div>
      </div>
    </main>
  );
}
