"use client";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/client/auth-client";

export function UserMenu({ name }: { name: string }) {
  const router = useRouter();
  return (
    <div className="row">
      <span className="muted" title="Signed in">
        {name}
      </span>
      <button
        className="btn btn-small"
        type="button"
        onClick={async () => {
          await authClient.signOut();
          router.push("/sign-in");
          router.refresh();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
