import { useCallback, useState } from 'react';
import { errorText } from '../api/errors';

/** A form's submit: busy while it runs, and the API's Thai error text when it fails. */
export function useSubmit(): {
  busy: boolean;
  error: string | null;
  setError(error: string | null): void;
  run(work: () => Promise<void>): Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
