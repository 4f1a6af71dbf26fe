"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type ApiError } from "@/lib/client/api";

/**
 * A write against the API that refreshes everything scenario-shaped afterwards: the
 * tree, activity, evidence and matrix all derive from the same history.
 */
export function useScenarioMutation<TBody, TResult = unknown>(path: string, method: "POST" | "PATCH" | "PUT" | "DELETE") {
  const qc = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (body) => api<TResult>(path, { method, body }),
    onSuccess: () => qc.invalidateQueries(),
  });
}
