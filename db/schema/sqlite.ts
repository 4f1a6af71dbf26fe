// drizzle-kit's entry point and the tables the SQLite store runs on.
import { sqliteKit } from "../kit/sqlite";
import { defineSchema } from "./define";

export const schema = defineSchema(sqliteKit);
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
