"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/client/auth-client";

/** Sign-in and sign-up share one form: name is asked only on sign-up. */
export function AuthForm({
  mode,
  next,
  notice = null,
  alternative = null,
}: {
  mode: "sign-in" | "sign-up";
  next: string;
  /** A message from an earlier attempt (a refused single sign-on). */
  notice?: string | null;
  /** Another way in, under the form (single sign-on). */
  alternative?: React.ReactNode;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; field: "name" | "password" | null } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const result =
      mode === "sign-up"
        ? await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim() || email.split("@")[0]! })
        : await authClient.signIn.email({ email, password });
    setPending(false);
    if (result.error) {
      const code = (result.error as { code?: string }).code;
      const field = code === "PASSWORD_TOO_WEAK" ? "password" : code === "INVALID_NAME" ? "name" : null;
      setError({ message: result.error.message ?? (mode === "sign-up" ? "Could not create the account" : "Wrong email or password"), field });
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <div className="auth-card card">
      <h1>{mode === "sign-up" ? "Create your Branchpoint account" : "Sign in to Branchpoint"}</h1>
      <p className="muted">
        {mode === "sign-up"
          ? "Track competing hypotheses, the evidence for them, and how your confidence changes."
          : "Welcome back."}
      </p>
      {notice && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          {notice}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate={false}>
        {mode === "sign-up" && (
          <div className="field">
            <label htmlFor="name">Name</label>
            <input id="name" name="name" type="text" autoComplete="name" required aria-invalid={error?.field === "name"} aria-describedby="name-error" />
            {error?.field === "name" && (
              <span id="name-error" className="field-error" role="alert">
                {error.message}
              </span>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            required
            minLength={8}
            aria-invalid={error?.field === "password"}
            aria-describedby="password-hint password-error"
          />
          {mode === "sign-up" && (
            <span id="password-hint" className="hint">
              At least 8 characters, hard to guess: a few unrelated words work well.
            </span>
          )}
          {error?.field === "password" && (
            <span id="password-error" className="field-error" role="alert">
              {error.message}
            </span>
          )}
        </div>
        {error && !error.field && (
          <p role="alert" className="error-box">
            {error.message}
          </p>
        )}
        <div className="spread">
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {pending ? "Please wait…" : mode === "sign-up" ? "Create account" : "Sign in"}
          </button>
          {mode === "sign-up" ? (
            <span className="muted">
              Have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`} style={{ textDecoration: "underline" }}>Sign in</Link>
            </span>
          ) : (
            <span className="muted">
              New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`} style={{ textDecoration: "underline" }}>Create an account</Link>
            </span>
          )}
        </div>
      </form>
      {alternative}
    </div>
  );
}
