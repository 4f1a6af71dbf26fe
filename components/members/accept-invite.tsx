"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api, type ApiError } from "@/lib/client/api";

export function AcceptInvite({ token }: { token: string }) {
  const router = useRouter();
  const accept = useMutation<{ scenarioId: string }, ApiError, void>({
    mutationFn: () => api(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { method: "POST", body: {} }),
    onSuccess: ({ scenarioId }) => router.push(`/scenarios/${scenarioId}`),
  });
  return (
    <>
      <button className="btn btn-primary" onClick={() => accept.mutate()} disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : "Accept and open the scenario"}
      </button>
      {accept.error && <p className="error-box" role="alert">{accept.error.message}</p>}
    </>
  );
}
