import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Tokens } from '../api/tokens';
import { useFlash } from '../flash/FlashContext';
import { useSession } from './SessionContext';

/**
 * The submit flow Login and Register share: send once, store the tokens, flash "Welcome!" and go to the exercises;
 * on failure flash the page's own wording of the error and allow another try.
 */
export function useSignInForm(failureMessage: (error: unknown) => string) {
  const { signedIn, signIn } = useSession();
  const flash = useFlash();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);

  function submitWith(valid: boolean, request: () => Promise<Tokens>) {
    return async (event: FormEvent) => {
      event.preventDefault();
      if (!valid || sending) return;
      setSending(true);
      try {
        signIn(await request());
        flash.show('Welcome!', 'success');
        navigate('/');
      } catch (error) {
        flash.show(failureMessage(error), 'danger');
        setSending(false);
      }
    };
  }

  return { signedIn, sending, submitWith };
}
