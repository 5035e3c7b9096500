import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import type { FieldError } from '../api/client';
import { api } from '../api/dojo';
import type { Exercise, ExerciseInput } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loading';
import { Markdown } from '../components/Markdown';
import { useFlash } from '../flash/FlashContext';

/** The form keeps each expected value as the text typed; it becomes JSON when sent. */
interface FormTest {
  name: string;
  call: string;
  expected: string;
  hidden: boolean;
}
type FormInput = Omit<ExerciseInput, 'tests'> & { tests: FormTest[] };

/** `5` → 5, `[1, 2]` → [1, 2], `"5"` → "5", `null` → null; text that is not JSON is taken as a string. */
export function parseExpected(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function expectedText(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
}

const toInput = (form: FormInput): ExerciseInput => ({
  ...form,
  tests: form.tests.map((test) => ({ ...test, expected: parseExpected(test.expected) })),
});

const EMPTY: FormInput = {
  title: '',
  body: '',
  language: 'python',
  starter_code: '',
  tests: [{ name: '', call: '', expected: '', hidden: false }],
  float_tolerance: 0,
  solution: '',
};

/** The form's starting point for an exercise being edited. */
function formOf(exercise: Exercise): FormInput {
  return {
    title: exercise.title,
    body: exercise.body ?? '',
    language: 'python',
    starter_code: exercise.starter_code ?? '',
    float_tolerance: exercise.float_tolerance ?? 0,
    tests: exercise.tests?.length
      ? exercise.tests.map((t) => ({
        name: t.name, call: t.call, expected: expectedText(t.expected), hidden: t.hidden ?? true,
      }))
      : EMPTY.tests,
    solution: exercise.solution ?? '',
  };
}

/** Create (no id) or edit an exercise. The server checks the solution against the tests and says which failed. */
export function ExerciseForm() {
  const params = useParams();
  const id = params.id === undefined ? null : Number(params.id);
  const exercise = useLoad(id === null ? null : () => api.exercise(id).then(formOf), [id]);
  if (id === null) return <ExerciseEditor id={null} initial={EMPTY} />;
  return <Loaded state={exercise}>{(initial) => <ExerciseEditor id={id} initial={initial} />}</Loaded>;
}

function ExerciseEditor({ id, initial }: { id: number | null; initial: FormInput }) {
  const navigate = useNavigate();
  const flash = useFlash();
  const [input, setInput] = useState<FormInput>(initial);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; errors: FieldError[] } | null>(null);

  const set = (patch: Partial<FormInput>) => setInput({ ...input, ...patch });
  const setTest = (index: number, patch: Partial<FormTest>) =>
    set({ tests: input.tests.map((test, i) => (i === index ? { ...test, ...patch } : test)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setServerError(null);
    try {
      const envelope = id === null ? await api.createExercise(toInput(input)) : await api.updateExercise(id, toInput(input));
      flash.show(envelope.message || (id === null ? 'New exercise was added!' : 'Exercise was updated.'), 'success');
      navigate('/admin');
    } catch (error) {
      setServerError({ message: messageOf(error), errors: error instanceof ApiError ? error.errors : [] });
      setSaving(false);
    }
  }

  return (
    <section>
      <h1>{id === null ? 'New exercise' : 'Edit exercise'}</h1>
      <hr />
      {serverError && (
        <div className="notification is-danger" role="alert">
          <p>{serverError.message}</p>
          {serverError.errors.length > 0 && (
            <ul>
              {serverError.errors.map((e, i) => (
                <li key={i}><strong>{e.field}</strong>: {e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form onSubmit={submit} className="exercise-form">
        <div className="field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" type="text" required value={input.title}
            onChange={(e) => set({ title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="language">Language</label>
          <select id="language" name="language" value={input.language}
            onChange={(e) => set({ language: e.target.value as FormInput['language'] })}>
            <option value="python">Python</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="body">Prompt (markdown)</label>
          <textarea id="body" name="body" rows={8} required value={input.body}
            onChange={(e) => set({ body: e.target.value })} />
        </div>
        {input.body.trim() && (
          <details className="preview">
            <summary>Preview the prompt</summary>
            <Markdown source={input.body} />
          </details>
        )}
        <div className="field">
          <label htmlFor="starter_code">Starter code</label>
          <textarea id="starter_code" name="starter_code" className="code" rows={4} value={input.starter_code ?? ''}
            spellCheck={false} onChange={(e) => set({ starter_code: e.target.value })} />
        </div>
        <fieldset className="tests">
          <legend>Tests</legend>
          <p className="hint" id="tests-hint">
            Each test evaluates the call after the learner&apos;s code ran and compares the result with the expected
            value, written as JSON: <code>5</code> (an int), <code>5.0</code> (a float), <code>&quot;text&quot;</code>,{' '}
            <code>[1, 2]</code> (a list), <code>true</code>, <code>null</code> (None). Text that is not JSON counts as a
            string. Examples are shown to learners with their call and expected value; hidden tests only as passed or
            failed. An exercise needs at least one of each.
          </p>
          {input.tests.map((test, index) => (
            <div className="test-row" key={index}>
              <div className="field">
                <label htmlFor={`test-name-${index}`}>Test {index + 1} name</label>
                <input id={`test-name-${index}`} type="text" required value={test.name}
                  onChange={(e) => setTest(index, { name: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`test-call-${index}`}>Test {index + 1} call</label>
                <input id={`test-call-${index}`} type="text" className="code" required value={test.call}
                  spellCheck={false} onChange={(e) => setTest(index, { call: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`test-expected-${index}`}>Test {index + 1} expected</label>
                <input id={`test-expected-${index}`} type="text" className="code" required value={test.expected}
                  aria-describedby="tests-hint"
                  spellCheck={false} onChange={(e) => setTest(index, { expected: e.target.value })} />
              </div>
              <div className="field checkbox-field">
                <input id={`test-hidden-${index}`} type="checkbox" checked={test.hidden}
                  onChange={(e) => setTest(index, { hidden: e.target.checked })} />
                <label htmlFor={`test-hidden-${index}`}>Test {index + 1} hidden</label>
              </div>
              <button type="button" className="button is-small" disabled={input.tests.length === 1}
                onClick={() => set({ tests: input.tests.filter((_, i) => i !== index) })}>
                Remove test {index + 1}
              </button>
            </div>
          ))}
          <button type="button" className="button"
            onClick={() => set({ tests: [...input.tests, { name: '', call: '', expected: '', hidden: true }] })}>
            Add a test
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor="float_tolerance">Float tolerance</label>
          <input id="float_tolerance" name="float_tolerance" type="number" min={0} max={0.5} step="any"
            aria-describedby="tolerance-hint" value={input.float_tolerance ?? 0}
            onChange={(e) => set({ float_tolerance: e.target.value === '' ? 0 : Number(e.target.value) })} />
          <p className="hint" id="tolerance-hint">
            How far a computed float may be from an expected float, relative to its size (0: exactly equal).
          </p>
        </div>
        <div className="field">
          <label htmlFor="solution">Reference solution</label>
          <textarea id="solution" name="solution" className="code" rows={8} required value={input.solution}
            spellCheck={false} onChange={(e) => set({ solution: e.target.value })} />
        </div>
        <input type="submit" className="button is-primary" disabled={saving}
          value={saving ? 'Saving...' : id === null ? 'Create exercise' : 'Save changes'} />
      </form>
    </section>
  );
}
