import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { FormRules, loginRules } from '../components/FormRules';
import { TextField } from '../components/TextField';
import { useSignInForm } from '../session/useSignInForm';

// One message for an unknown email and a wrong password, as the API answers.
function loginFailure(error: unknown) {
  const rejected = error instanceof ApiError && (error.status === 401 || error.status === 404);
  return rejected ? 'User does not exist.' : messageOf(error);
}

export function Login() {
  const { signedIn, sending, submitWith } = useSignInForm(loginFailure);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const rules = loginRules(email, password);
  const valid = rules.every((rule) => rule.valid);

  if (signedIn && !sending) return <Navigate to="/" replace />;

  return (
    <section>
      <h1>Login</h1>
      <hr />
      <FormRules rules={rules} />
      <form onSubmit={submitWith(valid, () => api.login(email, password))} noValidate>
        <TextField name="email" label="Email" type="email" autoComplete="email"
          placeholder="Enter an email address" value={email} onChange={setEmail} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password"
          placeholder="Enter a password" value={password} onChange={setPassword} />
        <input type="submit" className="button is-primary" value="Submit" disabled={!valid || sending} />
      </form>
      <p className="hint">
        New here? <Link to="/register">Register</Link>
      </p>
    </section>
  );
}
