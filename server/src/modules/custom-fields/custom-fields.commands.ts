import { and, eq, isNull, sql } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Database, Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { countActive, forgetCustomFields, getDefinition } from './custom-fields.queries.ts';
import { customFieldDefinitions, type FieldDefinition } from './custom-fields.schema.ts';
import type { CreateFieldInput, UpdateFieldInput } from './custom-fields.types.ts';
import { assertActive, checkDefinition } from './definition-rules.ts';
import { MAX_ACTIVE_FIELDS, MAX_INDEXED_FIELDS } from './field-types.ts';
import { DuplicateValuesError, syncFieldIndexes } from './indexes/sync-indexes.ts';
import { jsonValue, literal } from './query/expressions.ts';
import { getCustomFieldTarget } from './targets.ts';

const audited = ['label', 'options', 'required', 'unique', 'indexed', 'defaultValue', 'helpText', 'group', 'archivedAt'] as const;
const labelOf = (d: FieldDefinition) => `${d.label['zh-CN']} (${d.key})`;
const cf = customFieldDefinitions;
const byId = (tenantId: string, id: string) => and(eq(cf.tenantId, tenantId), eq(cf.id, id));

function targetOf(objectType: string) {
  const target = getCustomFieldTarget(objectType);
  if (!target) throw invalid('objectType', 'custom fields are not available for this object type');
  return target;
}

async function checkLimits(db: Executor, tenantId: string, objectType: string, adding: { field: boolean; index: boolean }) {
  const counts = await countActive(db, tenantId, objectType);
  if (adding.field && counts.active >= MAX_ACTIVE_FIELDS) throw invalid('objectType', `at most ${MAX_ACTIVE_FIELDS} active fields per object type`);
  if (adding.index && counts.indexed >= MAX_INDEXED_FIELDS) throw invalid('indexed', `at most ${MAX_INDEXED_FIELDS} filterable/sortable fields per object type`);
}

/** Turning `unique` on must not fail half-way: look for shared values among live records first. */
async function assertNoDuplicates(db: Executor, def: FieldDefinition) {
  const t = targetOf(def.objectType).table;
  const value = jsonValue(t.custom, def.key);
  const shared = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.tenantId, def.tenantId), sql`${t.custom} ? ${literal(def.key)}`, t.deletedAt ? isNull(t.deletedAt) : undefined))
    .groupBy(value)
    .having(sql`count(*) > 1`)
    .limit(1);
  if (shared.length) throw new AppError('conflict', { reason: 'duplicate_values' }, [{ field: 'unique', reason: 'records already share values of this field' }]);
}

