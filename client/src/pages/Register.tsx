import { useState } from 'react';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { registerRules } from '../components/FormRules';
import { TextField } from '../components/TextField';
import { SignInForm } from '../session/SignInForm';

/**
 * A taken name or email is the contract's "That user already exists."; a refused field says why ("Invalid payload.
 * Username must not begin or end with a space…"), since the live rules cannot show every rule the server keeps.
 */
function registerFailure(error: unknown) {
  if (!(error instanceof ApiError)) return messageOf(error);
  if (error.status === 400 && /already exists/i.test(error.message)) return 'That user already exists.';
  const reasons = error.errors.map(({ field, message }) =>
    `${field.charAt(0).toUpperCase()}${field.slice(1)} ${message}.`);
  return [error.message, ...reasons].join(' ');
}

export function Register() {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  return (
    <SignInForm title="Register" rules={registerRules(username, email, password)}
      send={() => api.register(username, email, password)} failureMessage={registerFailure}>
      <TextField name="username" label="Username" type="text" autoComplete="username"
        placeholder="Enter a username" value={username} onChange={setUsername} />
      <TextField name="email" label="Email" type="email" autoComplete="email"
        placeholder="Enter an email address" value={email} onChange={setEmail} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password"
        placeholder="Enter a password" value={password} onChange={setPassword} />
    </SignInForm>
  );
}
