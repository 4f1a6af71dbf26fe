CREATE TABLE `assumption_versions` (
	`assumption_id` text NOT NULL,
	`version` integer NOT NULL,
	`statement` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`edited_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`assumption_id`, `version`),
	FOREIGN KEY (`assumption_id`) REFERENCES `assumptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assumption_versions_at_idx` ON `assumption_versions` (`assumption_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `assumptions` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`question_id` text NOT NULL,
	`statement` text NOT NULL,
	`status` text DEFAULT 'solid' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assumptions_scenario_idx` ON `assumptions` (`scenario_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `assumptions_question_idx` ON `assumptions` (`question_id`);--> statement-breakpoint
CREATE TABLE `indicator_versions` (
	`indicator_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`evidence_ids` text NOT NULL,
	`edited_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `version`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_versions_at_idx` ON `indicator_versions` (`indicator_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`hypothesis_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`direction` text NOT NULL,
	`status` text DEFAULT 'watching' NOT NULL,
	`evidence_ids` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hypothesis_id`) REFERENCES `hypotheses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicators_scenario_idx` ON `indicators` (`scenario_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `indicators_hypothesis_idx` ON `indicators` (`hypothesis_id`);--> statement-breakpoint
ALTER TABLE `question_versions` ADD `resolution_criteria` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `resolve_by` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `resolution_criteria` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `resolve_by` integer;--> statement-breakpoint
ALTER TABLE `scenarios` ADD `independent_elicitation` integer DEFAULT false NOT NULL;