export async function createField(ctx: Ctx, database: Database, input: CreateFieldInput): Promise<FieldDefinition> {
  const p = ctx.principal;
  targetOf(input.objectType);
  const row = await ctx.db.transaction(async (tx) => {
    await checkLimits(tx, p.tenantId, input.objectType, { field: true, index: input.indexed });
    const [taken] = await tx
      .select({ archivedAt: cf.archivedAt })
      .from(cf)
      .where(and(eq(cf.tenantId, p.tenantId), eq(cf.objectType, input.objectType), eq(cf.key, input.key)));
    if (taken) {
      const reason = taken.archivedAt ? 'used by an archived field: keys are never reused (restore it instead)' : 'taken';
      throw new AppError('duplicate', { field: 'key' }, [{ field: 'key', reason }]);
    }
    const defaultValue = await checkDefinition(tx, { ...input, tenantId: p.tenantId, archivedAt: null });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${cf.position}) + 1, 0)::int` })
      .from(cf)
      .where(and(eq(cf.tenantId, p.tenantId), eq(cf.objectType, input.objectType)));
    const [created] = await tx
      .insert(cf)
      .values({
        tenantId: p.tenantId,
        id: newId(),
        objectType: input.objectType,
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.options,
        required: input.required,
        unique: input.unique,
        indexed: input.indexed,
        defaultValue,
        helpText: input.helpText ?? null,
        group: input.group ?? null,
        position: next,
        createdBy: p.userId,
        updatedBy: p.userId,
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'create', objectType: 'custom_field', objectId: created.id, objectLabel: labelOf(created), changes: diff(null, created, audited) });
    return created;
  });
  forgetCustomFields();
  await syncFieldIndexes(database, row);
  return row;
}

export async function updateField(ctx: Ctx, database: Database, id: string, input: UpdateFieldInput): Promise<FieldDefinition> {
  const p = ctx.principal;
  const after = await ctx.db.transaction(async (tx) => {
    const before = await getDefinition(tx, p.tenantId, id);
    assertActive(before);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const next = {
      ...before,
      label: input.label ?? before.label,
      options: input.options ?? before.options,
      required: input.required ?? before.required,
      unique: input.unique ?? before.unique,
      indexed: input.indexed ?? before.indexed,
      helpText: input.helpText === undefined ? before.helpText : input.helpText,
      group: input.group === undefined ? before.group : input.group,
    };
    const defaultValue = await checkDefinition(tx, { ...next, defaultValue: input.defaultValue === undefined ? before.defaultValue : input.defaultValue }, before);
    if (next.indexed && !before.indexed) await checkLimits(tx, p.tenantId, before.objectType, { field: false, index: true });
    if (next.unique && !before.unique) await assertNoDuplicates(tx, next);
    const [row] = await tx
      .update(cf)
      .set({
        label: next.label, options: next.options, required: next.required, unique: next.unique, indexed: next.indexed,
        defaultValue, helpText: next.helpText, group: next.group,
        version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId,
      })
      .where(and(byId(p.tenantId, id), eq(cf.version, input.version)))
      .returning();
    if (!row) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'custom_field', objectId: id, objectLabel: labelOf(row), changes: diff(before, row, audited) });
    return row;
  });
  forgetCustomFields();
  try {
    await syncFieldIndexes(database, after);
  } catch (err) {
    if (!(err instanceof DuplicateValuesError)) throw err;
    // Someone stored a duplicate between the check and the index build: the flag cannot hold.
    await dropUniqueFlag(ctx, after);
    throw new AppError('conflict', { reason: 'duplicate_values' }, [{ field: 'unique', reason: 'records already share values of this field' }]);
  }
  return getDefinition(ctx.db, p.tenantId, id);
}

async function dropUniqueFlag(ctx: Ctx, def: FieldDefinition) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(cf).set({ unique: false, version: sql`${cf.version} + 1`, updatedAt: new Date() }).where(byId(def.tenantId, def.id)).returning();
    await audit(tx, ctx.actor, { action: 'update', objectType: 'custom_field', objectId: def.id, objectLabel: labelOf(row), changes: { unique: [true, false] }, context: { reason: 'duplicate_values' } });
  });
  forgetCustomFields();
}

/** Archiving hides the field and its values and drops its indexes; the values stay in every record. */
export async function archiveField(ctx: Ctx, database: Database, id: string): Promise<FieldDefinition> {
  const p = ctx.principal;
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getDefinition(tx, p.tenantId, id);
    if (before.archivedAt) return before;
    const [after] = await tx
      .update(cf)
      .set({ archivedAt: new Date(), archivedBy: p.userId, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(byId(p.tenantId, id))
      .returning();
    await audit(tx, ctx.actor, { action: 'archive', objectType: 'custom_field', objectId: id, objectLabel: labelOf(after), changes: diff(before, after, audited) });
    return after;
  });
  forgetCustomFields();
  await syncFieldIndexes(database, row);
  return row;
}

/** Restoring brings the values back into view. A unique flag that no longer holds is dropped, and audited. */
export async function restoreField(ctx: Ctx, database: Database, id: string): Promise<FieldDefinition> {
  const p = ctx.principal;
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getDefinition(tx, p.tenantId, id);
    if (!before.archivedAt) return before;
    await checkLimits(tx, p.tenantId, before.objectType, { field: true, index: before.indexed });
    // Back at the end of the form: its old position may have been taken by a reorder meanwhile.
    const position = sql`(select coalesce(max(${cf.position}) + 1, 0) from ${cf} where ${cf.tenantId} = ${p.tenantId} and ${cf.objectType} = ${before.objectType} and ${cf.archivedAt} is null)`;
    const [after] = await tx
      .update(cf)
      .set({ archivedAt: null, archivedBy: null, position, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(byId(p.tenantId, id))
      .returning();
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'custom_field', objectId: id, objectLabel: labelOf(after), changes: diff(before, after, audited) });
    return after;
  });
  forgetCustomFields();
  try {
    await syncFieldIndexes(database, row);
  } catch (err) {
    if (!(err instanceof DuplicateValuesError)) throw err;
    await dropUniqueFlag(ctx, row);
  }
  return getDefinition(ctx.db, p.tenantId, id);
}

/** Form order. Positions are not part of a field's edit form, so reordering does not bump versions. */
export async function reorderFields(ctx: Ctx, input: { objectType: string; ids: string[] }): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const active = await tx
      .select({ id: cf.id, key: cf.key, position: cf.position })
      .from(cf)
      .where(and(eq(cf.tenantId, p.tenantId), eq(cf.objectType, input.objectType), isNull(cf.archivedAt)));
    const known = new Set(active.map((d) => d.id));
    if (input.ids.length !== known.size || new Set(input.ids).size !== known.size || !input.ids.every((i) => known.has(i))) {
      throw invalid('ids', 'send every active field of the object type exactly once');
    }
    const before = [...active].sort((a, b) => a.position - b.position).map((d) => d.key);
    for (const [position, id] of input.ids.entries()) {
      if (active.find((d) => d.id === id)!.position !== position) await tx.update(cf).set({ position }).where(byId(p.tenantId, id));
    }
    const after = input.ids.map((i) => active.find((d) => d.id === i)!.key);
    await audit(tx, ctx.actor, { action: 'reorder', objectType: 'custom_field', objectLabel: input.objectType, changes: { order: [before, after] }, context: { objectType: input.objectType } });
  });
  forgetCustomFields();
}
