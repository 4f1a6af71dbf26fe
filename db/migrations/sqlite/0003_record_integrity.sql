PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	`hypothesis_id` text NOT NULL,
	`analyst_id` text NOT NULL,
	`consistency` text,
	`likelihood` real,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hypothesis_id`) REFERENCES `hypotheses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`analyst_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_ratings`("id", "scenario_id", "evidence_id", "hypothesis_id", "analyst_id", "consistency", "likelihood", "created_at") SELECT "id", "scenario_id", "evidence_id", "hypothesis_id", "analyst_id", "consistency", "likelihood", "created_at" FROM `ratings`;--> statement-breakpoint
DROP TABLE `ratings`;--> statement-breakpoint
ALTER TABLE `__new_ratings` RENAME TO `ratings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `ratings_cell_idx` ON `ratings` (`evidence_id`,`hypothesis_id`,`analyst_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_hypothesis_idx` ON `ratings` (`hypothesis_id`,`evidence_id`,`analyst_id`,`created_at`,`id`,`consistency`,`likelihood`);--> statement-breakpoint
CREATE INDEX `ratings_scenario_idx` ON `ratings` (`scenario_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `resolutions` ADD `correction_reason` text;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `cause_question_id` text REFERENCES questions(id);--> statement-breakpoint
ALTER TABLE `scenarios` ADD `template` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `source_email` text;--> statement-breakpoint
CREATE INDEX `forecasters_analyst_idx` ON `forecasters` (`analyst_id`);