import { useT } from '../../i18n/translate';
import { JoinLinkCard } from './JoinLinkCard';

/**
 * The two ways into a session hosted on a desktop, side by side: the app's link, which pins the
 * session's certificate by itself, and a browser's link for a delegate without the app, with why the
 * browser will warn and the certificate's SHA-256 to compare before going past the warning.
 */
export function HostedLinks({ name, appLink, browserLink, certificateSha256 }: { name: string; appLink: string; browserLink: string; certificateSha256: string }) {
  const t = useT();
  return (
    <div className="hosted-links" role="group" aria-label={t('host.linksFor', { name })}>
      <JoinLinkCard kind="app" name={name} link={appLink}>
        <p className="link-note">{t('host.appNote')}</p>
      </JoinLinkCard>
      <JoinLinkCard kind="browser" name={name} link={browserLink}>
        <p className="link-note">{t('host.browserNote')}</p>
        <p className="link-note">
          {t('host.certificateSha256')} <code className="fingerprint">{certificateSha256}</code>
        </p>
      </JoinLinkCard>
    </div>
  );
}
