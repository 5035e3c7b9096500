import { useEffect, useState } from 'react';
import { messageOf } from '../api/client';
import { api } from '../api/dojo';
import type { UserSummary } from '../api/dojo';
import { LoadError, Loading } from '../components/Loading';

export function AllUsers() {
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .users()
      .then((list) => !cancelled && setUsers(list))
      .catch((e) => !cancelled && setError(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section>
      <h1>All Users</h1>
      <hr />
      {error && <LoadError message={error} />}
      {!error && !users && <Loading />}
      {users && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Username</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.id}</td>
                  <td>{user.username}</td>
                  <td>{user.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
