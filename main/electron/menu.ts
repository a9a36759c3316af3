import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { RecentNegotiation } from '../../shared/ipc/contract';
import { menuTemplate, type MenuItem } from '../app/menu-template';

/** Builds Electron's application menu from the menu template. */
export function buildMenu(handlers: { command: (c: MenuCommand) => void; open: () => void; import: () => void; recent: () => RecentNegotiation[]; openRecent: (r: RecentNegotiation) => void }, devTools: boolean): Menu {
  const item = (i: MenuItem): MenuItemConstructorOptions => {
    if ('separator' in i) return { type: 'separator' };
    if ('role' in i) return { role: i.role };
    if ('command' in i) return { label: i.label, accelerator: i.accelerator, click: () => handlers.command(i.command) };
    if (i.action === 'recent') {
      const recent = handlers.recent();
      return { label: i.label, enabled: recent.length > 0, submenu: recent.map((r) => ({ label: r.title, click: () => handlers.openRecent(r) })) };
    }
    return { label: i.label, accelerator: i.accelerator, click: i.action === 'open' ? handlers.open : handlers.import };
  };
  return Menu.buildFromTemplate(menuTemplate(process.platform, { devTools }).map((s) => ({ label: s.label, submenu: s.items.map(item) })));
}
