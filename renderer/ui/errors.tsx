import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { CommandRefused } from '../../shared/model/command-refused';
import { useT } from '../i18n/translate';

type Report = (message: string) => void;
const ErrorContext = createContext<Report>(() => undefined);

/**
 * Runs a command and shows its refusal in words. The model's refusals are written for users
 * ("OP4 is agreed; reopen it explicitly before changing it."); anything else is a bug and is rethrown.
 */
export function useRun(): <T>(command: () => T) => T | undefined {
  const report = useContext(ErrorContext);
  return useCallback(
    <T,>(command: () => T): T | undefined => {
      try {
        return command();
      } catch (error) {
        if (error instanceof CommandRefused) {
          report(error.message);
          return undefined;
        }
        throw error;
      }
    },
    [report],
  );
}

/** Shows refusals in a live region that a screen reader announces. */
export function ErrorProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <ErrorContext.Provider value={setMessage}>
      {children}
      <div className="toast-region" role="alert" aria-live="assertive">
        {message && (
          <div className="toast">
            <span>{t('error.refused', { message })}</span>
            <button type="button" onClick={() => setMessage(null)}>
              {t('error.dismiss')}
            </button>
          </div>
        )}
      </div>
    </ErrorContext.Provider>
  );
}
