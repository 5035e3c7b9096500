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
