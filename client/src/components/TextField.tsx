interface TextFieldProps {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autoComplete: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled input of the sign-in forms (the label's `for` ties it to the input for screen readers). */
export function TextField({ name, label, type, autoComplete, placeholder, value, onChange }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type={type} autoComplete={autoComplete} placeholder={placeholder}
        required value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
