import Link from "next/link";

export const metadata = { title: "Not found · Branchpoint" };

/** Unknown pages, and scenarios the viewer is not a member of (they look the same, on purpose). */
export default function NotFound() {
  return (
    <main className="page narrow">
      <div className="card" style={{ marginTop: "10vh" }}>
        <h1>Nothing here</h1>
        <p>
          This page does not exist, or it belongs to a scenario you are not a member of. If a colleague sent you the link, ask
          them to add you to the scenario.
        </p>
        <div className="row">
          <Link className="btn btn-primary" href="/scenarios">
            Back to your scenarios
          </Link>
        </div>
      </div>
    </main>
  );
}
