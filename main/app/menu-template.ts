import type { MenuCommand } from '../../shared/ipc/contract';

/** One item of the application menu, as data (main/electron/menu.ts turns it into Electron's Menu). */
export type MenuItem =
  | { label: string; accelerator?: string; command: MenuCommand }
  | { label: string; accelerator?: string; action: 'open' | 'import' | 'recent' }
  | { role: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'toggleDevTools' | 'togglefullscreen' | 'minimize' | 'close' | 'quit' | 'about' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'hide' | 'hideOthers' | 'unhide' | 'front' }
  | { separator: true };

export interface MenuSection {
  label: string;
  items: MenuItem[];
}

/** The application menu with its keyboard shortcuts (CmdOrCtrl: ⌘ on macOS, Ctrl elsewhere). */
export function menuTemplate(platform: string, options: { devTools: boolean }): MenuSection[] {
  const mac = platform === 'darwin';
  const sections: MenuSection[] = [];
  if (mac) sections.push({ label: 'Penholder', items: [{ role: 'about' }, { separator: true }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { separator: true }, { role: 'quit' }] });
  sections.push({
    label: 'File',
    items: [
      { label: 'New Negotiation…', accelerator: 'CmdOrCtrl+N', command: 'new-negotiation' },
      { label: 'Join with an Invitation…', accelerator: 'CmdOrCtrl+J', command: 'join' },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', action: 'open' },
      { label: 'Open Recent', action: 'recent' },
      { separator: true },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', command: 'save' },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', command: 'save-as' },
      { separator: true },
      { label: 'Import Text (.docx, .txt, .md)…', accelerator: 'CmdOrCtrl+I', action: 'import' },
      { label: 'Export Clean Text…', accelerator: 'CmdOrCtrl+E', command: 'export-clean' },
      { label: 'Export Compilation Text…', accelerator: 'CmdOrCtrl+Shift+E', command: 'export-compilation' },
      { separator: true },
      { label: 'Host a Session on this Network…', accelerator: 'CmdOrCtrl+Shift+H', command: 'host-session' },
      ...(mac ? [] : [{ separator: true } as const, { role: 'quit' } as const]),
    ],
  });
  sections.push({
    label: 'Edit',
    items: [{ role: 'undo' }, { role: 'redo' }, { separator: true }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { separator: true }, { label: 'Find…', accelerator: 'CmdOrCtrl+F', command: 'find' }, { label: 'Propose an Amendment…', accelerator: 'CmdOrCtrl+Shift+P', command: 'propose' }],
  });
  sections.push({
    label: 'View',
    items: [
      { label: 'Text', accelerator: 'CmdOrCtrl+1', command: 'show-text' },
      { label: 'Compilation Text', accelerator: 'CmdOrCtrl+2', command: 'show-compilation' },
      { label: 'Clean Text', accelerator: 'CmdOrCtrl+3', command: 'show-clean-text' },
      { separator: true },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ separator: true } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  });
  sections.push({ label: 'Window', items: [{ role: 'minimize' }, { role: 'close' }, ...(mac ? [{ role: 'front' } as const] : [])] });
  return sections;
}
