// Single sign-on: one OpenID Connect provider, configured by OIDC_ISSUER, OIDC_CLIENT_ID and
// OIDC_CLIENT_SECRET (all three or none; lib/env.ts checks), shown as "Sign in with
// <OIDC_NAME>". The provider's callback is <BETTER_AUTH_URL>/api/auth/callback/oidc.
import { env } from "@/lib/env";

export const SSO_PROVIDER = "oidc";

export interface SsoConfig {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function ssoConfig(): SsoConfig | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return { name: e.OIDC_NAME, issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET };
}

/** What the sign-in page and the account page show: the provider's name, or null. */
export const ssoName = (): string | null => ssoConfig()?.name ?? null;

/** The sign-in page's words for a failed SSO callback (?error=<code>). */
export function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  const name = ssoName() ?? "single sign-on";
  if (code === "account_not_linked") {
    return `An account with this email already exists. Sign in with your password, then link ${name} on your account page; after that you can sign in with ${name}.`;
  }
  if (code === "signup_disabled") return `There is no account for this ${name} identity.`;
  if (code === "email_doesn't_match" || code === "email_does_not_match") return `The ${name} identity has another email than this account.`;
  if (code === "account_already_linked_to_different_user") return `This ${name} identity is already linked to another account.`;
  return `Signing in with ${name} did not work (${code.replace(/[^\w -]/g, "")}). Try again, or sign in with your password.`;
}
