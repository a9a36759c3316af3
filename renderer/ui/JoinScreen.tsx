import { useState, type FormEvent } from 'react';
import { parseJoinLink, type JoinLink } from '../session/join-link';
import { useT } from '../i18n/translate';

/** Paste an invitation link to join a negotiation. */
export function JoinScreen({ onJoin, busy, problem }: { onJoin(link: JoinLink): void; busy: boolean; problem: string | null }) {
  const t = useT();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const link = parseJoinLink(text);
    setInvalid(!link);
    if (link) onJoin(link);
  };
  return (
    <main className="join" id="main">
      <h1>{t('join.heading')}</h1>
      <p>{t('join.intro')}</p>
      <form onSubmit={submit}>
        <label>
          {t('join.link')}
          <input value={text} onChange={(e) => setText(e.target.value)} required aria-invalid={invalid} aria-describedby="join-problem" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
      <p id="join-problem" role="alert" className="problem">
        {invalid ? t('join.badLink') : problem}
      </p>
    </main>
  );
}
