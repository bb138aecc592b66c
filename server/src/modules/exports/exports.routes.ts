import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../platform/audit/audit.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { accountExportRows } from './account-export.ts';
import { contactExportRows } from './contact-export.ts';
import { contentTypes, writeTable, type CsvEncoding, type ExportFormat } from './export-writer.ts';
import { exportAccountsQuery, exportContactsQuery } from './exports.types.ts';

const tags = ['Exports'];
const fileResponse = { 200: z.any().describe('the file, streamed') };

/** The export itself is audited (who took which list, in which form) before the first byte leaves. */
async function auditExport(ctx: Ctx, objectType: string, query: Record<string, unknown>) {
  const { format, encoding, columns, ...filters } = query;
  await ctx.db.transaction((tx) => audit(tx, ctx.actor, { action: 'export', objectType, context: { format, encoding, columns, filters } }));
}

function send(reply: FastifyReply, rows: AsyncIterable<string[]>, name: string, q: { format: ExportFormat; encoding: CsvEncoding }, sheetName: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  const charset = q.format === 'csv' ? `; charset=${q.encoding === 'gbk' ? 'gbk' : 'utf-8'}` : '';
  return reply
    .type(contentTypes[q.format] + charset)
    .header('content-disposition', contentDisposition(`${name}-${stamp}.${q.format}`))
    .header('cache-control', 'private, no-cache')
    .send(writeTable(rows, { format: q.format, encoding: q.encoding, sheetName }));
}

export async function exportsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/exports/accounts', {
    config: { permission: { object: 'account', action: 'export' } },
    schema: {
      tags, querystring: exportAccountsQuery, response: fileResponse,
      summary: 'Export the accounts list view (same filters, search and sort as GET /accounts) as XLSX or CSV, within your scope and field rules',
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const { format, encoding, columns, ...q } = req.query;
    await auditExport(ctx, 'account', req.query);
    const locale = ctx.locale ?? 'zh-CN';
    const rows = accountExportRows(ctx.readDb, ctx.principal, { ...q, limit: 1000, count: 'false' }, columns, locale);
    return send(reply, rows, locale === 'zh-CN' ? '客户' : 'accounts', { format, encoding }, locale === 'zh-CN' ? '客户' : 'Accounts');
  });

  app.get('/exports/contacts', {
    config: { permission: { object: 'contact', action: 'export' } },
    schema: {
      tags, querystring: exportContactsQuery, response: fileResponse,
      summary: 'Export the contacts list view (same filters as GET /contacts) as XLSX or CSV, within your scope and field rules',
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const { format, encoding, columns, ...q } = req.query;
    await auditExport(ctx, 'contact', req.query);
    const locale = ctx.locale ?? 'zh-CN';
    const rows = contactExportRows(ctx.readDb, ctx.principal, { ...q, limit: 1000, count: 'false' }, columns, locale);
    return send(reply, rows, locale === 'zh-CN' ? '联系人' : 'contacts', { format, encoding }, locale === 'zh-CN' ? '联系人' : 'Contacts');
  });
}
