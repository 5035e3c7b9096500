import type { Submission, TestResult } from '../api/dojo';
import { Table } from '../components/Table';
import { explainVerdict } from './verdicts';

/** A row header: the example's name, or "Hidden test n" (a learner never learns more about a hidden test). */
function testLabel(result: TestResult, hiddenIndex: number): string {
  if (result.hidden) return result.name ? `Hidden test ${hiddenIndex}: ${result.name}` : `Hidden test ${hiddenIndex}`;
  return result.name ?? 'Example';
}

/**
 * The outcome of one run: Correct!/Incorrect!, each example with its call, expected and actual value, each hidden
 * test as passed or failed only, and the program's output.
 */
export function SubmissionResult({ submission }: { submission: Submission }) {
  const correct = submission.passed || submission.verdict === 'passed';
  const passedCount = submission.results.filter((result) => result.passed).length;
  const hiddenCount = submission.results.filter((result) => result.hidden).length;
  let hiddenIndex = 0;
  return (
    <div className={correct ? 'result result-correct' : 'result result-incorrect'}>
      <h3 className="grade-text">{correct ? 'Correct!' : 'Incorrect!'}</h3>
      <p className="verdict-explanation">{explainVerdict(submission.verdict)}</p>
      {submission.results.length > 0 && (
        <>
          <p>
            {passedCount} of {submission.results.length} tests passed.
          </p>
          <Table className="table test-results" caption="Test results"
            columns={['Test', 'Call', 'Result', 'Expected', 'Actual']}>
            {submission.results.map((result, index) => {
              if (result.hidden) hiddenIndex += 1;
              const rowClass = `${result.passed ? 'test-passed' : 'test-failed'}${result.hidden ? ' test-hidden' : ''}`;
              return (
                <tr key={index} className={rowClass}>
                  <th scope="row">{testLabel(result, hiddenIndex)}</th>
                  <td>{result.call != null && <code>{result.call}</code>}</td>
                  <td>{result.passed ? '✓ passed' : '✗ failed'}</td>
                  <td>{result.expected != null && <code>{result.expected}</code>}</td>
                  <td>
                    {result.actual != null && <code>{result.actual}</code>}
                    {result.error && <pre className="test-error">{result.error}</pre>}
                  </td>
                </tr>
              );
            })}
          </Table>
          {hiddenCount > 0 && (
            <p className="hint hidden-tests-note">
              Hidden tests show only whether they passed: their calls and values stay secret, and what your code prints
              while they run is not shown.
            </p>
          )}
        </>
      )}
      {submission.output && (
        <>
          <h4>Output</h4>
          <pre className="program-output">{submission.output}</pre>
        </>
      )}
      {submission.output_truncated && <p className="hint">The output was cut off because it was too long.</p>}
    </div>
  );
}
