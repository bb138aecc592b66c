import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../platform/access/principal.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { contextOf } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { bulkUpsertAccounts, bulkUpsertBody, bulkUpsertResult } from './bulk-upsert.ts';
import { errorReport } from './error-report.ts';
import { describeReason } from './issue-reasons.ts';
import {
  applySettings, getImport, MAX_IMPORT_BYTES, previewImport, resumeImport, sampleRows, startImport, uploadImport,
} from './imports.commands.ts';
import { presentImport } from './imports.presenter.ts';
import { importJobs } from './imports.schema.ts';
import {
  importListSchema, importParams, importSchema, importSettingsBody, importTargetListSchema, previewSchema, reportQuery, uploadImportQuery,
} from './imports.types.ts';
import { importTarget, importTargetNames } from './targets/import-target.ts';
import './targets/index.ts';

const tags = ['Imports'];

/**
 * Every route declares `{ signedIn: true }`: the object whose `import` right is needed is the
 * import's target (accounts, contacts…), chosen per request. targetFor() checks it in each handler
 * before anything is read or written (403), and an import is visible to its importer only (404).
 */
export async function importsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/imports/targets', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Objects you may import into, with their fields (custom fields included)', response: { 200: importTargetListSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const names = importTargetNames().filter((n) => can(ctx.principal, importTarget(n)!.object, 'import'));
    const items = await Promise.all(names.map(async (n) => {
      const t = importTarget(n)!;
      const fields = await t.fields(ctx.readDb, ctx.principal.tenantId);
      return { name: t.name, object: t.object, label: t.label, fields: fields.map((f) => ({ key: f.key, label: f.label, required: f.required })) };
    }));
    return { items };
  });

  app.get('/imports', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Your imports, newest first', response: { 200: importListSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await ctx.db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.tenantId, ctx.principal.tenantId), eq(importJobs.createdBy, ctx.principal.userId)))
      .orderBy(desc(importJobs.createdAt))
      .limit(50);
    return { items: rows.map((r) => presentImport(r)) };
  });

  app.get('/imports/:id', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'An import: how the file is read, its mapping and progress (poll it while it runs)', params: importParams, response: { 200: importSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const job = await getImport(ctx, req.params.id);
    return presentImport(job, job.state === 'draft' ? await sampleRows(job) : undefined);
  });

  app.post('/imports/:id/preview', {
    config: { permission: { signedIn: true } },
    schema: {
      tags, summary: 'Save reading and mapping settings of a draft and preview its first rows as they will be stored',
      params: importParams, body: importSettingsBody, response: { 200: previewSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const job = await applySettings(ctx, await getImport(ctx, req.params.id), req.body);
    const rows = await previewImport(ctx, job);
    const locale = ctx.locale ?? 'zh-CN';
    return {
      import: presentImport(job, await sampleRows(job)),
      rows: rows.map((r) => ({ ...r, issues: r.issues.map((i) => ({ ...i, reason: describeReason(i.reason, locale) })) })),
    };
  });

  app.post('/imports/:id/run', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Run a draft import in the background with these settings', params: importParams, body: importSettingsBody, response: { 202: importSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const job = await applySettings(ctx, await getImport(ctx, req.params.id), req.body);
    return reply.status(202).send(presentImport(await startImport(ctx, job)));
  });

  app.post('/imports/:id/resume', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Resume a failed or stalled import from its last committed batch', params: importParams, response: { 202: importSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    return reply.status(202).send(presentImport(await resumeImport(ctx, await getImport(ctx, req.params.id))));
  });

  app.get('/imports/:id/errors', {
    config: { permission: { signedIn: true } },
    schema: {
      tags, summary: 'The rows that failed, with reasons, as CSV or XLSX: fix them and import the file again',
      params: importParams, querystring: reportQuery,
      response: { 200: z.any().describe('the report file') },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const job = await getImport(ctx, req.params.id);
    const { format } = req.query;
    const base = job.fileName.replace(/\.[^.]+$/, '');
    return reply
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${base}-errors.${format}`))
      .header('cache-control', 'private, no-cache')
      .send(errorReport(ctx.db, job, ctx.locale ?? 'zh-CN', format));
  });

  app.post('/accounts/bulk-upsert', {
    config: { permission: { object: 'account', action: 'import' } },
    schema: {
      tags, summary: 'Create or update up to 1,000 accounts keyed by your system\'s id (ERP sync), in one transaction',
      body: bulkUpsertBody, response: { 200: bulkUpsertResult },
    },
  }, async (req) => bulkUpsertAccounts(contextOf(req), req.body));

  await app.register(uploadRoute);
}

/** Its own plugin: the body is the file itself, streamed to the file store (see attachments' upload). */
async function uploadRoute(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.put('/imports', {
    config: { permission: { signedIn: true } },
    bodyLimit: MAX_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Upload a CSV, XLSX or XLS file to import (needs: import on the target object); returns a draft with a suggested mapping',
      description: 'Send the raw bytes as the request body and the file name in `fileName`.',
      querystring: uploadImportQuery,
      response: { 201: importSchema },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) {
      reply.header('connection', 'close');
      throw new AppError('payload_too_large', { maxBytes: MAX_IMPORT_BYTES });
    }
    const job = await uploadImport(ctx, { ...req.query, body: req.body });
    return reply.status(201).send(presentImport(job, await sampleRows(job)));
  });
}
