import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useSession } from '../session/SessionContext';

export function Logout() {
  const { signOut } = useSession();
  const started = useRef(false);

  useEffect(() => {
    // Once, even under StrictMode's double effects: the second call would find no token anyway.
    if (started.current) return;
    started.current = true;
    void signOut();
  }, [signOut]);

  return (
    <section>
      <p>
        You are now logged out. Click <Link to="/login">here</Link> to log back in.
      </p>
    </section>
  );
}
