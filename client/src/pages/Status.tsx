import { Link } from 'react-router';
import { api } from '../api/dojo';
import type { CurrentUser } from '../api/dojo';
import { LoadError, Loading } from '../components/Loading';
import { useSession } from '../session/SessionContext';
import { useLoad } from '../api/useLoad';

export function Status() {
  const { signedIn } = useSession();
  const { data: user, error } = useLoad<CurrentUser>(signedIn ? api.status : null, [signedIn]);

  if (!signedIn) {
    return (
      <section>
        <p>
          You must be logged in to view this. Click <Link to="/login">here</Link> to log in.
        </p>
      </section>
    );
  }
  if (error) return <LoadError message={error} />;
  if (!user) return <Loading />;
  return (
    <section>
      <h1>User Status</h1>
      <hr />
      <ul className="status-list">
        <li><strong>User ID:</strong> {user.id}</li>
        <li><strong>Email:</strong> {user.email}</li>
        <li><strong>Username:</strong> {user.username}</li>
        <li><strong>Admin:</strong> {user.admin ? 'yes' : 'no'}</li>
      </ul>
    </section>
  );
}
