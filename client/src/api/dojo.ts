import { dataOf, publicApi, sessionApi, tokensFrom, unwrap } from './client';
import type { components as EvalContract } from './generated/eval';
import type { components as UsersContract } from './generated/users';

/**
 * The Dojo API as the pages use it (users and eval, both behind main). Every type comes from the committed OpenAPI
 * contracts through the generated files in ./generated (`npm run generate`, part of `npm run build`): a contract
 * change the client does not follow fails `tsc`.
 */
type Users = UsersContract['schemas'];
type Eval = EvalContract['schemas'];

export type CurrentUser = Users['Status'];
export type UserSummary = Users['User'];
export type Example = Eval['Example'];
export type Exercise = Eval['Exercise'];
export type Score = Eval['Score'];
export type Verdict = Eval['Verdict'];
export type TestResult = Eval['TestResult'];

/**
 * A test as admins write it. The contract types `expected` as an object (eval holds it as a Java Object); it is any
 * JSON value (null → None, 5 → int, 5.0 → float, arrays → lists). `hidden: false` makes it an example every learner
 * sees, `hidden: true` (the default) a test learners see only as passed/failed.
 */
export type TestCase = Omit<Eval['TestCase'], 'expected'> & { expected?: unknown };
export type ExerciseInput = Omit<Eval['ExerciseRequest'], 'tests'> & { tests: TestCase[] };

/** A submission with the defaults filled in (see normalizeSubmission). */
export type Submission = Eval['Submission'] & { verdict: Verdict; output: string };

/**
 * The services omit empty lists and null fields (Micronaut serde's default NON_EMPTY inclusion), so a stopped run
 * comes without `results` and a silent one without `output`: fill in the defaults once, here.
 */
export function normalizeSubmission(raw: Partial<Eval['Submission']> & Pick<Eval['Submission'], 'id' | 'exercise_id'>): Submission {
  return {
    verdict: 'error',
    passed: false,
    created_at: '',
    duration_ms: 0,
    ...raw,
    results: raw.results ?? [],
    output: raw.output ?? '',
    output_truncated: raw.output_truncated ?? false,
  };
}

const byId = (id: number) => ({ params: { path: { id: String(id) } } });
// The contract's `expected` is narrower than the JSON value it really is (see TestCase).
const request = (input: ExerciseInput) => input as Eval['ExerciseRequest'];

// Names are sent in Unicode form C, which users requires (a pasted "n" + U+0301 is sent as "ń"); a password is sent
// exactly as typed, since its bytes are what was hashed.
const nfc = (text: string) => text.normalize('NFC');

export const api = {
  register: (username: string, email: string, password: string) =>
    tokensFrom(publicApi.POST('/auth/register', { body: { username: nfc(username), email: nfc(email), password } })),
  login: (email: string, password: string) =>
    tokensFrom(publicApi.POST('/auth/login', { body: { email: nfc(email), password } })),
  status: async () => dataOf(await unwrap(sessionApi.GET('/auth/status'))),
  users: async () => dataOf(await unwrap(publicApi.GET('/users'))).users,

  exercises: async () => (await unwrap(sessionApi.GET('/exercises'))).data?.exercises ?? [],
  exercise: async (id: number) => dataOf(await unwrap(sessionApi.GET('/exercises/{id}', byId(id)))),
  createExercise: (input: ExerciseInput) => unwrap(sessionApi.POST('/exercises', { body: request(input) })),
  updateExercise: (id: number, input: ExerciseInput) =>
    unwrap(sessionApi.PUT('/exercises/{id}', { ...byId(id), body: request(input) })),

  submit: async (exerciseId: number, code: string) =>
    normalizeSubmission(dataOf(await unwrap(
      sessionApi.POST('/submissions', { body: { exercise_id: exerciseId, code } }),
      { explains429: true },
    ))),
  submissions: async () =>
    ((await unwrap(sessionApi.GET('/submissions'))).data?.submissions ?? []).map(normalizeSubmission),
  scores: async () => (await unwrap(sessionApi.GET('/scores/user'))).data?.scores ?? [],
};
