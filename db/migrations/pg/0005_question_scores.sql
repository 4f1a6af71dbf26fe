CREATE TABLE "question_scores" (
	"resolution_id" text COLLATE "C" NOT NULL,
	"method" text NOT NULL,
	"scoring" integer NOT NULL,
	"scores" json NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "question_scores_resolution_id_method_scoring_pk" PRIMARY KEY("resolution_id","method","scoring")
);
--> statement-breakpoint
ALTER TABLE "question_scores" ADD CONSTRAINT "question_scores_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;