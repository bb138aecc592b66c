import { useState } from 'react';
import { Button, Tooltip, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { VCardImportResult } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { exportVCardUrl, importVCard } from './import-vcard';
import { VCardImportResultModal } from './VCardImportResultModal';

/** More ids make the address longer than servers accept; a selection is a handful of people. */
export const MAX_EXPORT_IDS = 300;

/**
 * vCard import (a phone's address book: 2.1, 3.0, 4.0) and export. On an account page both work on
 * its contacts; on the contacts list the export takes the selected rows. Each needs its right.
 */
export function VCardButtons({ target, onImported, canImport = true, canExport = true }: {
  target: { ids: string[] } | { accountId: string };
  onImported: () => void;
  /** the page's own conditions beside the role's import and export rights */
  canImport?: boolean;
  canExport?: boolean;
}) {
  const t = useT();
  const { access } = useSignedIn();
  const report = useReportError();
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<VCardImportResult>();
  const accountId = 'accountId' in target ? target.accountId : undefined;
  const ids = 'ids' in target ? target.ids : undefined;

  const upload = async (file: File) => {
    setImporting(true);
    try {
      setResult(await importVCard(file, accountId));
      onImported();
    } catch (err) {
      report(err);
    } finally {
      setImporting(false);
    }
  };

  const exportable = !ids || (ids.length > 0 && ids.length <= MAX_EXPORT_IDS);
  const exportHint = ids && !ids.length ? t('vcard.export.select') : ids && ids.length > MAX_EXPORT_IDS ? t('vcard.export.tooMany', { n: MAX_EXPORT_IDS }) : undefined;
  return (
    <>
      {canImport && access.can('contact', 'import') && (
        <Upload
          accept=".vcf,.vcard,text/vcard,text/x-vcard"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            // Sent by upload() as the raw body, not by the component's form post.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importing}>
            {t('vcard.import')}
          </Button>
        </Upload>
      )}
      {canExport && access.can('contact', 'export') && (
        <Tooltip title={exportHint}>
          <Button icon={<DownloadOutlined />} disabled={!exportable} href={exportable ? exportVCardUrl(target) : undefined} download>
            {ids?.length ? t('vcard.export.selected', { n: ids.length }) : t('vcard.export')}
          </Button>
        </Tooltip>
      )}
      {result && <VCardImportResultModal result={result} onClose={() => setResult(undefined)} />}
    </>
  );
}
