import { Suspense, lazy, useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../api/client';
import { api } from '../api/dojo';
import type { Exercise, Submission } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded, Loading } from '../components/Loading';
import { Markdown } from '../components/Markdown';
import { useSession } from '../session/SessionContext';
import { SubmissionResult } from './SubmissionResult';

// CodeMirror is most of the bundle: load it only on the exercises page.
const CodeEditor = lazy(() => import('../components/CodeEditor'));

export const DEFAULT_CODE = '# Enter your code here.';

/** Client route of one exercise. Not /exercises/{id}: main routes that path to the API. */
export const exercisePath = (id: number) => `/exercise/${id}`;

export function Exercises() {
  const { signedIn } = useSession();
  const params = useParams();
  const exercises = useLoad(api.exercises, [signedIn]);
  // the ✓ marks are a nicety: without scores (signed out, or their load failed) the page works all the same
  const scores = useLoad(signedIn ? api.scores : null, [signedIn]);
  const solved = new Set((scores.data ?? []).filter((s) => s.solved).map((s) => s.exercise_id));
  const requested = params.id === undefined ? undefined : Number(params.id);

  return (
    <section>
      <h1>Exercises</h1>
      <hr />
      {!signedIn && (
        <div className="notification is-warning" role="note">
          <span>Please log in to submit an exercise.</span>
        </div>
      )}
      <Loaded state={exercises}>
        {(list) => {
          if (list.length === 0) return <p>There are no exercises yet.</p>;
          const index = Math.max(0, list.findIndex((e) => e.id === requested));
          const current = list[index];
          return (
            <div className="exercises-layout">
              <nav className="exercise-list" aria-label="All exercises">
                <h2 className="visually-hidden">All exercises</h2>
                <ol>
                  {list.map((exercise) => (
                    <li key={exercise.id}>
                      <Link to={exercisePath(exercise.id)} aria-current={exercise.id === current.id ? 'page' : undefined}
                        className={exercise.id === current.id ? 'current' : undefined}>
                        <span className="solved-mark" aria-hidden="true">{solved.has(exercise.id) ? '✓' : ''}</span>
                        {exercise.title}
                        {solved.has(exercise.id) && <span className="visually-hidden"> (solved)</span>}
                      </Link>
                    </li>
                  ))}
                </ol>
              </nav>
              <ExercisePanel
                key={current.id}
                exercise={current}
                signedIn={signedIn}
                solved={solved.has(current.id)}
                onGraded={scores.reload}
                prev={index > 0 ? list[index - 1] : undefined}
                next={index < list.length - 1 ? list[index + 1] : undefined}
                position={`${index + 1} of ${list.length}`}
              />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}

interface PanelProps {
  exercise: Exercise;
  signedIn: boolean;
  solved: boolean;
  onGraded: () => void;
  prev?: Exercise;
  next?: Exercise;
  position: string;
}

function ExercisePanel({ exercise, signedIn, solved, onGraded, prev, next, position }: PanelProps) {
  const starter = exercise.starter_code?.trim() ? exercise.starter_code : DEFAULT_CODE;
  const [code, setCode] = useState(starter);
  const [grading, setGrading] = useState(false);
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setGrading(true);
    setSubmission(null);
    setError(null);
    try {
      setSubmission(await api.submit(exercise.id, code));
      onGraded();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setGrading(false);
    }
  }

  return (
    <article className="exercise" aria-labelledby="exercise-title">
      <div className="exercise-header">
        <h2 id="exercise-title">{exercise.title}</h2>
        {solved && <span className="tag is-success">✓ Solved</span>}
        <span className="exercise-position">Exercise {position}</span>
      </div>
      <Markdown source={exercise.body ?? ''} className="markdown exercise-body" />
      {exercise.examples && exercise.examples.length > 0 && (
        <section className="examples" aria-label="Examples">
          <h4>Examples</h4>
          <ul>
            {exercise.examples.map((example, index) => (
              <li key={index}>
                <code>{example.call}</code> → <code>{example.expected}</code>
              </li>
            ))}
          </ul>
          <p className="hint">Your code is also checked by hidden tests: you see only whether each passed.</p>
        </section>
      )}
      <p className="editor-label">Your code</p>
      <Suspense fallback={<Loading what="Loading the editor..." />}>
        <CodeEditor id="code-editor" label="Code editor" value={code} onChange={setCode} />
      </Suspense>
      <div className="exercise-actions">
        {signedIn && (
          <button type="button" className="button is-primary" onClick={run} disabled={grading}>
            Run Code
          </button>
        )}
        <button type="button" className="button" onClick={() => setCode(starter)} disabled={grading}>
          Reset code
        </button>
      </div>
      <div className="grading" aria-live="polite">
        {grading && <h3 className="grade-text">Grading...</h3>}
        {error && <div className="notification is-danger" role="alert">{error}</div>}
        {submission && <SubmissionResult submission={submission} />}
      </div>
      <nav className="pager" aria-label="Previous and next exercise">
        {prev ? <Link className="button" to={exercisePath(prev.id)} rel="prev">« Prev</Link> : <span />}
        {next ? <Link className="button" to={exercisePath(next.id)} rel="next">Next »</Link> : <span />}
      </nav>
    </article>
  );
}
