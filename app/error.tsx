"use client";
import Link from "next/link";

/** Anything a page failed at: say so plainly, offer a retry and a way back. Nothing was changed. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page narrow">
      <div className="card" style={{ marginTop: "10vh" }} role="alert">
        <h1>Something went wrong</h1>
        <p>This page could not be shown. Nothing you entered was changed by this error. Try again, or go back to your scenarios.</p>
        <div className="row">
          <button className="btn btn-primary" onClick={reset}>
            Try again
          </button>
          <Link className="btn" href="/scenarios">
            Your scenarios
          </Link>
        </div>
      </div>
    </main>
  );
}
