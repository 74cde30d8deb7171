CREATE INDEX `clients_list_idx` ON `clients` ("legal_name" COLLATE NOCASE,`id`,`archived_at`,`search_text`);--> statement-breakpoint
CREATE INDEX `findings_urgency_idx` ON `findings` (("next_due" IS NULL),`next_due`,`raised_on`,`id`,`state`,`grade`,`audit_id`,`raised_by`);--> statement-breakpoint
CREATE INDEX `findings_register_count_idx` ON `findings` (`state`,`grade`,`audit_id`,`raised_by`);