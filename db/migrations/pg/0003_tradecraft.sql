CREATE TABLE "assumption_versions" (
	"assumption_id" text COLLATE "C" NOT NULL,
	"version" integer NOT NULL,
	"statement" text NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"edited_by" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "assumption_versions_assumption_id_version_pk" PRIMARY KEY("assumption_id","version")
);
--> statement-breakpoint
CREATE TABLE "assumptions" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"scenario_id" text COLLATE "C" NOT NULL,
	"question_id" text COLLATE "C" NOT NULL,
	"statement" text NOT NULL,
	"status" text DEFAULT 'solid' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_versions" (
	"indicator_id" text COLLATE "C" NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"direction" text NOT NULL,
	"status" text NOT NULL,
	"evidence_ids" json NOT NULL,
	"edited_by" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "indicator_versions_indicator_id_version_pk" PRIMARY KEY("indicator_id","version")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"scenario_id" text COLLATE "C" NOT NULL,
	"hypothesis_id" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"status" text DEFAULT 'watching' NOT NULL,
	"evidence_ids" json NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_versions" ADD COLUMN "resolution_criteria" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "question_versions" ADD COLUMN "resolve_by" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "resolution_criteria" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "resolve_by" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "independent_elicitation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assumption_versions" ADD CONSTRAINT "assumption_versions_assumption_id_assumptions_id_fk" FOREIGN KEY ("assumption_id") REFERENCES "public"."assumptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assumption_versions" ADD CONSTRAINT "assumption_versions_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assumptions" ADD CONSTRAINT "assumptions_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assumptions" ADD CONSTRAINT "assumptions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assumptions" ADD CONSTRAINT "assumptions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_hypothesis_id_hypotheses_id_fk" FOREIGN KEY ("hypothesis_id") REFERENCES "public"."hypotheses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assumption_versions_at_idx" ON "assumption_versions" USING btree ("assumption_id","created_at");--> statement-breakpoint
CREATE INDEX "assumptions_scenario_idx" ON "assumptions" USING btree ("scenario_id","created_at");--> statement-breakpoint
CREATE INDEX "assumptions_question_idx" ON "assumptions" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "indicator_versions_at_idx" ON "indicator_versions" USING btree ("indicator_id","created_at");--> statement-breakpoint
CREATE INDEX "indicators_scenario_idx" ON "indicators" USING btree ("scenario_id","created_at");--> statement-breakpoint
CREATE INDEX "indicators_hypothesis_idx" ON "indicators" USING btree ("hypothesis_id");