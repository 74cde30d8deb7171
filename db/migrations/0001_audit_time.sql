CREATE TABLE `audit_time_results` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`table_id` text NOT NULL,
	`table_version` text NOT NULL,
	`audit_type` text NOT NULL,
	`input` text NOT NULL,
	`output` text NOT NULL,
	`calculated_days` real NOT NULL,
	`override_days` real,
	`override_reason` text,
	`overridden_by` text,
	`overridden_at` text,
	`approval_state` text DEFAULT 'notRequired' NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`approval_note` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`table_id`) REFERENCES `audit_time_tables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`overridden_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_time_results_client_idx` ON `audit_time_results` (`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_time_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`effective_date` text NOT NULL,
	`table` text NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_time_tables_version_unique` ON `audit_time_tables` (`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `audit_time_tables_one_current` ON `audit_time_tables` (`is_current`) WHERE "audit_time_tables"."is_current" = 1;