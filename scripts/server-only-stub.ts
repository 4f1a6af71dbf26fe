// The services import "server-only", whose default export throws outside a React server
// bundle. Scripts (the bench, db:copy) run them in plain Node, so they register an empty module in its place
// before anything imports the services (each script imports this first).
import Module from "node:module";

const resolved = require.resolve("server-only");
const stub = new Module(resolved);
stub.filename = resolved;
stub.loaded = true;
stub.exports = {};
require.cache[resolved] = stub;
