CREATE TABLE "activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"owner_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"content" text,
	"occurred_at" timestamp with time zone,
	"starts_at" timestamp with time zone,
	"duration_minutes" integer,
	"at" timestamp with time zone NOT NULL,
	"location_address" text,
	"location_lat" double precision,
	"location_lng" double precision,
	"account_id" uuid,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"participant_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"participant_contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"result" text,
	"next_step" text,
	"due_at" timestamp with time zone,
	"reminder_at" timestamp with time zone,
	"reminder_sent_for" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link_type" text,
	"link_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_account_id_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_at_idx" ON "activities" USING btree ("tenant_id","at","id");--> statement-breakpoint
CREATE INDEX "activities_account_idx" ON "activities" USING btree ("tenant_id","account_id","at","id");--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("tenant_id","contact_id","at");--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("tenant_id","owner_id","at");--> statement-breakpoint
CREATE INDEX "activities_unit_idx" ON "activities" USING btree ("tenant_id","unit_id","at");--> statement-breakpoint
CREATE INDEX "activities_open_tasks_idx" ON "activities" USING btree ("tenant_id","owner_id","due_at") WHERE "activities"."kind" = 'task' and "activities"."completed_at" is null and "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_participant_contacts_idx" ON "activities" USING gin ("participant_contact_ids");--> statement-breakpoint
CREATE INDEX "activities_custom_gin" ON "activities" USING gin ("custom" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "calendar_feeds_token_idx" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at","id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "accounts_last_activity_idx" ON "accounts" USING btree ("tenant_id","last_activity_at");