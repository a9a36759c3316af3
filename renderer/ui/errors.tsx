import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { CommandRefused } from '../../shared/model/command-refused';
import { useT } from '../i18n/translate';

/** A refusal as shown: its stable code (explained in the interface language) and the model's English words. */
export interface Refusal {
  code: CommandRefused['code'];
  message: string;
}

type Report = (refusal: Refusal | null) => void;
const ErrorContext = createContext<Report>(() => undefined);

/**
 * Runs a command and shows its refusal in words. The model refuses with a stable code, explained in
 * the interface language, and an English sentence naming the paragraph, shown as the detail.
 * Anything else is a bug and is rethrown. A command that succeeds clears the last refusal.
 */
export function useRun(): <T>(command: () => T) => T | undefined {
  const report = useContext(ErrorContext);
  return useCallback(
    <T,>(command: () => T): T | undefined => {
      try {
        const result = command();
        report(null);
        return result;
      } catch (error) {
        if (error instanceof CommandRefused) {
          report({ code: error.code, message: error.message });
          return undefined;
        }
        throw error;
      }
    },
    [report],
  );
}

/** The refusal's explanation: translated words for its code, the model's sentence as detail. */
export function RefusalText({ refusal }: { refusal: Refusal }) {
  const t = useT();
  return (
    <span className="refusal" data-code={refusal.code}>
      <strong>{t(`refused.${refusal.code}`)}</strong>{' '}
      <span className="detail">
        {t('error.detail')} <span lang="en">{refusal.message}</span>
      </span>
    </span>
  );
}

/** Shows refusals in a live region that a screen reader announces. */
export function ErrorProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return (
    <ErrorContext.Provider value={setRefusal}>
      {children}
      <div className="toast-region" role="alert" aria-live="assertive">
        {refusal && (
          <div className="toast">
            <RefusalText refusal={refusal} />
            <button type="button" onClick={() => setRefusal(null)}>
              {t('error.dismiss')}
            </button>
          </div>
        )}
      </div>
    </ErrorContext.Provider>
  );
}
