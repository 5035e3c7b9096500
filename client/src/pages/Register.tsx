import { useState } from 'react';
import { Navigate } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { FormRules, registerRules } from '../components/FormRules';
import { TextField } from '../components/TextField';
import { useSignInForm } from '../session/useSignInForm';

function registerFailure(error: unknown) {
  const duplicate = error instanceof ApiError && error.status === 400 && /already exists/i.test(error.message);
  return duplicate ? 'That user already exists.' : messageOf(error);
}

export function Register() {
  const { signedIn, sending, submitWith } = useSignInForm(registerFailure);
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const rules = registerRules(username, email, password);
  const valid = rules.every((rule) => rule.valid);

  if (signedIn && !sending) return <Navigate to="/" replace />;

  return (
    <section>
      <h1>Register</h1>
      <hr />
      <FormRules rules={rules} />
      <form onSubmit={submitWith(valid, () => api.register(username, email, password))} noValidate>
        <TextField name="username" label="Username" type="text" autoComplete="username"
          placeholder="Enter a username" value={username} onChange={setUsername} />
        <TextField name="email" label="Email" type="email" autoComplete="email"
          placeholder="Enter an email address" value={email} onChange={setEmail} />
        <TextField name="password" label="Password" type="password" autoComplete="new-password"
          placeholder="Enter a password" value={password} onChange={setPassword} />
        <input type="submit" className="button is-primary" value="Submit" disabled={!valid || sending} />
      </form>
    </section>
  );
}
