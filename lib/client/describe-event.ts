// One line per audit event, in the words an analyst would use.
import type { AuditEvent } from "./types";

type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});

export function describeEvent(e: AuditEvent): string {
  const a = obj(e.after);
  const b = obj(e.before);
  switch (e.type) {
    case "scenario.created":
      return `created the scenario “${str(a.title)}”`;
    case "scenario.updated":
      return "edited the scenario";
    case "scenario.imported":
      return "imported this scenario";
    case "scenario.demo_claimed":
      return "joined the demo scenario as owner";
    case "member.added":
      return `added ${str(a.email)} as ${str(a.role)}`;
    case "member.role_changed":
      return `made ${str(a.email)} ${str(a.role)}`;
    case "member.removed":
      return `removed ${str(b.email)}`;
    case "question.created":
      return `added question “${str(a.title)}”`;
    case "question.updated":
      return `renamed a question to “${str(a.title)}”`;
    case "question.resolved":
      return "resolved a question";
    case "question.annulled":
      return "annulled a question";
    case "hypothesis.added":
      return `added hypothesis “${str(a.title)}”`;
    case "hypothesis.updated":
      return `edited hypothesis “${str(a.title)}”`;
    case "hypothesis.archived":
      return `archived hypothesis “${str(a.title)}”`;
    case "hypothesis.reopened":
      return `reopened hypothesis “${str(a.title)}”`;
    case "outcome.created":
      return `added outcome “${str(a.title)}”`;
    case "outcome.updated":
      return `edited outcome “${str(a.title)}”`;
    case "source.created":
      return `added source “${str(a.title)}”`;
    case "evidence.created":
      return `logged evidence: ${str(a.summary)}`;
    case "evidence.updated":
      return `edited evidence: ${str(a.summary)}`;
    case "evidence.retracted":
      return `retracted evidence${str(a.retractReason) ? ` (“${str(a.retractReason)}”)` : ""}`;
    case "ratings.updated":
      return "rated evidence in the matrix";
    case "estimate.created":
      return `updated confidence: “${str(a.rationale)}”`;
    default:
      return e.type.replace(".", " ");
  }
}
