import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { Tokens } from '../api/tokens';
import { FormRules } from '../components/FormRules';
import type { Rule } from '../components/FormRules';
import { useFlash } from '../flash/FlashContext';
import { useSession } from './SessionContext';

interface SignInFormProps {
  title: string;
  /** The live rules; Submit stays disabled until every one is met. */
  rules: Rule[];
  /** The call that yields the tokens (login or register). */
  send: () => Promise<Tokens>;
  /** The page's own wording of a failure. */
  failureMessage: (error: unknown) => string;
  /** The fields. */
  children: ReactNode;
  /** Below the form. */
  footer?: ReactNode;
}

/**
 * The page Login and Register share: rules, fields, Submit; send once, store the tokens, flash "Welcome!" and go to
 * the exercises; on failure flash the page's own wording and allow another try. Signed in already: the exercises.
 */
export function SignInForm({ title, rules, send, failureMessage, children, footer }: SignInFormProps) {
  const { signedIn, signIn } = useSession();
  const flash = useFlash();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const valid = rules.every((rule) => rule.valid);

  if (signedIn && !sending) return <Navigate to="/" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || sending) return;
    setSending(true);
    try {
      signIn(await send());
      flash.show('Welcome!', 'success');
      navigate('/');
    } catch (error) {
      flash.show(failureMessage(error), 'danger');
      setSending(false);
    }
  }

  return (
    <section>
      <h1>{title}</h1>
      <hr />
      <FormRules rules={rules} />
      <form onSubmit={submit} noValidate>
        {children}
        <input type="submit" className="button is-primary" value="Submit" disabled={!valid || sending} />
      </form>
      {footer}
    </section>
  );
}
