import { useContext, useEffect, useId, useRef, useState } from 'react';
import { I18nContext } from '../i18n/translate';
import { readDateTime, type DateTimeText } from './date-time';
import { dateInWords, monthName } from './format';

/**
 * A date and time typed in the interface language's order (day/month/year) on the 24-hour clock,
 * whatever the browser's own locale: two labelled text fields in a group named by `label`. What was
 * typed is read back in words ("That is Tuesday 28 April 2026 at 18:30"); an impossible date says what
 * is wrong once the person leaves the field or submits, and the form is not submitted until it is right.
 */
export function DateTimeField({ label, value, onChange, required = false }: { label: string; value: DateTimeText; onChange(value: DateTimeText): void; required?: boolean }) {
  const { t, language } = useContext(I18nContext);
  const id = useId();
  const [told, setTold] = useState(false);
  const date = useRef<HTMLInputElement>(null);
  const time = useRef<HTMLInputElement>(null);
  const reading = readDateTime(value);
  const problem =
    reading.state === 'bad'
      ? t(reading.problem, { ...reading.values, monthName: reading.values?.month ? monthName(Number(reading.values.month), language) : '' })
      : null;
  const wrong = reading.state === 'bad' ? reading.field : null;
  // The browser refuses to submit the form while the field at fault says what is wrong.
  useEffect(() => {
    date.current?.setCustomValidity(wrong === 'date' ? problem! : '');
    time.current?.setCustomValidity(wrong === 'time' ? problem! : '');
  }, [wrong, problem]);
  const shown = told && problem;
  const field = (which: 'date' | 'time') => ({
    ref: which === 'date' ? date : time,
    value: value[which],
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    required,
    size: which === 'date' ? 10 : 5,
    'aria-invalid': shown && wrong === which ? true : undefined,
    'aria-describedby': shown && wrong === which ? `${id}-problem` : reading.state === 'ok' ? `${id}-reads` : undefined,
    onChange: (e: { target: HTMLInputElement }) => (setTold(false), onChange({ ...value, [which]: e.target.value })),
    onInvalid: () => setTold(true),
  });
  return (
    <fieldset
      className="date-time"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setTold(true);
      }}
    >
      <legend>{label}</legend>
      <label>
        {t('datetime.date')}
        <input {...field('date')} />
      </label>
      <label>
        {t('datetime.time')}
        <input {...field('time')} />
      </label>
      {shown ? (
        <p id={`${id}-problem`} className="problem" role="alert">
          {problem}
        </p>
      ) : (
        reading.state === 'ok' && (
          <p id={`${id}-reads`} className="reads" aria-live="polite">
            {t('datetime.reads', { when: dateInWords(reading.at, language) })}
          </p>
        )
      )}
    </fieldset>
  );
}
