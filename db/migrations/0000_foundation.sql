CREATE TABLE `change_log` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`root_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`actor_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_log_root_idx` ON `change_log` (`root_id`,`at`);--> statement-breakpoint
CREATE TABLE `client_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`email` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_contacts_client_idx` ON `client_contacts` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`country` text NOT NULL,
	`is_central` integer DEFAULT false NOT NULL,
	`full_time_personnel` integer DEFAULT 0 NOT NULL,
	`part_time_personnel` integer DEFAULT 0 NOT NULL,
	`part_time_average_hours` real DEFAULT 0 NOT NULL,
	`ai_personnel` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_sites_client_idx` ON `client_sites` (`client_id`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`legal_name` text NOT NULL,
	`trading_name` text DEFAULT '' NOT NULL,
	`country` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`ai_roles` text NOT NULL,
	`ai_system_count` integer DEFAULT 0 NOT NULL,
	`other_certifications` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_reference_unique` ON `clients` (`reference`);--> statement-breakpoint
CREATE INDEX `clients_legal_name_idx` ON `clients` ("legal_name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`roles` text NOT NULL,
	`pin_hash` text,
	`pin_salt` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_at` text NOT NULL
);
