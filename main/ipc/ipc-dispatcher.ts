import { CONTRACT, calls, type Method, type Namespace, type PenholderHandlers } from '../../shared/ipc/contract';
import { IpcArgumentError } from '../../shared/ipc/validate';

/** The parts of Electron's IpcMainInvokeEvent the dispatcher reads. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The parts of Electron's ipcMain the dispatcher registers with. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Who may call: the app's own windows, showing the app's own page, from their top frame. */
export interface SenderPolicy {
  /** Whether a webContents id belongs to one of the app's windows. */
  isAppWindow(webContentsId: number): boolean;
  /** Whether a page URL is the app's own renderer (e.g. app://penholder/…). */
  isAppPage(url: string): boolean;
}

/** A call was refused before reaching a service. */
export class IpcRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefused';
  }
}

/** The app's renderer is served from app://penholder/ (see main/electron/app-protocol.ts). */
export function appPagePolicy(isAppWindow: (id: number) => boolean, origin = 'app://penholder'): SenderPolicy {
  return {
    isAppWindow,
    isAppPage: (url) => {
      try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}` === origin;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Receives every call of the contract: checks the sender (an app window, its top frame, the app's
 * page), then the arguments against the contract's validators, and only then calls the handler.
 */
export class IpcDispatcher {
  constructor(
    private readonly handlers: PenholderHandlers,
    private readonly policy: SenderPolicy,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Handles one call; the result or a refusal as the renderer's promise sees it. */
  async dispatch(channel: string, event: IpcEventLike, args: unknown[]): Promise<unknown> {
    const call = calls().find(([, , c]) => c === channel);
    if (!call) throw this.refuse(`unknown channel ${channel}`);
    const [namespace, name] = call;
    const frame = event.senderFrame;
    if (!this.policy.isAppWindow(event.sender.id)) throw this.refuse(`${channel} from a webContents that is not an app window`);
    if (!frame || frame.parent !== null) throw this.refuse(`${channel} from a subframe`);
    if (!this.policy.isAppPage(frame.url)) throw this.refuse(`${channel} from ${frame.url}, not the app's page`);
    const method = (CONTRACT[namespace] as Record<string, Method<unknown[], unknown>>)[name]!;
    if (args.length !== method.args.length) throw new IpcArgumentError(`${namespace}.${name} takes ${method.args.length} argument(s); got ${args.length}.`);
    const checked = method.args.map((validate, i) => validate(args[i], `${namespace}.${name} argument ${i + 1}`));
    const handler = (this.handlers[namespace as Namespace] as Record<string, (...a: unknown[]) => unknown>)[name]!;
    return handler(...checked);
  }

  /** Registers every channel with ipcMain; returns the function that removes them. */
  register(ipcMain: IpcMainLike): () => void {
    const channels = calls().map(([, , c]) => c);
    for (const channel of channels) ipcMain.handle(channel, (event, ...args) => this.dispatch(channel, event, args));
    return () => channels.forEach((c) => ipcMain.removeHandler(c));
  }

  private refuse(what: string): IpcRefused {
    this.log(`IPC refused: ${what}`);
    return new IpcRefused('This call is not allowed.');
  }
}
