import type { Submission } from '../api/dojo';
import { explainVerdict, formatValue } from './verdicts';

/** The outcome of one run: Correct!/Incorrect!, each test's details and the program's output. */
export function SubmissionResult({ submission }: { submission: Submission }) {
  const correct = submission.passed || submission.verdict === 'passed';
  const passedCount = submission.results.filter((result) => result.passed).length;
  return (
    <div className={correct ? 'result result-correct' : 'result result-incorrect'}>
      <h3 className="grade-text">{correct ? 'Correct!' : 'Incorrect!'}</h3>
      <p className="verdict-explanation">{explainVerdict(submission.verdict)}</p>
      {submission.results.length > 0 && (
        <>
          <p>
            {passedCount} of {submission.results.length} tests passed.
          </p>
          <div className="table-scroll">
            <table className="table test-results">
              <caption className="visually-hidden">Test results</caption>
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Result</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Actual</th>
                </tr>
              </thead>
              <tbody>
                {submission.results.map((result, index) => (
                  <tr key={`${result.name}-${index}`} className={result.passed ? 'test-passed' : 'test-failed'}>
                    <th scope="row">{result.name}</th>
                    <td>{result.passed ? '✓ passed' : '✗ failed'}</td>
                    <td><code>{formatValue(result.expected)}</code></td>
                    <td>
                      <code>{formatValue(result.actual)}</code>
                      {result.error && <pre className="test-error">{result.error}</pre>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
