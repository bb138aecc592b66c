import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/factories.ts';
import { runImport } from './imports.engine.ts';
import { importRows } from './imports.schema.ts';
import { SAMPLES, setupImportTest, uploadFile, type ImportTest } from './testing/import-test-kit.ts';

/**
 * Every sample file imports with the right record count, through the same path as the UI: upload,
 * mapping, run. Customer-like files map their own columns (客户名称, NAME…); the bank and wallet
 * exports, which hold no customers, have their first column mapped to the account name — a generic
 * target that makes each data row one record — so their count is checked through the whole engine.
 * Data rows = rows after the header, without preamble lines, empty rows and the notes or 合计 lines
 * under the table.
 */
const expected: Record<string, number> = {
  'cn-crm-import-templates/MrBigGreen-CRM_合同导入模板.xls': 0,
  'cn-crm-import-templates/MrBigGreen-CRM_客户导入模板.xls': 1,
  'cn-crm-import-templates/lead-system_客户导入模板.xlsx': 3,
  'cn-finance-exports-gbk/abc_debit/example-abc_debit-records.csv': 5,
  'cn-finance-exports-gbk/bmo/credit/example-bmo-records.csv': 3,
  'cn-finance-exports-gbk/bmo/debit/example-bmo-records.csv': 4,
  'cn-finance-exports-gbk/boc/credit/example-boc-records.csv': 14,
  'cn-finance-exports-gbk/boc/debit/example-boc-records.csv': 17,
  'cn-finance-exports-gbk/bocom_credit/example-bocom_credit-records.csv': 8,
  'cn-finance-exports-gbk/bocom_debit/example-bocom_debit-records.csv': 6,
  'cn-finance-exports-gbk/ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls': 6,
  'cn-finance-exports-gbk/cgb_credit/example-cgb_credit-records.csv': 4,
  'cn-finance-exports-gbk/citic/credit/example-citic-records.xls': 13,
  'cn-finance-exports-gbk/cmb/credit/example-cmb-records.csv': 6,
  'cn-finance-exports-gbk/cmb/debit/example-cmb-records.csv': 5,
  'cn-finance-exports-gbk/hsbchk/credit/example-hsbchk-credit-records.csv': 11,
  'cn-finance-exports-gbk/hsbchk/debit/example-hsbchk-debit-records.csv': 10,
  'cn-finance-exports-gbk/htsec/example-htsec-records.xlsx': 10,
  'cn-finance-exports-gbk/huobi/example-huobi-records.csv': 3,
  'cn-finance-exports-gbk/icbc/credit/example-icbc-credit-records.csv': 9,
  'cn-finance-exports-gbk/icbc/debit-v1/example-icbc-debit-v1-records.csv': 11,
  'cn-finance-exports-gbk/icbc/debit-v2/example-icbc-debit-v2-records.csv': 11,
  'cn-finance-exports-gbk/jd/example-jd-records.csv': 26,
  'cn-finance-exports-gbk/mt/example-mt-records.csv': 29,
  'cn-finance-exports-gbk/spdb_debit/example-spdb_debit-records.xls': 4,
  'cn-finance-exports-gbk/td/example-td-records.csv': 9,
  'cn-finance-exports-gbk/wechat/example-wechat-records.csv': 27,
  'cn-finance-exports-gbk/wechat/example-wechat-records.xlsx': 27,
  'salesforce-dataloader-testfiles/20kRows.csv': 20000,
  'salesforce-dataloader-testfiles/SoqlInClauseFromCSV.csv': 20,
  'salesforce-dataloader-testfiles/accountsForInsert.csv': 4,
  'salesforce-dataloader-testfiles/acctsWithBinaryDataInRTF.csv': 1,
  'salesforce-dataloader-testfiles/bulkV2MultipleJobsCsvTemplate.csv': 100,
  'salesforce-dataloader-testfiles/constantMappingInCsv.csv': 2,
  'salesforce-dataloader-testfiles/constantMappingInCsvClashing.csv': 2,
  'salesforce-dataloader-testfiles/createAttachmentMultipleFilesTemplate.csv': 3,
  'salesforce-dataloader-testfiles/createAttachmentTemplate.csv': 1,
  'salesforce-dataloader-testfiles/csvEscapedQuotes.csv': 2,
  'salesforce-dataloader-testfiles/csvSeparator.csv': 2,
  'salesforce-dataloader-testfiles/csvtext.csv': 2,
  'salesforce-dataloader-testfiles/csvtext_BOM_UTF8.csv': 2,
  'salesforce-dataloader-testfiles/dateEndingInZ.csv': 1,
  'salesforce-dataloader-testfiles/dateOnlyWithTimeZone.csv': 2,
  'salesforce-dataloader-testfiles/dateUsingDefaultTimeZone.csv': 1,
  'salesforce-dataloader-testfiles/dateWithTimeZone.csv': 2,
  'salesforce-dataloader-testfiles/deleteAccountCsvTemplate.csv': 100,
  'salesforce-dataloader-testfiles/emptyFirstRowFieldValueInCsvTemplate.csv': 2,
  'salesforce-dataloader-testfiles/hardDelete1AccountCsvTemplate.csv': 1,
  'salesforce-dataloader-testfiles/hardDeleteAccountCsvTemplate.csv': 100,
  'salesforce-dataloader-testfiles/hardDeleteBulkApiSetToFalseTemplate.csv': 1,
  'salesforce-dataloader-testfiles/hardDeleteEmptyCsvFileTemplate.csv': 0,
  'salesforce-dataloader-testfiles/hardDeleteIDFromOtherObjectFailsTemplate.csv': 1,
  'salesforce-dataloader-testfiles/hardDeleteInvalidIDFailsOtherValidIDPassesTemplate.csv': 3,
  'salesforce-dataloader-testfiles/hardDeleteInvalidInputTemplate.csv': 1,
  'salesforce-dataloader-testfiles/hardDeleteSameObjectIDSucceedsOtherObjectIDFailsTemplate.csv': 2,
  'salesforce-dataloader-testfiles/hardDeleteUserPermOffTemplate.csv': 100,
  'salesforce-dataloader-testfiles/insertAccountCsv.csv': 100,
  'salesforce-dataloader-testfiles/insertAccountWithMultipleBatchesCSV.csv': 3,
  'salesforce-dataloader-testfiles/insertTaskWithContactAsWhoCsv.csv': 1,
  'salesforce-dataloader-testfiles/oneToManySforceFieldsMappingInCsv.csv': 2,
  'salesforce-dataloader-testfiles/polymorphicRelationshipInAttachment.csv': 2,
  'salesforce-dataloader-testfiles/timeZoneFormatTesting.csv': 12,
  'salesforce-dataloader-testfiles/timeZoneFormatTestingWithErrors.csv': 6,
  'salesforce-dataloader-testfiles/updateAccountCsvTemplate.csv': 100,
  'salesforce-dataloader-testfiles/updateAccountWithExternalIdCsvTemplate.csv': 5,
  'salesforce-dataloader-testfiles/upsertAccountCsvTemplate.csv': 100,
  'salesforce-dataloader-testfiles/upsertAccountSmallTemplate.csv': 10,
  'salesforce-dataloader-testfiles/upsertFkAccountNewFormatCsvTemplate.csv': 5,
  'salesforce-dataloader-testfiles/upsertFkAccountOldFormatCsvTemplate.csv': 50,
  'salesforce-dataloader-testfiles/upsertWithRowOffsetTemplate.csv': 10,
};

