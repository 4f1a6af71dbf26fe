// Every table, written once against a column kit (docs/store.md). History is rows: estimates,
// ratings, resolutions, evidence/question/hypothesis versions and events are only ever
// inserted; the "current" tables hold the newest state for fast reads.
import type { Kit } from "../kit/sqlite";

export const ROLES = ["owner", "editor", "viewer"] as const;
export const CONSISTENCIES = ["CC", "C", "N", "I", "II", "NA"] as const;
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;
export const HYPOTHESIS_STATUSES = ["open", "archived"] as const;
export const INDICATOR_DIRECTIONS = ["supports", "undermines"] as const;
export const INDICATOR_STATUSES = ["watching", "observed", "not_observed", "retired"] as const;
export const ASSUMPTION_STATUSES = ["solid", "caveated", "unsupported"] as const;
/** account: signs in; demo: a demo analyst; imported: a stand-in for a person named in an import. */
export const USER_KINDS = ["account", "demo", "imported"] as const;

export function defineSchema(k: Kit) {
  // ── Accounts (better-auth's four tables, field names as its drizzle adapter expects) ──
  const user = k.table("user", {
    id: k.id("id").primaryKey(),
    name: k.text("name").notNull(),
    email: k.text("email").notNull().unique(),
    emailVerified: k.bool("email_verified").notNull().default(false),
    image: k.text("image"),
    kind: k.enumText("kind", USER_KINDS).notNull().default("account"),
    // A stand-in (kind imported) holds a placeholder in `email`, so it can never block or
    // claim a sign-up; the email the imported document gave is kept here for exports.
    sourceEmail: k.text("source_email"),
    createdAt: k.timestamp("created_at").notNull(),
    updatedAt: k.timestamp("updated_at").notNull(),
  });

  const session = k.table(
    "session",
    {
      id: k.id("id").primaryKey(),
      expiresAt: k.timestamp("expires_at").notNull(),
      token: k.text("token").notNull().unique(),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
      ipAddress: k.text("ip_address"),
      userAgent: k.text("user_agent"),
      userId: k.id("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
    },
    (t) => [k.index("session_user_idx").on(t.userId)],
  );

  const account = k.table(
    "account",
    {
      id: k.id("id").primaryKey(),
      accountId: k.text("account_id").notNull(),
      providerId: k.text("provider_id").notNull(),
      userId: k.id("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
      accessToken: k.text("access_token"),
      refreshToken: k.text("refresh_token"),
      idToken: k.text("id_token"),
      accessTokenExpiresAt: k.timestamp("access_token_expires_at"),
      refreshTokenExpiresAt: k.timestamp("refresh_token_expires_at"),
      scope: k.text("scope"),
      password: k.text("password"),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("account_user_idx").on(t.userId)],
  );

  const verification = k.table(
    "verification",
    {
      id: k.id("id").primaryKey(),
      identifier: k.text("identifier").notNull(),
      value: k.text("value").notNull(),
      expiresAt: k.timestamp("expires_at").notNull(),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("verification_identifier_idx").on(t.identifier)],
  );

  // ── Scenarios and who may see them ──
  const scenarios = k.table("scenarios", {
    id: k.id("id").primaryKey(),
    title: k.text("title").notNull(),
    summary: k.text("summary").notNull().default(""),
    version: k.int("version").notNull().default(1),
    // The demo: the seeded original is a template nobody opens directly (`template`); every
    // account opens its own copy of it, which is marked `isDemo` too.
    isDemo: k.bool("is_demo").notNull().default(false),
    template: k.bool("template").notNull().default(false),
    // While on, an analyst sees nobody's figures on a question until they have estimated it
    // (a bias control); on for new scenarios, off for the demo and existing ones.
    independentElicitation: k.bool("independent_elicitation").notNull().default(false),
    createdBy: k.id("created_by").references(() => user.id),
    createdAt: k.timestamp("created_at").notNull(),
    updatedAt: k.timestamp("updated_at").notNull(),
    archivedAt: k.timestamp("archived_at"),
  });

  const members = k.table(
    "members",
    {
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      userId: k.id("user_id").notNull().references(() => user.id),
      role: k.enumText("role", ROLES).notNull(),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.scenarioId, t.userId] }), k.index("members_user_idx").on(t.userId)],
  );

  // ── The question tree ──
  const questions = k.table(
    "questions",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      // Set for a conditional question: "given <hypothesis>, …".
      parentHypothesisId: k.id("parent_hypothesis_id"),
      title: k.text("title").notNull(),
      description: k.text("description").notNull().default(""),
      // how the answer will be judged, and by when it should be known (null: open-ended)
      resolutionCriteria: k.text("resolution_criteria").notNull().default(""),
      resolveBy: k.timestamp("resolve_by"),
      position: k.int("position").notNull(),
      version: k.int("version").notNull().default(1),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("questions_scenario_idx").on(t.scenarioId, t.position)],
  );

  const questionVersions = k.table(
    "question_versions",
    {
      questionId: k.id("question_id").notNull().references(() => questions.id),
      version: k.int("version").notNull(),
      title: k.text("title").notNull(),
      description: k.text("description").notNull(),
      resolutionCriteria: k.text("resolution_criteria").notNull().default(""),
      resolveBy: k.timestamp("resolve_by"),
      editedBy: k.id("edited_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.questionId, t.version] }), k.index("question_versions_at_idx").on(t.questionId, t.createdAt)],
  );

  const hypotheses = k.table(
    "hypotheses",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      questionId: k.id("question_id").notNull().references(() => questions.id),
      title: k.text("title").notNull(),
      description: k.text("description").notNull().default(""),
      status: k.enumText("status", HYPOTHESIS_STATUSES).notNull().default("open"),
      position: k.int("position").notNull(),
      version: k.int("version").notNull().default(1),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("hypotheses_question_idx").on(t.questionId, t.position), k.index("hypotheses_scenario_idx").on(t.scenarioId)],
  );

  const hypothesisVersions = k.table(
    "hypothesis_versions",
    {
      hypothesisId: k.id("hypothesis_id").notNull().references(() => hypotheses.id),
      version: k.int("version").notNull(),
      title: k.text("title").notNull(),
      description: k.text("description").notNull(),
      status: k.enumText("status", HYPOTHESIS_STATUSES).notNull(),
      editedBy: k.id("edited_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.hypothesisId, t.version] }), k.index("hypothesis_versions_at_idx").on(t.hypothesisId, t.createdAt)],
  );

  const outcomes = k.table(
    "outcomes",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      title: k.text("title").notNull(),
      description: k.text("description").notNull().default(""),
      hypothesisIds: k.json<string[]>("hypothesis_ids").notNull(),
      position: k.int("position").notNull(),
      version: k.int("version").notNull().default(1),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
      archivedAt: k.timestamp("archived_at"),
    },
    (t) => [k.index("outcomes_scenario_idx").on(t.scenarioId, t.position)],
  );

  // ── Indicators (what we would expect to see next if a hypothesis were true) and key
  //    assumptions (what a question's judgement rests on): current rows plus version rows ──
  const indicators = k.table(
    "indicators",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      hypothesisId: k.id("hypothesis_id").notNull().references(() => hypotheses.id),
      title: k.text("title").notNull(),
      description: k.text("description").notNull().default(""),
      direction: k.enumText("direction", INDICATOR_DIRECTIONS).notNull(),
      status: k.enumText("status", INDICATOR_STATUSES).notNull().default("watching"),
      // the evidence that shows it (observing links it)
      evidenceIds: k.json<string[]>("evidence_ids").notNull(),
      version: k.int("version").notNull().default(1),
      createdBy: k.id("created_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("indicators_scenario_idx").on(t.scenarioId, t.createdAt), k.index("indicators_hypothesis_idx").on(t.hypothesisId)],
  );

  const indicatorVersions = k.table(
    "indicator_versions",
    {
      indicatorId: k.id("indicator_id").notNull().references(() => indicators.id),
      version: k.int("version").notNull(),
      title: k.text("title").notNull(),
      description: k.text("description").notNull(),
      direction: k.enumText("direction", INDICATOR_DIRECTIONS).notNull(),
      status: k.enumText("status", INDICATOR_STATUSES).notNull(),
      evidenceIds: k.json<string[]>("evidence_ids").notNull(),
      editedBy: k.id("edited_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.indicatorId, t.version] }), k.index("indicator_versions_at_idx").on(t.indicatorId, t.createdAt)],
  );

  const assumptions = k.table(
    "assumptions",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      questionId: k.id("question_id").notNull().references(() => questions.id),
      statement: k.text("statement").notNull(),
      status: k.enumText("status", ASSUMPTION_STATUSES).notNull().default("solid"),
      note: k.text("note").notNull().default(""),
      version: k.int("version").notNull().default(1),
      createdBy: k.id("created_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
    },
    (t) => [k.index("assumptions_scenario_idx").on(t.scenarioId, t.createdAt), k.index("assumptions_question_idx").on(t.questionId)],
  );

  const assumptionVersions = k.table(
    "assumption_versions",
    {
      assumptionId: k.id("assumption_id").notNull().references(() => assumptions.id),
      version: k.int("version").notNull(),
      statement: k.text("statement").notNull(),
      status: k.enumText("status", ASSUMPTION_STATUSES).notNull(),
      note: k.text("note").notNull(),
      editedBy: k.id("edited_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.assumptionId, t.version] }), k.index("assumption_versions_at_idx").on(t.assumptionId, t.createdAt)],
  );

  // ── Sources and evidence ──
  const sources = k.table(
    "sources",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      title: k.text("title").notNull(),
      publisher: k.text("publisher"),
      author: k.text("author"),
      publishedAt: k.timestamp("published_at"),
      url: k.text("url"),
      text: k.text("text"),
      createdBy: k.id("created_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.index("sources_scenario_idx").on(t.scenarioId, t.createdAt)],
  );

  const evidence = k.table(
    "evidence",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      summary: k.text("summary").notNull(),
      excerpt: k.text("excerpt"),
      sourceId: k.id("source_id").references(() => sources.id),
      occurredAt: k.timestamp("occurred_at"),
      reliability: k.enumText("reliability", RELIABILITIES).notNull(),
      credibility: k.int("credibility").notNull(),
      tags: k.json<string[]>("tags").notNull(),
      version: k.int("version").notNull().default(1),
      createdBy: k.id("created_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
      updatedAt: k.timestamp("updated_at").notNull(),
      retractedAt: k.timestamp("retracted_at"),
      retractReason: k.text("retract_reason"),
      retractedBy: k.id("retracted_by").references(() => user.id),
    },
    (t) => [k.index("evidence_scenario_created_idx").on(t.scenarioId, t.createdAt)],
  );

  const evidenceVersions = k.table(
    "evidence_versions",
    {
      evidenceId: k.id("evidence_id").notNull().references(() => evidence.id),
      version: k.int("version").notNull(),
      summary: k.text("summary").notNull(),
      excerpt: k.text("excerpt"),
      sourceId: k.id("source_id"),
      occurredAt: k.timestamp("occurred_at"),
      reliability: k.enumText("reliability", RELIABILITIES).notNull(),
      credibility: k.int("credibility").notNull(),
      tags: k.json<string[]>("tags").notNull(),
      editedBy: k.id("edited_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.evidenceId, t.version] }), k.index("evidence_versions_at_idx").on(t.evidenceId, t.createdAt)],
  );

  // ── Judgements: append-only ──
  const ratings = k.table(
    "ratings",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      evidenceId: k.id("evidence_id").notNull().references(() => evidence.id),
      hypothesisId: k.id("hypothesis_id").notNull().references(() => hypotheses.id),
      analystId: k.id("analyst_id").notNull().references(() => user.id),
      // null: the analyst cleared the cell — unrated from this row on
      consistency: k.enumText("consistency", CONSISTENCIES),
      likelihood: k.real("likelihood"),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [
      // the current cell for one analyst, and as-of seeks
      k.index("ratings_cell_idx").on(t.evidenceId, t.hypothesisId, t.analystId, t.createdAt),
      // the matrix reads all of a question's ratings index-only: by hypothesis, each cell's
      // rows together and oldest first (id included for the ORDER BY), with the two values
      k.index("ratings_hypothesis_idx").on(t.hypothesisId, t.evidenceId, t.analystId, t.createdAt, t.id, t.consistency, t.likelihood),
      k.index("ratings_scenario_idx").on(t.scenarioId, t.createdAt),
    ],
  );

  const estimates = k.table(
    "estimates",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      questionId: k.id("question_id").notNull().references(() => questions.id),
      analystId: k.id("analyst_id").notNull().references(() => user.id),
      probabilities: k.json<Record<string, number>>("probabilities").notNull(),
      rationale: k.text("rationale").notNull(),
      evidenceIds: k.json<string[]>("evidence_ids").notNull(),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [
      // an analyst's estimates on a question in (created_at, id) order: the one in force as of a
      // time is one index seek, their history one range. With `id` in the index it also gives
      // the reads' order, so SQLite's planner no longer prefers estimates_question_idx (which
      // gives the order but reads every analyst's estimates: 1.5 s for a 40k-estimate question)
      k.index("estimates_latest_idx").on(t.questionId, t.analystId, t.createdAt, t.id),
      // a question's history a page at a time, in (created_at, id) order
      k.index("estimates_question_idx").on(t.questionId, t.createdAt, t.id),
      k.index("estimates_scenario_idx").on(t.scenarioId, t.createdAt),
    ],
  );

  // Who has ever estimated a question, so the aggregate seeks per analyst instead of
  // scanning every estimate for DISTINCT analysts.
  const forecasters = k.table(
    "forecasters",
    {
      questionId: k.id("question_id").notNull().references(() => questions.id),
      analystId: k.id("analyst_id").notNull().references(() => user.id),
      firstAt: k.timestamp("first_at").notNull(),
    },
    (t) => [
      k.primaryKey({ columns: [t.questionId, t.analystId] }),
      // an analyst's questions, for their calibration
      k.index("forecasters_analyst_idx").on(t.analystId),
    ],
  );

  const resolutions = k.table(
    "resolutions",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      questionId: k.id("question_id").notNull().references(() => questions.id),
      hypothesisId: k.id("hypothesis_id").references(() => hypotheses.id),
      // hypothesisId set: resolved to it; annulled: no answer; neither: reopened (a
      // corrected parent resolution restored the condition this question hangs under)
      annulled: k.bool("annulled").notNull().default(false),
      note: k.text("note").notNull().default(""),
      // why an earlier resolution was replaced; null for the first one
      correctionReason: k.text("correction_reason"),
      // set when the change was automatic: the parent question whose resolution caused it
      causeQuestionId: k.id("cause_question_id").references(() => questions.id),
      resolvedBy: k.id("resolved_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.index("resolutions_question_idx").on(t.questionId, t.createdAt)],
  );

  // The scores of a resolved question, kept once computed (lib/analysis/scores.ts). All they
  // rest on — the estimates and the open hypotheses before the resolution — was written
  // before it and is append-only, and a correction is a new resolution row: so a resolution,
  // a pooling method and the version of the scoring code fix them (a change to how scores
  // are computed raises SCORING in scores.ts, and every question is scored afresh).
  // Derived: export leaves them out, a copy keeps them.
  const questionScores = k.table(
    "question_scores",
    {
      resolutionId: k.id("resolution_id").notNull().references(() => resolutions.id),
      method: k.text("method").notNull(),
      scoring: k.int("scoring").notNull(),
      scores: k.json<Record<string, unknown>>("scores").notNull(),
      createdAt: k.timestamp("created_at").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.resolutionId, t.method, t.scoring] })],
  );

  // ── The audit log: one immutable row per change ──
  const events = k.table(
    "events",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      actorId: k.id("actor_id").references(() => user.id),
      // set when the actor acted through an API token (which one), null in a browser session
      tokenId: k.id("token_id"),
      at: k.timestamp("at").notNull(),
      type: k.text("type").notNull(),
      entity: k.text("entity").notNull(),
      entityId: k.id("entity_id").notNull(),
      before: k.json<unknown>("before"),
      after: k.json<unknown>("after"),
    },
    (t) => [k.index("events_scenario_at_idx").on(t.scenarioId, t.at), k.index("events_entity_idx").on(t.entityId, t.at)],
  );

  // ── API tokens: a script acting as its owner (the secret shown once, stored hashed) ──
  const apiTokens = k.table(
    "api_tokens",
    {
      id: k.id("id").primaryKey(),
      userId: k.id("user_id").notNull().references(() => user.id, { onDelete: "cascade" }),
      name: k.text("name").notNull(),
      tokenHash: k.text("token_hash").notNull().unique(),
      createdAt: k.timestamp("created_at").notNull(),
      // null: until revoked
      expiresAt: k.timestamp("expires_at"),
      lastUsedAt: k.timestamp("last_used_at"),
      revokedAt: k.timestamp("revoked_at"),
    },
    (t) => [k.index("api_tokens_user_idx").on(t.userId)],
  );

  // ── Invitations: how people join a scenario (a single-use secret link, stored hashed) ──
  const invites = k.table(
    "invites",
    {
      id: k.id("id").primaryKey(),
      scenarioId: k.id("scenario_id").notNull().references(() => scenarios.id),
      role: k.enumText("role", ROLES).notNull(),
      tokenHash: k.text("token_hash").notNull().unique(),
      createdBy: k.id("created_by").references(() => user.id),
      createdAt: k.timestamp("created_at").notNull(),
      expiresAt: k.timestamp("expires_at").notNull(),
      acceptedAt: k.timestamp("accepted_at"),
      acceptedBy: k.id("accepted_by").references(() => user.id),
      revokedAt: k.timestamp("revoked_at"),
      revokedBy: k.id("revoked_by").references(() => user.id),
    },
    (t) => [k.index("invites_scenario_idx").on(t.scenarioId, t.createdAt)],
  );

  // ── Abuse limits, kept in the database so they hold across restarts and instances ──
  // A fixed-window counter per key ("sign-in:<address>", "writes:<user>").
  const rateLimits = k.table(
    "rate_limits",
    {
      key: k.text("key").primaryKey(),
      windowStart: k.timestamp("window_start").notNull(),
      count: k.int("count").notNull(),
    },
    (t) => [k.index("rate_limits_window_idx").on(t.windowStart)],
  );

  // Failed sign-ins per account (by email), for an increasing backoff.
  const signInFailures = k.table("sign_in_failures", {
    email: k.text("email").primaryKey(),
    failures: k.int("failures").notNull(),
    lastFailureAt: k.timestamp("last_failure_at").notNull(),
    lockedUntil: k.timestamp("locked_until"),
  });

  return {
    user, session, account, verification,
    invites, rateLimits, signInFailures, apiTokens,
    scenarios, members,
    questions, questionVersions, hypotheses, hypothesisVersions, outcomes,
    indicators, indicatorVersions, assumptions, assumptionVersions,
    sources, evidence, evidenceVersions,
    ratings, estimates, forecasters, resolutions, questionScores,
    events,
  };
}

export type Schema = ReturnType<typeof defineSchema>;
