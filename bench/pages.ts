// Page weight and first paint, measured in Chromium against the production build: for the
// demo scenario's overview, matrix and history, a cold load (empty cache) — the JavaScript
// transferred (compressed, as the wire carried it) and the Largest Contentful Paint — next to
// the targets. Localhost, 2 cores shared with the server: compare pages, and runs.
import { chromium } from "playwright-core";
import { ensureBuild } from "../tests/support/build";
import { CHROMIUM } from "../tests/support/chromium";
import { ApiClient } from "../tests/support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../tests/support/accounts";
import { startServer } from "../tests/support/server";

const PAGES = [
  { name: "overview", path: (id: string) => `/scenarios/${id}`, jsKb: 150, lcpMs: 1000 },
  { name: "matrix", path: (id: string) => `/scenarios/${id}/matrix`, jsKb: 150, lcpMs: 1000 },
  { name: "history", path: (id: string) => `/scenarios/${id}/history`, jsKb: 200, lcpMs: 1000 },
  { name: "evidence", path: (id: string) => `/scenarios/${id}/evidence`, jsKb: null, lcpMs: null },
  // the floor: the smallest page served (the root layout and its providers, no page code)
  { name: "404 (floor)", path: () => "/no-such-page", jsKb: null, lcpMs: null },
] as const;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function pageWeights(): Promise<void> {
  ensureBuild();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const anon = new ApiClient(server.url);
    const res = await authPost(anon, "/api/auth/sign-up/email", { email: uniqueEmail("Bench"), password: TEST_PASSWORD, name: "Bench" });
    if (res.status !== 200) throw new Error(`sign-up failed: ${res.status}`);
    const demo = (await anon.post("/api/v1/scenarios/demo")).body;
    const cookies = anon.cookie.split("; ").map((c) => {
      const [name, ...rest] = c.split("=");
      return { name: name!, value: rest.join("="), url: server.url };
    });

    console.log(`\nPages — cold load in Chromium, median of ${RUNS} (JS: compressed bytes of every script; LCP: largest contentful paint)`);
    console.log(`${"page".padEnd(12)}${"JS KB".padStart(8)}${"target".padStart(9)}${"LCP ms".padStart(9)}${"target".padStart(9)}${"requests".padStart(10)}`);
    for (const p of PAGES) {
      const js: number[] = [];
      const lcp: number[] = [];
      let requests = 0;
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB", timezoneId: "UTC" });
        await context.addCookies(cookies);
        await context.addInitScript(() => {
          (window as unknown as { __lcp: number }).__lcp = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
          }).observe({ type: "largest-contentful-paint", buffered: true });
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        const scripts = new Map<string, string>();
        const sizes: [string, number][] = [];
        let bytes = 0;
        let count = 0;
        cdp.on("Network.responseReceived", (e) => {
          if (e.type === "Script") scripts.set(e.requestId, e.response.url);
        });
        cdp.on("Network.loadingFinished", (e) => {
          count++;
          const url = scripts.get(e.requestId);
          if (url === undefined) return;
          bytes += e.encodedDataLength;
          sizes.push([url, e.encodedDataLength]);
        });
        await page.goto(server.url + p.path(demo.id), { waitUntil: "networkidle" });
        // LCP is final once the page has been idle; read it after a frame
        lcp.push(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r((window as unknown as { __lcp: number }).__lcp)))));
        js.push(bytes / 1024);
        // BENCH_SCRIPTS=1: which scripts make up the weight (first run of each page)
        if (process.env.BENCH_SCRIPTS && i === 0) {
          for (const [url, n] of sizes.sort((a, b) => b[1] - a[1])) console.log(`    ${(n / 1024).toFixed(1).padStart(7)} KB  ${new URL(url).pathname}`);
        }
        requests = count;
        await context.close();
      }
      const kb = median(js);
      const ms = median(lcp);
      const mark = (v: number, t: number | null) => (t === null ? "" : v <= t ? " ✓" : " ✗");
      console.log(
        `${p.name.padEnd(12)}${kb.toFixed(0).padStart(8)}${(p.jsKb === null ? "—" : `≤ ${p.jsKb}`).padStart(9)}${mark(kb, p.jsKb).padEnd(2)}${ms.toFixed(0).padStart(7)}${(p.lcpMs === null ? "—" : `≤ ${p.lcpMs}`).padStart(9)}${mark(ms, p.lcpMs).padEnd(2)}${String(requests).padStart(8)}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
