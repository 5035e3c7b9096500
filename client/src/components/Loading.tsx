import type { ReactNode } from 'react';
import type { Load } from '../api/useLoad';

/** Shown while a page waits for the API; announced politely to screen readers. */
export function Loading({ what = 'Loading...' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** A failed load: the friendly message in place of the page's content. */
export function LoadError({ message }: { message: string }) {
  return (
    <div className="notification is-danger" role="alert">
      {message}
    </div>
  );
}

/** The page's content once `useLoad` delivered it; until then Loading..., or the error in its place. */
export function Loaded<T>({ state, children }: { state: Load<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <LoadError message={state.error} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}
