import { Link } from 'react-router';
import { api } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loading';
import { useSession } from '../session/SessionContext';

export function Status() {
  const { signedIn } = useSession();
  const status = useLoad(signedIn ? api.status : null, [signedIn]);

  if (!signedIn) {
    return (
      <section>
        <p>
          You must be logged in to view this. Click <Link to="/login">here</Link> to log in.
        </p>
      </section>
    );
  }
  return (
    <Loaded state={status}>
      {(user) => (
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
      )}
    </Loaded>
  );
}
