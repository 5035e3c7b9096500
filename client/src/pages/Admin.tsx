import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded, Loading } from '../components/Loading';
import { Table } from '../components/Table';
import { useSession } from '../session/SessionContext';

/** Admin pages render only for admins; the API enforces the same rule (403) regardless. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { signedIn, user } = useSession();
  if (!signedIn) {
    return (
      <p>
        You must be logged in to view this. Click <Link to="/login">here</Link> to log in.
      </p>
    );
  }
  if (!user) return <Loading />;
  if (!user.admin) return <p>Only administrators can view this page.</p>;
  return <>{children}</>;
}

export function AdminExercises() {
  const exercises = useLoad(api.exercises, []);

  return (
    <section>
      <h1>Admin</h1>
      <hr />
      <p>
        <Link className="button is-primary" to="/admin/exercises/new">New exercise</Link>
      </p>
      <Loaded state={exercises}>
        {(list) => (
          <Table columns={['ID', 'Title', 'Tests', <span className="visually-hidden">Actions</span>]}>
            {list.map((exercise) => (
              <tr key={exercise.id}>
                <td>{exercise.id}</td>
                <td>{exercise.title}</td>
                <td>{exercise.tests?.length ?? '–'}</td>
                <td>
                  <Link to={`/admin/exercises/${exercise.id}/edit`} aria-label={`Edit ${exercise.title}`}>Edit</Link>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Loaded>
    </section>
  );
}
