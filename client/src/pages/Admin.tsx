import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/dojo';
import type { Exercise } from '../api/dojo';
import { LoadError, Loading } from '../components/Loading';
import { useSession } from '../session/SessionContext';
import { useLoad } from '../api/useLoad';

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
  const { data: exercises, error } = useLoad<Exercise[]>(api.exercises, []);

  return (
    <section>
      <h1>Admin</h1>
      <hr />
      <p>
        <Link className="button is-primary" to="/admin/exercises/new">New exercise</Link>
      </p>
      {error && <LoadError message={error} />}
      {!error && !exercises && <Loading />}
      {exercises && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Title</th>
                <th scope="col">Tests</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((exercise) => (
                <tr key={exercise.id}>
                  <td>{exercise.id}</td>
                  <td>{exercise.title}</td>
                  <td>{exercise.tests?.length ?? '–'}</td>
                  <td>
                    <Link to={`/admin/exercises/${exercise.id}/edit`} aria-label={`Edit ${exercise.title}`}>Edit</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
