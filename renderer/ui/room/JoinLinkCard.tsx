import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/translate';

/** The web edition's join link for a token on a server. */
export const webJoinLink = (httpUrl: string, token: string): string => `${httpUrl}/join?token=${encodeURIComponent(token)}`;

/** The desktop app's join link to a session hosted on a desktop, which the app pins to the session's certificate. */
export const appJoinLink = (wsUrl: string, token: string, fingerprint: string): string =>
  `penholder://join?server=${encodeURIComponent(wsUrl)}&token=${encodeURIComponent(token)}&fp=${fingerprint}`;

/**
 * One join link to hand over: the link in a field that selects itself, a Copy button, and its QR code
 * for a phone's camera. The token is seen only here, once: it is not kept after the screen closes.
 */
export function JoinLinkCard({ name, link }: { name: string; link: string }) {
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
      <label htmlFor={`${id}-link`}>{t('room.linkFor', { name })}</label>
      <div className="join-link-row">
        <input id={`${id}-link`} ref={field} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('room.copy')}
        </button>
      </div>
      <p role="status" className="copy-status">
        {copied === 'yes' ? t('room.copied') : copied === 'failed' ? t('room.copyFailed') : ''}
      </p>
      {qr && <img src={qr} alt={t('room.qr', { name })} width={200} height={200} />}
    </div>
  );
}
