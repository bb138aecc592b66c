CREATE TABLE "dedup_report_groups" (
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"group_no" integer NOT NULL,
	"size" integer NOT NULL,
	"score" real NOT NULL,
	"links" jsonb NOT NULL,
	CONSTRAINT "dedup_report_groups_tenant_id_run_id_group_no_pk" PRIMARY KEY("tenant_id","run_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "dedup_report_members" (
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"group_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "dedup_report_members_tenant_id_run_id_group_no_account_id_pk" PRIMARY KEY("tenant_id","run_id","group_no","account_id")
);
--> statement-breakpoint
CREATE TABLE "dedup_report_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"accounts" integer DEFAULT 0 NOT NULL,
	"candidate_pairs" integer DEFAULT 0 NOT NULL,
	"comparisons" integer DEFAULT 0 NOT NULL,
	"links" integer DEFAULT 0 NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"grouped_accounts" integer DEFAULT 0 NOT NULL,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "dedup_report_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "dedup_report_groups" ADD CONSTRAINT "dedup_report_groups_tenant_id_run_id_dedup_report_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."dedup_report_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_report_members" ADD CONSTRAINT "dedup_report_members_tenant_id_run_id_group_no_dedup_report_groups_tenant_id_run_id_group_no_fk" FOREIGN KEY ("tenant_id","run_id","group_no") REFERENCES "public"."dedup_report_groups"("tenant_id","run_id","group_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dedup_report_groups_score_idx" ON "dedup_report_groups" USING btree ("tenant_id","run_id","score","size");--> statement-breakpoint
CREATE INDEX "dedup_report_groups_size_idx" ON "dedup_report_groups" USING btree ("tenant_id","run_id","size","score");--> statement-breakpoint
CREATE INDEX "dedup_report_runs_created_idx" ON "dedup_report_runs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dedup_report_runs_active_idx" ON "dedup_report_runs" USING btree ("tenant_id") WHERE state in ('queued', 'running');