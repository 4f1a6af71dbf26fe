"use client";
import type { UseInfiniteQueryResult, UseQueryResult } from "@tanstack/react-query";

/**
 * Loading and error states for every query, so no view is ever blank or silently stale. A
 * failed refresh (or a further page that failed) keeps what was shown, with the failure
 * said above it: the reader may be in the middle of it.
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  what: string;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) {
    return (
      <div className="notice" role="status" aria-live="polite">
        Loading {what}…
      </div>
    );
  }
  if (query.isError && query.data !== undefined) {
    return (
      <>
        <div className="error-box" role="alert">
          Could not bring {what} up to date: {query.error.message}{" "}
          <button className="btn btn-small" onClick={() => query.refetch()}>
            Try again
          </button>
        </div>
        {children(query.data)}
      </>
    );
  }
  if (query.isError) {
    return (
      <div className="error-box" role="alert">
        Could not load {what}: {query.error.message}{" "}
        <button className="btn btn-small" onClick={() => query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
