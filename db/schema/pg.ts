// drizzle-kit's entry point for PostgreSQL, and the tables the PostgreSQL store runs on.
// (Typed as the SQLite tables: queries outside db/ are written once against those types.)
import { pgKitAsKit } from "../kit/pg";
import { defineSchema } from "./define";

export const schema = defineSchema(pgKitAsKit);
export const {
  user, session, account, verification,
  invites, rateLimits, signInFailures, apiTokens,
  scenarios, members,
  questions, questionVersions, hypotheses, hypothesisVersions, outcomes,
  indicators, indicatorVersions, assumptions, assumptionVersions,
  sources, evidence, evidenceVersions,
  ratings, estimates, forecasters, resolutions, questionScores,
  events,
} = schema;
