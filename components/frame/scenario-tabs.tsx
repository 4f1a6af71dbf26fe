"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  { path: "", label: "Overview" },
  { path: "/evidence", label: "Evidence" },
  { path: "/sources", label: "Sources" },
  { path: "/matrix", label: "Matrix" },
  { path: "/history", label: "History" },
  { path: "/scores", label: "Scores" },
  { path: "/members", label: "Members" },
];

/** The scenario's tabs; the as-of moment travels with every link. */
export function ScenarioTabs({ scenarioId }: { scenarioId: string }) {
  const pathname = usePathname();
  const asOf = useSearchParams().get("asOf");
  const base = `/scenarios/${scenarioId}`;
  return (
    <nav aria-label="Scenario" className="tabs">
      {TABS.map((t) => {
        const href = base + t.path;
        const active = t.path === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link key={t.path} href={asOf ? `${href}?asOf=${encodeURIComponent(asOf)}` : href} aria-current={active ? "page" : undefined}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
