import { Link } from 'react-router';
import { api } from '../api/dojo';
import type { Exercise, Score, Submission } from '../api/dojo';
import { useLoad } from '../api/useLoad';
import { Loaded } from '../components/Loading';
import { Table } from '../components/Table';
import { useSession } from '../session/SessionContext';
import { exercisePath } from './Exercises';
import { VERDICT_LABEL } from './verdicts';

interface ProgressData {
  exercises: Exercise[];
  scores: Score[];
  submissions: Submission[];
}

const RECENT = 10;

/** Share of tests passed by the best run of one exercise (0 when never run). */
function bestShare(submissions: Submission[], exerciseId: number): number {
  return submissions
    .filter((s) => s.exercise_id === exerciseId)
    .reduce((best, s) => {
      const share = s.passed ? 1 : s.results.length ? s.results.filter((r) => r.passed).length / s.results.length : 0;
      return Math.max(best, share);
    }, 0);
}

// a learner without submissions yet still sees the exercises and scores
function loadProgress(): Promise<ProgressData> {
  return Promise.all([api.exercises(), api.scores(), api.submissions().catch(() => [] as Submission[])])
    .then(([exercises, scores, submissions]) => ({ exercises, scores, submissions }));
}

export function Progress() {
  const { signedIn } = useSession();
  const progress = useLoad(signedIn ? loadProgress : null, [signedIn]);

  if (!signedIn) {
    return (
      <section>
        <h1>My progress</h1>
        <p>
          You must be logged in to view this. Click <Link to="/login">here</Link> to log in.
        </p>
      </section>
    );
  }

  return (
    <section>
      <h1>My progress</h1>
      <hr />
      <Loaded state={progress}>{(data) => <ProgressReport data={data} />}</Loaded>
    </section>
  );
}

function ProgressReport({ data }: { data: ProgressData }) {
  const byExercise = new Map(data.scores.map((score) => [score.exercise_id, score]));
  const solvedCount = data.exercises.filter((e) => byExercise.get(e.id)?.solved).length;
  const titles = new Map(data.exercises.map((e) => [e.id, e.title]));
  const recent = [...data.submissions]
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, RECENT);

  return (
    <>
      <p className="progress-summary">
        Solved <strong>{solvedCount}</strong> of <strong>{data.exercises.length}</strong> exercises
      </p>
      <progress className="progress-total" max={Math.max(1, data.exercises.length)} value={solvedCount}
        aria-label={`Solved ${solvedCount} of ${data.exercises.length} exercises`} />

      <h2>Exercises</h2>
      <ul className="progress-list">
        {data.exercises.map((exercise) => {
          const score = byExercise.get(exercise.id);
          const share = score?.solved ? 1 : bestShare(data.submissions, exercise.id);
          const state = score?.solved ? 'Solved' : score && score.attempts > 0 ? 'Attempted' : 'Not started';
          return (
            <li key={exercise.id} className={score?.solved ? 'progress-item solved' : 'progress-item'}>
              <div className="progress-item-head">
                <Link to={exercisePath(exercise.id)}>{exercise.title}</Link>
                <span className="progress-state">
                  {score?.solved ? '✓ ' : ''}
                  {state}
                  {score && score.attempts > 0 && ` · ${score.attempts} ${score.attempts === 1 ? 'attempt' : 'attempts'}`}
                </span>
              </div>
              <progress max={100} value={Math.round(share * 100)}
                aria-label={`${exercise.title}: ${Math.round(share * 100)}% of tests passed`} />
            </li>
          );
        })}
      </ul>

      <h2>Recent submissions</h2>
      {recent.length === 0 ? (
        <p>No submissions yet. Pick an exercise and press Run Code.</p>
      ) : (
        <Table className="table recent-submissions" columns={['Exercise', 'Result', 'When']}>
          {recent.map((submission) => (
            <tr key={submission.id}>
              <td>{titles.get(submission.exercise_id) ?? `#${submission.exercise_id}`}</td>
              <td>{VERDICT_LABEL[submission.verdict] ?? submission.verdict}</td>
              <td><time dateTime={submission.created_at}>{new Date(submission.created_at).toLocaleString()}</time></td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
