DROP INDEX "opportunities_owner_idx";--> statement-breakpoint
DROP INDEX "opportunity_stage_history_stage_idx";--> statement-breakpoint
DROP INDEX "payment_instalments_open_idx";--> statement-breakpoint
CREATE INDEX "opportunities_funnel_idx" ON "opportunities" USING btree ("tenant_id","pipeline_id","created_at","reached_order","stage_id","status","amount","owner_id","unit_id") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_deleted_idx" ON "opportunities" USING btree ("tenant_id","id") WHERE "opportunities"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "orders_dead_idx" ON "orders" USING btree ("tenant_id","id") WHERE "orders"."deleted_at" is not null or "orders"."status" = 'cancelled';--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("tenant_id","owner_id","stage_id","expected_close_date","id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_stage_idx" ON "opportunity_stage_history" USING btree ("tenant_id","pipeline_id","entered_at","stage_id","left_at","opportunity_id");--> statement-breakpoint
CREATE INDEX "payment_instalments_open_idx" ON "payment_instalments" USING btree ("tenant_id","due_on","amount","paid","order_id","owner_id","unit_id","account_id") WHERE "payment_instalments"."paid" < "payment_instalments"."amount";