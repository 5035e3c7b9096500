import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { FormRules, loginRules } from '../components/FormRules';
import { useFlash } from '../flash/FlashContext';
import { useSession } from '../session/SessionContext';

export function Login() {
  const { signedIn, signIn } = useSession();
  const flash = useFlash();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const rules = loginRules(email, password);
  const valid = rules.every((rule) => rule.valid);

  if (signedIn && !sending) return <Navigate to="/" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || sending) return;
    setSending(true);
    try {
      signIn(await api.login(email, password));
      flash.show('Welcome!', 'success');
      navigate('/');
    } catch (error) {
      // One message for an unknown email and a wrong password, as the API answers.
      const rejected = error instanceof ApiError && (error.status === 401 || error.status === 404);
      flash.show(rejected ? 'User does not exist.' : messageOf(error), 'danger');
      setSending(false);
    }
  }

  return (
    <section>
      <h1>Login</h1>
      <hr />
      <FormRules rules={rules} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" placeholder="Enter an email address"
            required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password"
            placeholder="Enter a password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <input type="submit" className="button is-primary" value="Submit" disabled={!valid || sending} />
      </form>
      <p className="hint">
        New here? <Link to="/register">Register</Link>
      </p>
    </section>
  );
}
