import { api } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loading';
import { Table } from '../components/Table';

export function AllUsers() {
  const users = useLoad(api.users, []);

  return (
    <section>
      <h1>All Users</h1>
      <hr />
      <Loaded state={users}>
        {(list) => (
          <Table columns={['ID', 'Username', 'Email']}>
            {list.map((user) => (
              <tr key={user.id}>
                <td>{user.id}</td>
                <td>{user.username}</td>
                <td>{user.email}</td>
              </tr>
            ))}
          </Table>
        )}
      </Loaded>
    </section>
  );
}
