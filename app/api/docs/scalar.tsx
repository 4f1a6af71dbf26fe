"use client";
// Scalar's React integration with our own OpenAPI document. Everything it needs comes from
// our bundle: no default fonts (they load from a CDN), no telemetry, no agent (it searches
// Scalar's registry through their proxy), no proxy — the page's Content-Security-Policy
// allows scripts, fonts and fetches from this origin only.
import "./jitless";
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

export function Scalar() {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/v1/openapi.json",
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        showDeveloperTools: "never",
        documentDownloadType: "json",
        metaData: { title: "API reference · Branchpoint" },
      }}
    />
  );
}
