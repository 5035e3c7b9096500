import { api } from '../api/dojo';
import type { UserSummary } from '../api/dojo';
import { LoadError, Loading } from '../components/Loading';
import { useLoad } from '../api/useLoad';

export function AllUsers() {
  const { data: users, error } = useLoad<UserSummary[]>(api.users, []);

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
