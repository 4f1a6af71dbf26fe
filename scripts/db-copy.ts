// npm run db:copy -- --from <url> --to <url>
// Copies a whole Branchpoint instance between databases (SQLite ⇄ PostgreSQL) in one
// transaction on the target, then verifies it (lib/transfer/copy.ts). Exits non-zero on any
// mismatch.
import "./server-only-stub";
import { openStore, redactUrl } from "@/db/client";
import { copyAndVerify } from "@/lib/transfer/copy";

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value || value.startsWith("--")) {
    console.error("usage: npm run db:copy -- --from <database URL> --to <database URL>");
    console.error("  e.g. --from file:./data/branchpoint.db --to postgres://user:password@host:5432/branchpoint");
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const [from, to] = [arg("from"), arg("to")];
  const source = await openStore(from);
  const target = await openStore(to);
  try {
    const t = performance.now();
    console.log(`Copying ${redactUrl(from)} → ${redactUrl(to)}`);
    const report = await copyAndVerify(source, target, (line) => console.log(`  ${line}`));
    const seconds = ((performance.now() - t) / 1000).toFixed(1);
    if (report.problems.length > 0) {
      for (const p of report.problems) console.error(`  ${p}`);
      console.error("The copy does not match its source (the target keeps it: inspect it, then drop it).");
      process.exitCode = 1;
      return;
    }
    const rows = Object.values(report.counts).reduce((a, b) => a + b, 0);
    console.log(`Copied and verified in ${seconds} s: ${rows} rows match table by table, and ${report.scenarios} scenario exports are identical.`);
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((err) => {
  console.error(`db:copy failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
