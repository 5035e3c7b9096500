import { useState } from 'react';
import { Link, NavLink } from 'react-router';
import { useSession } from '../session/SessionContext';

/** Links follow the signed-in state; on a phone the list folds behind a Menu button. */
export function NavBar() {
  const { signedIn, user } = useSession();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <header className="navbar">
      <nav aria-label="Main">
        <div className="navbar-brand">
          <Link to="/" className="brand" onClick={close}>
            Dojo
          </Link>
          <button
            type="button"
            className="navbar-toggle"
            aria-expanded={open}
            aria-controls="navbar-links"
            onClick={() => setOpen(!open)}
          >
            Menu
          </button>
        </div>
        <ul id="navbar-links" className={open ? 'navbar-links open' : 'navbar-links'}>
          <li><NavLink to="/about" onClick={close}>About</NavLink></li>
          <li><NavLink to="/all-users" onClick={close}>Users</NavLink></li>
          {signedIn && <li><NavLink to="/status" onClick={close}>User Status</NavLink></li>}
          {signedIn && <li><NavLink to="/progress" onClick={close}>My progress</NavLink></li>}
          {signedIn && user?.admin && <li><NavLink to="/admin" onClick={close}>Admin</NavLink></li>}
          {!signedIn && <li><NavLink to="/register" onClick={close}>Register</NavLink></li>}
          {!signedIn && <li><NavLink to="/login" onClick={close}>Log In</NavLink></li>}
          {signedIn && <li><NavLink to="/logout" onClick={close}>Log Out</NavLink></li>}
        </ul>
      </nav>
    </header>
  );
}
