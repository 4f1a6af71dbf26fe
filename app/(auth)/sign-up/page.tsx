import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { currentViewer } from "@/lib/server/session";
import { safeNext } from "@/lib/client/safe-next";

export const metadata = { title: "Create an account · Branchpoint" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next, "/scenarios?welcome=1");
  if (await currentViewer()) redirect(next);
  return (
    <main className="page">
      <AuthForm mode="sign-up" next={next} />
    </main>
  );
}
