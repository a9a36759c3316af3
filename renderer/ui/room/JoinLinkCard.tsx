import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/translate';

/** The web edition's join link for a token on a server. */
export const webJoinLink = (httpUrl: string, token: string): string => `${httpUrl}/join?token=${encodeURIComponent(token)}`;

/** The desktop app's join link to a session hosted on a desktop, which the app pins to the session's certificate. */
export const appJoinLink = (wsUrl: string, token: string, fingerprint: string): string =>
  `penholder://join?server=${encodeURIComponent(wsUrl)}&token=${encodeURIComponent(token)}&fp=${fingerprint}`;

/** A session hosted on a desktop, as a browser joins it: the web edition the session serves over https. */
export const hostedWebJoinLink = (httpUrl: string, token: string, fingerprint: string): string => `${webJoinLink(httpUrl, token)}&fp=${fingerprint}`;

/** Which link a card holds: the one link of a server, or, for a session hosted on a desktop, the app's or a browser's. */
export type LinkKind = 'join' | 'app' | 'browser';
const LABELS = {
  join: { label: 'room.linkFor', qr: 'room.qr' },
  app: { label: 'room.appLinkFor', qr: 'room.appQr' },
  browser: { label: 'room.browserLinkFor', qr: 'room.browserQr' },
} as const;

/**
 * One join link to hand over: the link in a field that selects itself, a Copy button, and its QR code
 * for a phone's camera; `children` say how to use it. The token is seen only here, once: it is not kept
 * after the screen closes.
 */
export function JoinLinkCard({ name, link, kind = 'join', children }: { name: string; link: string; kind?: LinkKind; children?: ReactNode }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(link, { margin: 2, width: 200, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // The clipboard is refused outside a secure context: the link is selected for Ctrl+C instead.
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="join-link-card">
      <label htmlFor={`${id}-link`}>{t(LABELS[kind].label, { name })}</label>
      <div className="join-link-row">
        <input id={`${id}-link`} ref={field} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('room.copy')}
        </button>
      </div>
      <p role="status" className="copy-status">
        {copied === 'yes' ? t('room.copied') : copied === 'failed' ? t('room.copyFailed') : ''}
      </p>
      {children}
      {qr && <img src={qr} alt={t(LABELS[kind].qr, { name })} width={200} height={200} />}
    </div>
  );
}
