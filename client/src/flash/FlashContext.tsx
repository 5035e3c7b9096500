import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export type FlashType = 'success' | 'danger';

interface FlashMessage {
  id: number;
  text: string;
  type: FlashType;
}

interface Flash {
  message: FlashMessage | null;
  show: (text: string, type: FlashType) => void;
  dismiss: () => void;
}

/** How long a flash message stays (the original hid it after 3 s). */
export const FLASH_MILLIS = 3000;

const FlashContext = createContext<Flash | null>(null);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<FlashMessage | null>(null);
  const nextId = useRef(1);

  const show = useCallback((text: string, type: FlashType) => {
    setMessage({ id: nextId.current++, text, type });
  }, []);
  const dismiss = useCallback(() => setMessage(null), []);

  // A newer message replaces the old one and restarts the 3 s clock.
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), FLASH_MILLIS);
    return () => window.clearTimeout(timer);
  }, [message]);

  const value = useMemo(() => ({ message, show, dismiss }), [message, show, dismiss]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useFlash(): Flash {
  const flash = useContext(FlashContext);
  if (!flash) throw new Error('useFlash outside FlashProvider');
  return flash;
}

/** The alert itself: success or danger, a close ×, announced to screen readers. */
export function FlashMessages() {
  const { message, dismiss } = useFlash();
  if (!message) return null;
  return (
    <div key={message.id} className={`alert alert-${message.type}`} role="alert">
      <span className="alert-text">{message.text}</span>
      <button type="button" className="alert-close" aria-label="Close" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
