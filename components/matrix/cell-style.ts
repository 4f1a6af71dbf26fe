// ACH cell colours: a diverging blue–red scale (colour-blind safe), always with the label too.
import type { Consistency } from "@/lib/math/ach";

export const CELL_STYLE: Record<Consistency, { background: string; color: string; label: string }> = {
  CC: { background: "#2166ac", color: "#ffffff", label: "very consistent" },
  C: { background: "#a6cfe6", color: "#0b2740", label: "consistent" },
  N: { background: "#f2f3f5", color: "#3a4150", label: "neutral" },
  I: { background: "#f6b89c", color: "#4a1606", label: "inconsistent" },
  II: { background: "#b2182b", color: "#ffffff", label: "very inconsistent" },
  NA: { background: "repeating-linear-gradient(45deg,#f7f7f9,#f7f7f9 4px,#e3e5ea 4px,#e3e5ea 8px)", color: "#5a6376", label: "not applicable" },
};

/** Keyboard: C, Shift+C for CC, N, I, Shift+I for II, A for NA. */
export function ratingForKey(e: { key: string; shiftKey: boolean }): Consistency | null {
  const k = e.key.toLowerCase();
  if (k === "c") return e.shiftKey ? "CC" : "C";
  if (k === "i") return e.shiftKey ? "II" : "I";
  if (k === "n") return "N";
  if (k === "a") return "NA";
  return null;
}
