ALTER TABLE "contacts" ADD COLUMN "organisation" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "photo" "bytea";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "photo_type" text;--> statement-breakpoint
CREATE INDEX "accounts_custom_gin" ON "accounts" USING gin ("custom" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "contacts_custom_gin" ON "contacts" USING gin ("custom" jsonb_path_ops);