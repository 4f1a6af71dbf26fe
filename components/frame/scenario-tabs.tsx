"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

const TABS = [
  { path: "", label: "Overview" },
  { path: "/evidence", label: "Evidence" },
  { path: "/sources", label: "Sources" },
  { path: "/matrix", label: "Matrix" },
  { path: "/watch", label: "Watch list" },
  { path: "/history", label: "History" },
  { path: "/scores", label: "Scores" },
  { path: "/brief", label: "Brief" },
  { path: "/members", label: "Members" },
];

/**
 * The scenario's tabs; the as-of moment travels with every link. On a narrow screen the strip
 * scrolls sideways inside itself, with the current tab brought into view.
 */
export function ScenarioTabs({ scenarioId }: { scenarioId: string }) {
  const pathname = usePathname();
  const asOf = useSearchParams().get("asOf");
  const base = `/scenarios/${scenarioId}`;
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = strip.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
    // only the strip scrolls, never the page
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav aria-label="Scenario" className="tabs" ref={strip}>
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
