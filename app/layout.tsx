import type { Metadata } from "next";
import { cookies } from "next/headers";
import "./globals.css";
import { Providers } from "./providers";
import { validTimeZone } from "@/lib/client/format";

export const metadata: Metadata = {
  title: "Branchpoint",
  description: "Track competing hypotheses, the evidence for them, and how your confidence changes.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The viewer's time zone, as their browser last reported it (lib/client/time.tsx).
  const timeZone = validTimeZone((await cookies()).get("tz")?.value);
  return (
    <html lang="en">
      <body>
        {/* A server component renders once per request: "now" is the moment of this render, which the
            browser's first render must repeat exactly (lib/client/time.tsx). */}
        {/* eslint-disable-next-line react-hooks/purity */}
        <Providers timeZone={timeZone} now={Date.now()}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
