// Who is asking, for the limits: the client's address as scripts/server.mjs determined it
// from the socket (or, with TRUST_PROXY, from the trusted hops of X-Forwarded-For). The
// server overwrites this header on every request, so a client cannot choose its value.
export const CLIENT_HEADER = "x-branchpoint-client";

export const clientAddress = (headers: Headers): string => headers.get(CLIENT_HEADER) ?? "unknown";
