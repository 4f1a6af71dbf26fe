"use client";
// Scalar touches window as it loads, and is large: load it in the browser only, on this page only.
import dynamic from "next/dynamic";

export const ApiReference = dynamic(() => import("./scalar").then((m) => m.Scalar), {
  ssr: false,
  loading: () => <p style={{ padding: "2rem" }}>Loading the API reference…</p>,
});
