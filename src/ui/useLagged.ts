// A value that follows another one task later, to spread two heavy redraws over two browser tasks.
import { useEffect, useState } from 'react';

export function useLagged<T>(value: T): T {
  const [lagged, setLagged] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setLagged(value), 0);
    return () => clearTimeout(t);
  }, [value]);
  return lagged;
}
