export interface Rule {
  id: number;
  text: string;
  valid: boolean;
}

/** The live list under a form: each rule turns from error to success while the user types. */
export function FormRules({ rules }: { rules: Rule[] }) {
  return (
    <ul className="validation-list" aria-label="Form rules">
      {rules.map((rule) => (
        // The text stays exactly the rule (as in the original); the state is told to screen readers in the name.
        <li key={rule.id} className={rule.valid ? 'success' : 'error'}
          aria-label={`${rule.text} ${rule.valid ? '(met)' : '(not met)'}`}>
          {rule.text}
        </li>
      ))}
    </ul>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerRules(username: string, email: string, password: string): Rule[] {
  return [
    { id: 1, text: 'Username must be greater than 5 characters.', valid: username.length > 5 },
    { id: 2, text: 'Email must be greater than 5 characters.', valid: email.length > 5 },
    { id: 3, text: 'Email must be a valid email address.', valid: EMAIL.test(email) },
    { id: 4, text: 'Password must be greater than 10 characters.', valid: password.length > 10 },
  ];
}

export function loginRules(email: string, password: string): Rule[] {
  return [
    { id: 1, text: 'Email is required.', valid: email.length > 0 },
    { id: 2, text: 'Password is required.', valid: password.length > 0 },
  ];
}
