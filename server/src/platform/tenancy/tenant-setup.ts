import type { Executor } from '../db/engine.ts';

/**
 * Data a module needs in every tenant (default pick lists and the like). Each step runs when a
 * tenant is created and again for every tenant at start-up, so it must be idempotent (insert …
 * on conflict do nothing): that is how tenants created before a module existed receive its defaults.
 */
export type TenantSetupStep = (db: Executor, tenantId: string) => Promise<void>;

const steps = new Map<string, TenantSetupStep>();

export function registerTenantSetup(name: string, step: TenantSetupStep): void {
  steps.set(name, step);
}

export async function runTenantSetup(db: Executor, tenantId: string): Promise<void> {
  for (const step of steps.values()) await step(db, tenantId);
}
