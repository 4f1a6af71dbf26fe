import Link from "next/link";
import { UserMenu } from "./user-menu";
import { HeaderActions } from "./header-actions";

/**
 * The top bar on every signed-in page: brand, breadcrumbs, the right-hand controls (inline on a
 * wide screen, behind a Menu button on a phone).
 */
export function AppHeader({
  userName,
  crumbs = [],
  right,
}: {
  userName: string;
  crumbs?: { href?: string; label: string }[];
  right?: React.ReactNode;
}) {
  return (
    <div className="app-header-inner">
      <Link href="/scenarios" className="brand">
        Branchpoint
      </Link>
      <nav aria-label="Breadcrumb" className="crumbs grow">
        {crumbs.map((c, i) => (
          <span key={i} className="row">
            <span aria-hidden="true">/</span>
            {c.href ? (
              <Link href={c.href}>{c.label}</Link>
            ) : (
              <span className="current" aria-current="page" title={c.label}>
                {c.label}
              </span>
            )}
          </span>
        ))}
      </nav>
      <HeaderActions>
        {right}
        <UserMenu name={userName} />
      </HeaderActions>
    </div>
  );
}
