CREATE TABLE `question_scores` (
	`resolution_id` text NOT NULL,
	`method` text NOT NULL,
	`scoring` integer NOT NULL,
	`scores` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`resolution_id`, `method`, `scoring`),
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE no action
);
