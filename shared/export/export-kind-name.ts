import type { ExportRequest } from './export-request';

const revisionName = (n: number): string => (n === 0 ? 'zero-draft' : `rev${n}`);

/**
 * What an export's file name says after the document's name: its kind and which text ("clean-rev1",
 * "redline-rev2-since-zero-draft", "compilation"), so that the zero draft, Rev.1 and the current text exported
 * one after the other do not take each other's name in the downloads folder.
 */
export function exportKindName(request: Pick<ExportRequest, 'kind' | 'revision' | 'base'>): string {
  if (request.kind === 'compilation') return 'compilation';
  const target = request.revision === undefined ? [] : [revisionName(request.revision)];
  const base = request.kind === 'redline' && request.base !== undefined ? [`since-${request.base === 'original' ? 'original' : revisionName(request.base)}`] : [];
  return [request.kind, ...target, ...base].join('-');
}
