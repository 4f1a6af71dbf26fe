// npm run bench — builds a large scenario in a temporary SQLite file and times the services
// behind the matrix, scores and diff endpoints next to the bare SQL reads they need.
import "./server-only-stub";
import { main } from "./main";

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
