import { useCallback, useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { useExportRequests, type ExportKind } from './export-requests';
import { useT } from '../../i18n/translate';

/** The "Export…" button of the open negotiation, and its dialog; also opened by `openExportDialog` (the desktop menu). */
export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState<ExportKind | null>(null);
  useExportRequests(useCallback((kind: ExportKind) => setOpen(kind), []));
  return (
    <>
      <button type="button" className="export-open" aria-haspopup="dialog" onClick={() => setOpen('clean')}>
        {t('export.open')}
      </button>
      {open && <ExportDialog initialKind={open} onClose={() => setOpen(null)} />}
    </>
  );
}
