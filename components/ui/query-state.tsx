"use client";
import type { UseInfiniteQueryResult, UseQueryResult } from "@tanstack/react-query";

/** Loading and error states for every query, so no view is ever blank or silently stale. */
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
