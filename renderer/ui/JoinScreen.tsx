import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { parseJoinLink, type JoinLink } from '../session/join-link';
import { useT } from '../i18n/translate';

interface FormProps {
  onJoin(link: JoinLink): void;
  busy: boolean;
  problem: string | null;
  /** Changes each time joining is asked for (the desktop menu's File › Join): the link field takes the focus. */
  focusSignal?: number;
}

/** The invitation link field and Join, with what went wrong. */
function JoinForm({ onJoin, busy, problem, focusSignal = 0 }: FormProps) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (focusSignal > 0) field.current?.focus();
  }, [focusSignal]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const link = parseJoinLink(text);
    setInvalid(!link);
    if (link) onJoin(link);
  };
  return (
    <>
      <form onSubmit={submit}>
        <label>
          {t('join.link')}
          <input ref={field} value={text} onChange={(e) => setText(e.target.value)} required aria-invalid={invalid} aria-describedby={`${id}-problem`} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
      <p id={`${id}-problem`} role="alert" className="problem">
        {invalid ? t('join.badLink') : problem}
      </p>
    </>
  );
}

/** Paste an invitation link to join a negotiation. */
export function JoinScreen(props: FormProps) {
  const t = useT();
  return (
    <main className="join" id="main">
      <h1>{t('join.heading')}</h1>
      <p>{t('join.intro')}</p>
      <JoinForm {...props} />
    </main>
  );
}

/** Joining another negotiation from inside one (the desktop menu's File › Join): a modal dialog, Escape closes it. */
export function JoinDialog({ onClose, ...props }: FormProps & { onClose(): void }) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="join-dialog" aria-labelledby={`${id}-h`} onClose={onClose}>
      <h2 id={`${id}-h`}>{t('join.heading')}</h2>
      <p>{t('join.intro')}</p>
      <JoinForm {...props} />
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('new.cancel')}
        </button>
      </div>
    </dialog>
  );
}
