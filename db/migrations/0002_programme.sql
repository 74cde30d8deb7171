CREATE TABLE `audit_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`site_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `client_sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_sites_audit_site` ON `audit_sites` (`audit_id`,`site_id`);--> statement-breakpoint
CREATE TABLE `audit_team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`overridden_checks` text NOT NULL,
	`override_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_team_audit_person` ON `audit_team_members` (`audit_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `audit_team_person_idx` ON `audit_team_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `audits` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`cycle_number` integer NOT NULL,
	`state` text NOT NULL,
	`planned_start` text NOT NULL,
	`planned_end` text NOT NULL,
	`onsite_days` real NOT NULL,
	`remote_days` real DEFAULT 0 NOT NULL,
	`audit_time_result_id` text,
	`calculated_days` real,
	`days_deviation_reason` text,
	`objectives` text DEFAULT '' NOT NULL,
	`criteria` text DEFAULT '' NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`completed_on` text,
	`cancelled_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audits_client_idx` ON `audits` (`client_id`,`planned_start`);--> statement-breakpoint
CREATE INDEX `audits_state_start_idx` ON `audits` (`state`,`planned_start`);--> statement-breakpoint
CREATE TABLE `certification_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`cycle_number` integer NOT NULL,
	`decision_date` text NOT NULL,
	`previous_expiry_date` text,
	`previous_audit_date` text,
	`recertification_decision_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certification_cycles_client_number` ON `certification_cycles` (`client_id`,`cycle_number`);--> statement-breakpoint
CREATE TABLE `impartiality_declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `impartiality_person_idx` ON `impartiality_declarations` (`person_id`);--> statement-breakpoint
CREATE INDEX `impartiality_client_idx` ON `impartiality_declarations` (`client_id`);--> statement-breakpoint
CREATE TABLE `person_competences` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`area` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_competences_person_area` ON `person_competences` (`person_id`,`area`);--> statement-breakpoint
CREATE TABLE `person_qualifications` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`issuer` text DEFAULT '' NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_qualifications_person_idx` ON `person_qualifications` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_unavailability` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_unavailability_person_idx` ON `person_unavailability` (`person_id`,`from_date`);--> statement-breakpoint
ALTER TABLE `clients` ADD `required_competence_areas` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `application_reviewed_by` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `application_reviewed_at` text;--> statement-breakpoint
ALTER TABLE `people` ADD `languages` text DEFAULT '[]' NOT NULL;