import type { Verdict } from '../api/dojo';

/** Plain words for what happened to a run, beyond Correct!/Incorrect!. */
export function explainVerdict(verdict: Verdict): string | null {
  switch (verdict) {
    case 'passed':
      return 'All tests passed.';
    case 'failed':
      return 'Some tests did not give the expected result.';
    case 'error':
      return 'Your code stopped with an error before all tests could pass. Check the details below.';
    case 'timeout':
      return 'Your code took too long and was stopped. Look for an endless loop or a very slow step.';
    case 'memory_limit':
      return 'Your code used more memory than allowed and was stopped.';
    case 'output_limit':
      return 'Your code printed more output than allowed, so it was stopped.';
    default:
      return null;
  }
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  passed: 'Passed',
  failed: 'Failed',
  error: 'Error',
  timeout: 'Timed out',
  memory_limit: 'Memory limit',
  output_limit: 'Output limit',
};
