import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Branchpoint",
  description: "Track competing hypotheses, the evidence for them, and how your confidence changes.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
