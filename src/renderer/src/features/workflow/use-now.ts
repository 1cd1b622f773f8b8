import { useEffect, useState } from 'react';

/** The current time, updated every `ms` while mounted (for "has this passed yet?" on screen). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
