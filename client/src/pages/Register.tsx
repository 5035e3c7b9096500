import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { FormRules, registerRules } from '../components/FormRules';
import { useFlash } from '../flash/FlashContext';
import { useSession } from '../session/SessionContext';

export function Register() {
  const { signedIn, signIn } = useSession();
  const flash = useFlash();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const rules = registerRules(username, email, password);
  const valid = rules.every((rule) => rule.valid);

  if (signedIn && !sending) return <Navigate to="/" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || sending) return;
    setSending(true);
    try {
      signIn(await api.register(username, email, password));
      flash.show('Welcome!', 'success');
      navigate('/');
    } catch (error) {
      const duplicate = error instanceof ApiError && error.status === 400 && /already exists/i.test(error.message);
      flash.show(duplicate ? 'That user already exists.' : messageOf(error), 'danger');
      setSending(false);
    }
  }

  return (
    <section>
      <h1>Register</h1>
      <hr />
      <FormRules rules={rules} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" type="text" autoComplete="username" placeholder="Enter a username"
            required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" placeholder="Enter an email address"
            required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password"
            placeholder="Enter a password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <input type="submit" className="button is-primary" value="Submit" disabled={!valid || sending} />
      </form>
    </section>
  );
}
