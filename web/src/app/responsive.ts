import { useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint the side menu becomes a drawer and forms use one column.
const query = '(max-width: 767.98px)';

function subscribe(onChange: () => void) {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** True on a phone-sized screen; read synchronously so the first paint already has the right layout. */
export const useIsMobile = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
