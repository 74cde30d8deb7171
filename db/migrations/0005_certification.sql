CREATE TABLE `audit_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`revision` integer NOT NULL,
	`state` text NOT NULL,
	`change_note` text DEFAULT '' NOT NULL,
	`effectiveness_conclusion` text DEFAULT '' NOT NULL,
	`recommendation` text,
	`recommendation_notes` text DEFAULT '' NOT NULL,
	`diverging_opinions` text DEFAULT '' NOT NULL,
	`sampling_basis` text DEFAULT '' NOT NULL,
	`days_spent` real,
	`days_spent_reason` text DEFAULT '' NOT NULL,
	`acknowledged_warnings` text NOT NULL,
	`issued_by` text,
	`issued_at` text,
	`pdf_sha256` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_reports_audit_revision` ON `audit_reports` (`audit_id`,`revision`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`number` text NOT NULL,
	`standard` text NOT NULL,
	`scope_text` text NOT NULL,
	`site_ids` text NOT NULL,
	`issue_date` text NOT NULL,
	`expiry_date` text NOT NULL,
	`decision_id` text,
	`replaces_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `certification_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number` ON `certificates` (`number`);--> statement-breakpoint
CREATE INDEX `certificates_client_idx` ON `certificates` (`client_id`);--> statement-breakpoint
CREATE INDEX `certificates_status_idx` ON `certificates` (`status`,`expiry_date`);--> statement-breakpoint
CREATE TABLE `certification_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`decision_date` text NOT NULL,
	`decided_by` text,
	`reasons` text NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`audit_ids` text NOT NULL,
	`report_id` text,
	`scope_text` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `audit_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certification_decisions_client_idx` ON `certification_decisions` (`client_id`,`decision_date`);