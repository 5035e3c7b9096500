import { request } from './client';

/** Typed calls to the Dojo API (users and eval, both behind main). Shapes follow the services' READMEs. */

export interface TokenResponse {
  message: string;
  authToken: string;
  refreshToken: string | null;
}

export interface CurrentUser {
  id: number;
  username: string;
  email: string;
  active: boolean;
  admin: boolean;
  created_at: string;
}

export interface UserSummary {
  id: number;
  username: string;
  email: string;
  created_at: string;
}

/**
 * A test as admins write it. `expected` is JSON (null → None, 5 → int, 5.0 → float, arrays → lists); `hidden: false`
 * makes it an example every learner sees, `hidden: true` (the default) a test learners see only as passed/failed.
 */
export interface TestCase {
  name: string;
  call: string;
  expected: unknown;
  hidden?: boolean;
}

/** An example as everyone sees it; `expected` is a Python literal (`"5"`, `"'cba'"`). */
export interface Example {
  name: string;
  call: string;
  expected: string;
}

export interface Exercise {
  id: number;
  title: string;
  body: string;
  language: string;
  starter_code: string | null;
  created_at: string;
  updated_at: string;
  examples?: Example[];
  float_tolerance?: number;
  /** Only for admins: examples and hidden tests. */
  tests?: TestCase[];
  solution?: string;
}

export interface ExerciseInput {
  title: string;
  body: string;
  language: string;
  starter_code: string;
  tests: TestCase[];
  float_tolerance?: number;
  solution: string;
}

export type Verdict = 'passed' | 'failed' | 'error' | 'timeout' | 'memory_limit' | 'output_limit';

/**
 * One test's result. An example carries its call and the expected and actual values as Python literal text; a hidden
 * test reaches a learner as `{hidden: true, passed}` only (admins get it whole).
 */
export interface TestResult {
  hidden?: boolean;
  passed: boolean;
  name?: string;
  call?: string;
  expected?: string;
  actual?: string;
  error?: string | null;
  duration_ms?: number | null;
}

export interface Submission {
  id: number;
  exercise_id: number;
  verdict: Verdict;
  passed: boolean;
  results: TestResult[];
  output: string | null;
  output_truncated: boolean;
  duration_ms: number | null;
  created_at: string;
}

export interface Score {
  id: number;
  user_id: number;
  exercise_id: number;
  solved: boolean;
  attempts: number;
  first_solved_at: string | null;
  updated_at: string;
}

/**
 * The services omit empty lists and null fields (Micronaut serde's default NON_EMPTY inclusion), so a stopped run
 * comes without `results` and a silent one without `output`: fill in the defaults once, here.
 */
export function normalizeSubmission(raw: Partial<Submission> & Pick<Submission, 'id' | 'exercise_id'>): Submission {
  return {
    verdict: 'error',
    passed: false,
    created_at: '',
    duration_ms: null,
    ...raw,
    results: raw.results ?? [],
    output: raw.output ?? '',
    output_truncated: raw.output_truncated ?? false,
  };
}

async function tokens(path: string, body: unknown): Promise<TokenResponse> {
  const envelope = await request<unknown>(path, { method: 'POST', body });
  return {
    message: envelope.message ?? '',
    authToken: envelope.auth_token ?? '',
    refreshToken: envelope.refresh_token ?? null,
  };
}

export const api = {
  register: (username: string, email: string, password: string) =>
    tokens('/auth/register', { username, email, password }),
  login: (email: string, password: string) => tokens('/auth/login', { email, password }),
  status: async () => (await request<CurrentUser>('/auth/status', { auth: 'required' })).data as CurrentUser,
  users: async () => (await request<{ users: UserSummary[] }>('/users')).data?.users ?? [],

  exercises: async () =>
    (await request<{ exercises: Exercise[] }>('/exercises', { auth: 'optional' })).data?.exercises ?? [],
  exercise: async (id: number) =>
    (await request<Exercise>(`/exercises/${id}`, { auth: 'optional' })).data as Exercise,
  createExercise: (input: ExerciseInput) =>
    request<Exercise>('/exercises', { method: 'POST', body: input, auth: 'required' }),
  updateExercise: (id: number, input: ExerciseInput) =>
    request<Exercise>(`/exercises/${id}`, { method: 'PUT', body: input, auth: 'required' }),

  submit: async (exerciseId: number, code: string) =>
    normalizeSubmission((await request<Submission>('/submissions', {
      method: 'POST',
      body: { exercise_id: exerciseId, code },
      auth: 'required',
      explains429: true,
    })).data as Submission),
  submissions: async (exerciseId?: number) => {
    const query = exerciseId === undefined ? '' : `?exercise_id=${exerciseId}`;
    const data = (await request<{ submissions: Submission[] } | Submission[]>(`/submissions${query}`, {
      auth: 'required',
    })).data;
    return (Array.isArray(data) ? data : (data?.submissions ?? [])).map(normalizeSubmission);
  },
  scores: async () => (await request<{ scores: Score[] }>('/scores/user', { auth: 'required' })).data?.scores ?? [],
};