function sampleFiles(dir = SAMPLES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sampleFiles(full);
    return e.name === 'LICENSE' || e.name.startsWith('.') ? [] : [path.relative(SAMPLES, full)];
  });
}

let t: ImportTest;
let admin: Client;
beforeAll(async () => {
  t = await setupImportTest();
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

describe('sample files', () => {
  it('lists a count for every sample file', () => {
    expect(sampleFiles().sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('imports %s with %i records', async (file, rows) => {
    const up = await uploadFile(t, admin, path.basename(file), fs.readFileSync(path.join(SAMPLES, file)));
    expect(up.status).toBe(201);
    const hasName = up.body.mapping.some((m: { field: string }) => m.field === 'name');
    const mapping = hasName ? up.body.mapping : [{ column: 0, field: 'name' }];
    const run = await admin.post(`/api/v1/imports/${up.body.id}/run`, { mapping, duplicatePolicy: 'create' });
    expect(run.status).toBe(202);
    await runImport(t.database, t.company.tenantId, up.body.id);

    const done = await admin.get(`/api/v1/imports/${up.body.id}`);
    expect(done.body).toMatchObject({ state: 'done', totalRows: rows, processed: rows });
    expect(done.body.created + done.body.errors + done.body.skipped).toBe(rows);
    const [{ n }] = await t.db.select({ n: count() }).from(importRows)
      .where(and(eq(importRows.tenantId, t.company.tenantId), eq(importRows.importId, up.body.id)));
    expect(n).toBe(rows);
  }, 600_000); // 20kRows.csv takes minutes on a loaded machine
});
