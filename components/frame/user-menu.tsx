"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";

export function UserMenu({ name }: { name: string }) {
  const router = useRouter();
  return (
    <div className="row user-menu">
      <Link href="/account" className="user-name" title="Your account and API tokens">
        {name}
      </Link>
      <button
        className="btn btn-small"
        type="button"
        onClick={async () => {
          // a plain request: the auth client library would cost every page 12 KB of JavaScript
          await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
          router.push("/sign-in");
          router.refresh();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
