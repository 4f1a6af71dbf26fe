// npm run bench — builds a large scenario in a temporary SQLite file and times the services
// behind the matrix, scores and diff endpoints next to the bare SQL reads they need; then
// measures whether the largest allowed import stalls other users.
// `npm run bench -- analysis` or `npm run bench -- import` runs one part.
import "./server-only-stub";
import { main } from "./main";
import { importStall } from "./import-stall";

const parts = process.argv.slice(2);
const wants = (part: string) => parts.length === 0 || parts.includes(part);

(async () => {
  if (wants("analysis")) await main();
  if (wants("import")) await importStall();
})().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
