"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/client/query-client";
import { TimeProvider } from "@/lib/client/time";

export function Providers({ timeZone, now, children }: { timeZone: string; now: number; children: React.ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <TimeProvider timeZone={timeZone} now={now}>
        {children}
      </TimeProvider>
    </QueryClientProvider>
  );
}
