"use client";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The header's right-hand controls (as-of, export, the user menu). On a wide screen they sit
 * inline and the Menu button is hidden (CSS); on a phone they fold behind the Menu button and
 * open as a panel under the header. Escape, a click elsewhere, using one of its controls or a
 * new page closes it.
 */
export function HeaderActions({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // A new page (a tab, a breadcrumb) closes the menu.
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && pathname !== openedAt) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const focusInside = box.current?.contains(document.activeElement);
      setOpen(false);
      if (focusInside) button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div className="header-actions" ref={box} data-open={open ? "" : undefined}>
      <button
        ref={button}
        type="button"
        className="btn btn-small header-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M2 3.5h10M2 7h10M2 10.5h10" />
        </svg>
        Menu
      </button>
      <div
        id={id}
        className="header-actions-panel"
        // Go, Now, Export, Sign out: done with the menu (a click on a field keeps it open)
        onClick={(e) => (e.target as Element).closest("button, a") && setOpen(false)}
        onSubmit={() => setOpen(false)}
      >
        {children}
      </div>
    </div>
  );
}
