// npm run bench — every part below, in this order; `npm run bench -- <part>` runs one.
//   analysis  on SQLite and on PostgreSQL, builds a large scenario and times the services
//             behind the matrix, scores and diff endpoints beside the bare SQL they need;
//   writes    HTTP estimate writes on one and on two instances of one PostgreSQL database;
//   import    whether the largest allowed import stalls other users;
//   hot       the hot paths over HTTP (reading a scenario, recording an estimate) beside
//             the cheapest /api/v1 reply, on both engines;
//   paging    whether a page of a long estimate history costs more than one of a short one;
//   pages     loads the heaviest pages in Chromium for their weight and first paint.
import "../scripts/server-only-stub";
import { main } from "./main";
import { importStall } from "./import-stall";
import { writeThroughput } from "./writes";
import { pageWeights } from "./pages";
import { hotPaths } from "./hot";
import { pagingCost } from "./paging";

const parts = process.argv.slice(2);
const wants = (part: string) => parts.length === 0 || parts.includes(part);

(async () => {
  if (wants("analysis")) await main();
  if (wants("writes")) await writeThroughput();
  if (wants("import")) await importStall();
  if (wants("hot")) await hotPaths();
  if (wants("paging")) await pagingCost();
  if (wants("pages")) await pageWeights();
})().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
