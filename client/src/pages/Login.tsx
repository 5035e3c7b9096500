import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { api } from '../api/dojo';
import { loginRules } from '../components/FormRules';
import { TextField } from '../components/TextField';
import { SignInForm } from '../session/SignInForm';

// One message for an unknown email and a wrong password, as the API answers.
function loginFailure(error: unknown) {
  const rejected = error instanceof ApiError && (error.status === 401 || error.status === 404);
  return rejected ? 'User does not exist.' : messageOf(error);
}

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const footer = (
    <p className="hint">
      New here? <Link to="/register">Register</Link>
    </p>
  );

  return (
    <SignInForm title="Login" rules={loginRules(email, password)} send={() => api.login(email, password)}
      failureMessage={loginFailure} footer={footer}>
      <TextField name="email" label="Email" type="email" autoComplete="email"
        placeholder="Enter an email address" value={email} onChange={setEmail} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password"
        placeholder="Enter a password" value={password} onChange={setPassword} />
    </SignInForm>
  );
}
