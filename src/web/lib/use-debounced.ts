import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (for live checks while typing). */
export function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // The JSON key compares by content, so a new array with the same items does not restart the wait.
  }, [key, ms]);
  return settled;
}
