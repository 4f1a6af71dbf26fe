import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { currentViewer } from "@/lib/server/session";
import { safeNext } from "@/lib/client/safe-next";

export const metadata = { title: "Sign in · Branchpoint" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentViewer()) redirect(next);
  return (
    <main className="page">
      <AuthForm mode="sign-in" next={next} />
    </main>
  );
}
