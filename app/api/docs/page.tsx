// /api/docs: the API reference, rendered in the browser
// from the OpenAPI document at /api/v1/openapi.json by Scalar, bundled with the app (no CDN).
import type { Metadata } from "next";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = {
  title: "API reference · Branchpoint",
  description: "The Branchpoint JSON API: every endpoint, its parameters, bodies, replies and errors.",
};

export default function ApiDocsPage() {
  return (
    <main className="api-reference">
      <ApiReference />
    </main>
  );
}
