import Link from "next/link";
import { UserMenu } from "./user-menu";

/** The top bar on every signed-in page: brand, breadcrumbs, the right-hand controls. */
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
      {right}
      <UserMenu name={userName} />
    </div>
  );
}
