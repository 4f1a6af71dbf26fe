// The API's response shapes as the browser sees them (type-only imports: erased at build).
export type { ScenarioView, QuestionView, HypothesisView } from "@/lib/scenarios/tree";
export type { ScenarioSummary } from "@/lib/scenarios/service";
export type { AuditEvent } from "@/lib/audit/service";
export type { Member } from "@/lib/members/service";
export type { Evidence, EvidenceDetail, EvidenceVersion } from "@/lib/evidence/read";
export type { Source, SourceSummary } from "@/lib/sources/service";
export type { InviteOut, CreatedInvite } from "@/lib/invites/service";
export type { IndicatorOut as Indicator } from "@/lib/indicators/service";
export type { AssumptionOut as Assumption } from "@/lib/assumptions/service";
