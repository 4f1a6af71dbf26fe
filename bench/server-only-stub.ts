// The services import "server-only", whose default export throws outside a React server
// bundle. The bench runs them in plain Node, so it registers an empty module in its place
// before anything imports the services (run.ts imports this first).
import Module from "node:module";

const resolved = require.resolve("server-only");
const stub = new Module(resolved);
stub.filename = resolved;
stub.loaded = true;
stub.exports = {};
require.cache[resolved] = stub;
