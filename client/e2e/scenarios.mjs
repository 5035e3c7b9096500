// Every end-to-end scenario of the original (register, login, messages, status, all users, exercises) plus
// grading, progress, admin authoring, sessions, keyboard-only use and phone width, against the real platform.
import assert from 'node:assert/strict';
import {
  ADMIN, GRADING_TIMEOUT, MICHAEL, alert, editorText, flash, gone, h1, link, login, navTexts, newLearnerRuns,
  newUser, openExercise, register, rules, runCode, signedIn, signedUp, typeCode, visible,
} from './helpers.mjs';

const REGISTER_RULES = [
  'Username must be greater than 5 characters.',
  'Email must be greater than 5 characters.',
  'Email must be a valid email address.',
  'Password must be greater than 10 characters.',
];

// What Chromium logs for an answer a scenario provokes on purpose (a taken name, a wrong password, a refused
// solution); any other console error fails the scenario (harness.mjs).
const REFUSED_400 = /Failed to load resource: the server responded with a status of 400/;
const REFUSED_401 = /Failed to load resource: the server responded with a status of 401/;

export const scenarios = [
  ['register: the page shows the form, every rule as an error and a disabled submit', async ({ page, harness }) => {
    await page.goto('/register');
    await visible(h1(page, 'Register'));
    assert.equal(await page.title(), 'Dojo');
    assert.ok(await page.locator('input[type="submit"]').isDisabled());
    assert.deepEqual(await rules(page), REGISTER_RULES.map((text) => ({ text, state: 'error' })));
    await page.locator('input[name="username"]').fill('abc');
    assert.equal((await rules(page))[0].state, 'error');
    await page.locator('input[name="username"]').fill('abcdef');
    assert.equal((await rules(page))[0].state, 'success');
    await harness.screenshot(page, 'register');
  }],

  ['register: a new user lands on Exercises with Welcome! and is listed in All Users', async ({ page }) => {
    const user = newUser();
    await register(page, user);
    await visible(h1(page, 'Exercises'));
    assert.equal(new URL(page.url()).pathname, '/');
    await flash(page, 'Welcome!', 'success');
    const nav = await navTexts(page);
    for (const text of ['User Status', 'Log Out']) assert.ok(nav.includes(text), `${text} in ${nav}`);
    for (const text of ['Register', 'Log In']) assert.ok(!nav.includes(text), `${text} not in ${nav}`);
    await link(page, 'Users').click();
    await visible(h1(page, 'All Users'));
    await visible(page.getByRole('cell', { name: user.username, exact: true }));
    await visible(page.getByRole('cell', { name: user.email, exact: true }));
  }],

  ['register: a taken username or a taken email flashes "That user already exists."', async ({ page }) => {
    await register(page, { username: MICHAEL.username, email: newUser().email, password: 'greaterthanten' });
    await flash(page, 'That user already exists.', 'danger');
    await visible(h1(page, 'Register'));
    await register(page, { username: newUser().username, email: MICHAEL.email, password: 'greaterthanten' });
    await flash(page, 'That user already exists.', 'danger');
    assert.equal(await page.evaluate(() => localStorage.getItem('authToken')), null);
  }, { expectedConsoleErrors: [REFUSED_400] }],

  ['login: the rules switch from error to success while typing', async ({ page, harness }) => {
    await page.goto('/login');
    await visible(h1(page, 'Login'));
    assert.deepEqual(await rules(page), [
      { text: 'Email is required.', state: 'error' },
      { text: 'Password is required.', state: 'error' },
    ]);
    assert.ok(await page.locator('input[type="submit"]').isDisabled());
    await page.locator('input[name="email"]').pressSequentially('m');
    assert.deepEqual((await rules(page)).map((r) => r.state), ['success', 'error']);
    await page.locator('input[name="password"]').pressSequentially('t');
    assert.deepEqual((await rules(page)).map((r) => r.state), ['success', 'success']);
    assert.ok(await page.locator('input[type="submit"]').isEnabled());
    await harness.screenshot(page, 'login');
  }],

  ['login: register, log out (revoked at the API), log in again → Welcome!', async ({ page }) => {
    const user = await signedUp(page);
    const refreshToken = await page.evaluate(() => localStorage.getItem('refreshToken'));
    assert.ok(refreshToken, 'a refresh token is kept');
    await link(page, 'Log Out').click();
    await visible(page.getByText('You are now logged out. Click here to log back in.'));
    assert.equal(await page.getByRole('link', { name: 'here' }).getAttribute('href'), '/login');
    await visible(link(page, 'Log In'));
    assert.equal(await page.evaluate(() => localStorage.getItem('authToken')), null);
    // Logging out revoked the session at the API: its refresh token no longer mints access tokens.
    const refresh = await page.request.post('/auth/refresh', { data: { refresh_token: refreshToken } });
    assert.equal(refresh.status(), 401);
    await signedIn(page, user);
  }],

  ['login: a wrong email or a wrong password flashes "User does not exist."', async ({ page }) => {
    await login(page, { email: 'nobody-here@e2e.dojo.dev', password: 'whatever' });
    await flash(page, 'User does not exist.', 'danger');
    await login(page, { email: MICHAEL.email, password: 'wrong-password' });
    await flash(page, 'User does not exist.', 'danger');
    await visible(h1(page, 'Login'));
  }, { expectedConsoleErrors: [REFUSED_401] }],

  ['messages: close ×, a newer message replaces the old one, auto-hidden after 3 s', async ({ page }) => {
    await login(page, { email: 'nobody-here@e2e.dojo.dev', password: 'whatever' });
    await flash(page, 'User does not exist.', 'danger');
    await alert(page).getByRole('button', { name: 'Close' }).click();
    assert.equal(await alert(page).count(), 0);

    await login(page, { email: 'nobody-here@e2e.dojo.dev', password: 'whatever' });
    await flash(page, 'User does not exist.', 'danger');
    await login(page, MICHAEL);
    await flash(page, 'Welcome!', 'success'); // replaced, not stacked

    const shownAt = Date.now();
    await gone(alert(page), 6000);
    const hiddenAfter = Date.now() - shownAt;
    assert.ok(hiddenAfter <= 4000, `hidden after ${hiddenAfter} ms`);
  }, { expectedConsoleErrors: [REFUSED_401] }],

  ['status: signed out asks to log in; signed in shows id, email and username', async ({ page, harness }) => {
    await page.goto('/status');
    await visible(page.getByText('You must be logged in to view this.', { exact: false }));
    assert.ok(!(await navTexts(page)).includes('User Status'));
    await signedIn(page, MICHAEL);
    await link(page, 'User Status').click();
    const items = page.locator('.status-list li');
    await visible(items.first());
    const texts = (await items.allTextContents()).map((t) => t.trim());
    assert.match(texts[0], /^User ID: \d+$/);
    assert.equal(texts[1], `Email: ${MICHAEL.email}`);
    assert.equal(texts[2], `Username: ${MICHAEL.username}`);
    await harness.screenshot(page, 'status');
  }],

  ['all users and about: the navbar leads to each page', async ({ page, harness }) => {
    await page.goto('/');
    await link(page, 'Users').click();
    await visible(h1(page, 'All Users'));
    await visible(page.getByRole('cell', { name: MICHAEL.email, exact: true }));
    await visible(page.getByRole('cell', { name: 'michaelherman', exact: true }));
    await harness.screenshot(page, 'all-users');
    await link(page, 'About').click();
    await visible(h1(page, 'About'));
    await harness.screenshot(page, 'about');
    await link(page, 'Dojo').click();
    await visible(h1(page, 'Exercises'));
  }],

  ['exercises signed out: a warning, the rendered prompt, the editor, Prev/Next, no Run Code', async ({ page, harness }) => {
    await page.goto('/');
    await visible(h1(page, 'Exercises'));
    await visible(page.getByText('Please log in to submit an exercise.'));
    await visible(page.getByRole('heading', { level: 2, name: 'Sum', exact: true }));
    await visible(page.locator('.exercise-body code').filter({ hasText: 'sum(x, y)' })); // markdown rendered
    await visible(page.locator('.cm-content'));
    assert.match(await editorText(page), /^# Enter your code here\./);
    assert.equal(await page.getByRole('button', { name: 'Run Code' }).count(), 0);
    await harness.screenshot(page, 'exercises-signed-out');
    await page.getByRole('link', { name: 'Next »' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Reverse', exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/exercise\/\d+$/);
    await page.reload(); // a client route survives a reload (main serves index.html for it)
    await visible(page.getByRole('heading', { level: 2, name: 'Reverse', exact: true }));
    await page.getByRole('link', { name: '« Prev' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Sum', exact: true }));
  }],

  ['exercises signed in: Run Code on the untouched editor → Grading... → Incorrect!', async ({ page }) => {
    await signedUp(page);
    // Hold the request briefly so "Grading..." and the disabled button are observable, whatever the grader's speed.
    await page.route('**/submissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await openExercise(page, 'Sum');
    const button = page.getByRole('button', { name: 'Run Code' });
    await button.click();
    await visible(page.locator('.grade-text').filter({ hasText: 'Grading...' }));
    assert.ok(await button.isDisabled(), 'Run Code disabled while grading');
    await visible(page.locator('.result .grade-text').filter({ hasText: 'Incorrect!' }), GRADING_TIMEOUT);
    assert.ok(await button.isEnabled());
  }],

  ['solving an exercise: Correct!, a solved mark, and solved in My progress', async ({ page, harness }) => {
    const { verdict, result } = await newLearnerRuns(page, 'Sum', 'def sum(x, y):\n    return x + y\n');
    assert.equal(verdict, 'Correct!');
    await visible(result.getByText('All tests passed.'));
    await visible(page.locator('.tag').filter({ hasText: '✓ Solved' }));
    const listed = page.getByRole('navigation', { name: 'All exercises' }).getByRole('link', { name: /^Sum\b/ });
    await visible(listed.locator('.solved-mark').filter({ hasText: '✓' }));
    await harness.screenshot(page, 'exercise-correct');

    await link(page, 'My progress').click();
    await visible(h1(page, 'My progress'));
    const summary = page.locator('.progress-summary');
    await visible(summary);
    assert.match((await summary.textContent()).trim(), /^Solved 1 of \d+ exercises$/);
    const sum = page.locator('.progress-item').filter({ has: page.getByRole('link', { name: 'Sum', exact: true }) });
    assert.match(await sum.getAttribute('class'), /\bsolved\b/);
    assert.match((await sum.locator('.progress-state').textContent()).trim(), /^✓ Solved · 1 attempt$/);
    await visible(page.locator('.recent-submissions').getByRole('cell', { name: 'Passed', exact: true }));
    await harness.screenshot(page, 'progress');
  }],

  ['a wrong answer: Incorrect! with each test, pass/fail, expected vs actual, and the output', async ({ page, harness }) => {
    const { verdict, result } = await newLearnerRuns(page, 'Sum', 'def sum(x, y):\n    print("adding", x, y)\n    return x + y if x >= 0 else 0\n');
    assert.equal(verdict, 'Incorrect!');
    await visible(result.getByText('Some tests did not give the expected result.'));
    const failed = result.locator('tr.test-failed').filter({ has: page.getByRole('rowheader', { name: 'adds negative numbers' }) });
    await visible(failed);
    const cells = (await failed.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells, ['sum(-4, 1)', '✗ failed', '-3', '0']);
    // hidden tests: passed/failed only, never their call or values
    const hidden = result.locator('tr.test-hidden');
    assert.ok((await hidden.count()) >= 1, 'the seed Sum has hidden tests');
    for (const cellsOfHidden of await Promise.all((await hidden.all()).map((row) => row.locator('td').allTextContents()))) {
      assert.deepEqual(cellsOfHidden.map((t) => t.trim()).filter((t) => !/passed|failed/.test(t)), ['', '', '']);
    }
    const passed = result.locator('tr.test-passed').filter({ has: page.getByRole('rowheader', { name: 'adds small numbers' }) });
    // columns: call, result, expected, actual
    assert.equal((await passed.locator('td').nth(1).textContent()).trim(), '✓ passed');
    await visible(result.locator('.program-output').filter({ hasText: 'adding 2 3' }));
    await harness.screenshot(page, 'exercise-incorrect');

    await typeCode(page, 'def sum(x, y):\n    while True:\n        pass\n');
    const timeout = await runCode(page);
    assert.equal(timeout.verdict, 'Incorrect!');
    await visible(timeout.result.getByText(/took too long and was stopped/));
  }],

  ['admin: a failing reference solution is refused with the server\'s message; a valid exercise is created and a learner solves it', async ({ page, harness }) => {
    const title = `Triple ${Date.now().toString(36)}`;
    await signedIn(page, ADMIN);
    await visible(link(page, 'Admin'));
    await link(page, 'Admin').click();
    await visible(h1(page, 'Admin'));
    await harness.screenshot(page, 'admin');
    await page.getByRole('link', { name: 'New exercise' }).click();
    await visible(h1(page, 'New exercise'));
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Prompt (markdown)').fill('Define `triple(n)` returning **three times** `n`.');
    await page.getByLabel('Starter code').fill('def triple(n):\n    pass\n');
    await page.getByLabel('Test 1 name').fill('triples two');
    await page.getByLabel('Test 1 call').fill('triple(2)');
    await page.getByLabel('Test 1 expected').fill('6');
    await page.getByRole('button', { name: 'Add a test' }).click();
    await page.getByLabel('Test 2 name').fill('triples a word');
    await page.getByLabel('Test 2 call').fill("triple('ab')");
    await page.getByLabel('Test 2 expected').fill('"ababab"');
    await page.getByLabel('Reference solution').fill('def triple(n):\n    return n * 2\n');
    await page.getByRole('button', { name: 'Create exercise' }).click();
    const refused = page.locator('.notification.is-danger[role="alert"]');
    await visible(refused, GRADING_TIMEOUT);
    assert.match(await refused.textContent(), /triples two|triples a word/);
    await harness.screenshot(page, 'admin-exercise-refused');

    await page.getByLabel('Reference solution').fill('def triple(n):\n    return n * 3\n');
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await visible(h1(page, 'Admin'), GRADING_TIMEOUT);
    await visible(alert(page).filter({ hasText: /./ }));
    assert.match(await alert(page).getAttribute('class'), /alert-success/);
    await visible(page.getByRole('cell', { name: title, exact: true }));

    await link(page, 'Log Out').click();
    await visible(page.getByText('You are now logged out.', { exact: false }));
    await signedUp(page);
    await openExercise(page, title);
    await visible(page.locator('.exercise-body strong').filter({ hasText: 'three times' }));
    assert.equal(await editorText(page), 'def triple(n):\n    pass\n');
    await typeCode(page, 'def triple(n):\n    return n + n + n\n');
    const { verdict } = await runCode(page);
    assert.equal(verdict, 'Correct!');
  }, { expectedConsoleErrors: [REFUSED_400] }],

  ['sessions: a bad access token is refreshed transparently; an unrefreshable one ends on Login with a message', async ({ page }) => {
    const user = await signedUp(page);
    await page.evaluate(() => localStorage.setItem('authToken', 'not.a.valid-token'));
    await page.goto('/status');
    await visible(page.locator('.status-list').getByText(user.email));
    const fresh = await page.evaluate(() => localStorage.getItem('authToken'));
    assert.notEqual(fresh, 'not.a.valid-token');

    await page.evaluate(() => {
      localStorage.setItem('authToken', 'not.a.valid-token');
      localStorage.setItem('refreshToken', 'revoked-or-made-up');
    });
    await page.goto('/status');
    await visible(h1(page, 'Login'));
    await flash(page, 'Your session has expired. Please log in again.', 'danger');
    await visible(link(page, 'Log In'));
    // the made-up tokens are refused on purpose: /auth/status and /auth/refresh answer 401
  }, { expectedConsoleErrors: [REFUSED_401] }],

  ['keyboard only: log in with Tab and Enter, reach Run Code without a mouse', async ({ page }) => {
    await page.goto('/login');
    await visible(h1(page, 'Login'));
    let reached = false;
    for (let i = 0; i < 25 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'email');
    }
    assert.ok(reached, 'Tab reaches the email field');
    await page.keyboard.type(MICHAEL.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.type(MICHAEL.password);
    await page.keyboard.press('Enter');
    await flash(page, 'Welcome!', 'success');
    await visible(page.locator('.cm-content'));
    let onRun = false;
    for (let i = 0; i < 40 && !onRun; i += 1) {
      await page.keyboard.press('Tab');
      onRun = await page.evaluate(() => document.activeElement?.textContent === 'Run Code');
    }
    assert.ok(onRun, 'Tab reaches Run Code (the editor does not trap Tab)');
  }],

  ['phone width: the menu button reveals the links and an exercise can be run', async ({ page, harness }) => {
    await signedIn(page, MICHAEL);
    const menu = page.getByRole('button', { name: 'Menu' });
    await visible(menu);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await link(page, 'About').isVisible()));
    await harness.screenshot(page, 'phone-exercises');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 400, `no horizontal scrolling at phone width (scrollWidth ${width})`);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await visible(link(page, 'My progress'));
    await harness.screenshot(page, 'phone-menu');
    await link(page, 'My progress').click();
    await visible(h1(page, 'My progress'));
    assert.ok(!(await link(page, 'About').isVisible()), 'the menu folds after choosing a page');
  }, { viewport: { width: 390, height: 844 } }],

  ['api docs: /docs through main renders Swagger UI under main\'s CSP, with no violation', async ({ page, harness }) => {
    const refused = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto('/docs');
    const headers = response.headers();
    assert.ok((headers['content-security-policy'] ?? '').includes("frame-ancestors 'none'"), headers['content-security-policy']);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin');
    await visible(page.locator('.swagger-ui .info .title'), 30_000);
    await visible(page.locator('.swagger-ui .opblock'), 30_000);
    await harness.screenshot(page, 'api-docs');
    assert.deepEqual(refused, [], 'the page runs within its CSP');
  }],
];
