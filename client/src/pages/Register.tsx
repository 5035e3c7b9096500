import { useState } from 'react';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { registerRules } from '../components/FormRules';
import { TextField } from '../components/TextField';
import { SignInForm } from '../session/SignInForm';

function registerFailure(error: unknown) {
  const duplicate = error instanceof ApiError && error.status === 400 && /already exists/i.test(error.message);
  return duplicate ? 'That user already exists.' : messageOf(error);
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
