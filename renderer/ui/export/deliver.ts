/** Hands bytes to the user as a downloaded file (the browser's save, or the desktop's download dialog). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL only needs to live until the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Prints a self-contained HTML page from a hidden frame: the browser's print dialog, where "Save as
 * PDF" makes the PDF. Resolves once the dialog has been handed the page; the frame stays (marked
 * `data-export-print`) until the next print, so the page is there while the dialog shows it.
 */
export async function printHtml(html: string, title: string): Promise<void> {
  document.querySelector('iframe[data-export-print]')?.remove();
  const frame = document.createElement('iframe');
  frame.dataset.exportPrint = '';
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 0; height: 0; border: 0;';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  frame.contentWindow?.focus();
  frame.contentWindow?.print();
}

/** A file name from the document's symbol or title, the kind and revision (`exportKindName`) and the extension. */
export function exportFileName(symbolOrTitle: string, kind: string, extension: string): string {
  const base = symbolOrTitle.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'negotiation';
  return `${base}-${kind}.${extension}`;
}
