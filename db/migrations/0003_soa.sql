CREATE TABLE `audit_soa_links` (
	`audit_id` text PRIMARY KEY NOT NULL,
	`soa_version_id` text NOT NULL,
	`recorded_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`soa_version_id`) REFERENCES `soa_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_soa_links_version_idx` ON `audit_soa_links` (`soa_version_id`);--> statement-breakpoint
CREATE TABLE `soa_controls` (
	`id` text PRIMARY KEY NOT NULL,
	`soa_version_id` text NOT NULL,
	`control_id` text NOT NULL,
	`position` integer NOT NULL,
	`applicable` integer NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	`implementation_status` text,
	`reference` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`soa_version_id`) REFERENCES `soa_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `soa_controls_version_control` ON `soa_controls` (`soa_version_id`,`control_id`);--> statement-breakpoint
CREATE TABLE `soa_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`document_reference` text NOT NULL,
	`catalogue_version` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `soa_versions_client_number` ON `soa_versions` (`client_id`,`version_number`);