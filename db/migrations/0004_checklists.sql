CREATE TABLE `cb_catalogue_items` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`parent` text NOT NULL,
	`stages` text NOT NULL,
	`prompt` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cb_catalogue_items_position_idx` ON `cb_catalogue_items` (`position`);--> statement-breakpoint
CREATE TABLE `checklist_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`checklist_item_id` text NOT NULL,
	`auditor_id` text NOT NULL,
	`result` text,
	`notes` text DEFAULT '' NOT NULL,
	`answered_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`checklist_item_id`) REFERENCES `checklist_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auditor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_answers_item_auditor` ON `checklist_answers` (`checklist_item_id`,`auditor_id`);--> statement-breakpoint
CREATE TABLE `checklist_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`checklist_item_id` text NOT NULL,
	`auditor_id` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`removed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`checklist_item_id`) REFERENCES `checklist_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auditor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checklist_evidence_item_idx` ON `checklist_evidence` (`checklist_item_id`);--> statement-breakpoint
CREATE TABLE `checklist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`checklist_id` text NOT NULL,
	`item_key` text NOT NULL,
	`section` text NOT NULL,
	`group_key` text NOT NULL,
	`parent_key` text,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`prompt` text NOT NULL,
	`requirement_ref` text DEFAULT '' NOT NULL,
	`scale` text NOT NULL,
	`mandatory` integer DEFAULT false NOT NULL,
	`selected` integer DEFAULT true NOT NULL,
	`carried_from_item_id` text,
	`carried_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`checklist_id`) REFERENCES `checklists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_items_checklist_key` ON `checklist_items` (`checklist_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `checklist_items_position_idx` ON `checklist_items` (`checklist_id`,`position`);--> statement-breakpoint
CREATE TABLE `checklists` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`kind` text NOT NULL,
	`catalogue_version` text NOT NULL,
	`soa_version_id` text,
	`generated_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`soa_version_id`) REFERENCES `soa_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`generated_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklists_audit` ON `checklists` (`audit_id`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`checklist_item_id` text,
	`finding_id` text,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`captured_by` text,
	`captured_at` text NOT NULL,
	`removed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checklist_item_id`) REFERENCES `checklist_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`captured_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_files_audit_idx` ON `evidence_files` (`audit_id`);--> statement-breakpoint
CREATE INDEX `evidence_files_item_idx` ON `evidence_files` (`checklist_item_id`);--> statement-breakpoint
CREATE INDEX `evidence_files_sha_idx` ON `evidence_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `finding_events` (
	`id` text PRIMARY KEY NOT NULL,
	`finding_id` text NOT NULL,
	`event` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`by_person` text,
	`on_date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`details` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_person`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finding_events_finding_idx` ON `finding_events` (`finding_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`checklist_item_id` text,
	`site_id` text,
	`requirement_ref` text NOT NULL,
	`grade` text,
	`grade_rationale` text DEFAULT '' NOT NULL,
	`statement` text NOT NULL,
	`objective_evidence` text NOT NULL,
	`raised_by` text,
	`raised_on` text NOT NULL,
	`state` text NOT NULL,
	`client_acknowledged_by` text,
	`acknowledged_on` text,
	`acknowledgement_note` text DEFAULT '' NOT NULL,
	`response_submitted_on` text,
	`response_accepted_on` text,
	`verified_on` text,
	`verification_method` text,
	`closed_on` text,
	`closed_by` text,
	`audit_last_day` text,
	`response_due` text,
	`verification_due` text,
	`hard_limit` text,
	`next_due` text,
	`escalated_from_id` text,
	`escalated_to_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checklist_item_id`) REFERENCES `checklist_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `client_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_audit_idx` ON `findings` (`audit_id`);--> statement-breakpoint
CREATE INDEX `findings_state_idx` ON `findings` (`state`);--> statement-breakpoint
CREATE INDEX `findings_item_idx` ON `findings` (`checklist_item_id`);--> statement-breakpoint
CREATE INDEX `findings_state_due_idx` ON `findings` (`state`,`next_due`);--> statement-breakpoint
CREATE TABLE `readiness_conclusions` (
	`audit_id` text PRIMARY KEY NOT NULL,
	`conclusion` text NOT NULL,
	`summary` text NOT NULL,
	`concluded_by` text,
	`concluded_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concluded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
