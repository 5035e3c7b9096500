// What a user does and sees, in Playwright terms (playwright-core has no expect(): these wait, then assert).
import assert from 'node:assert/strict';

export const ADMIN = { email: 'admin@dojo.dev', password: 'dojo-admin-password' };
export const MICHAEL = { username: 'michael', email: 'michael@realpython.com', password: 'test' };
export const GRADING_TIMEOUT = 30_000;

let counter = 0;
/** A user nobody registered yet (usernames must be longer than 5 characters). */
export function newUser() {
  counter += 1;
  const username = `e2e${Date.now().toString(36)}${counter}`;
  return { username, email: `${username}@e2e.dojo.dev`, password: 'e2e-password-123' };
}

export const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
export const link = (page, name) => page.getByRole('link', { name, exact: true });
export const alert = (page) => page.locator('.alert[role="alert"]');

export async function visible(locator, timeout) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function gone(locator, timeout) {
  await locator.first().waitFor({ state: 'detached', timeout });
}

/** The flash message shows exactly this text with this type (success or danger). */
export async function flash(page, text, type) {
  const message = alert(page);
  await visible(message.filter({ hasText: text }));
  assert.equal(await message.count(), 1, 'one flash message at a time');
  assert.equal((await message.locator('.alert-text').textContent()).trim(), text);
  assert.match(await message.getAttribute('class'), new RegExp(`\\balert-${type}\\b`));
}

export async function register(page, user) {
  await page.goto('/register');
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('input[type="submit"]').click();
}

export async function login(page, user) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('input[type="submit"]').click();
}

/** Registers and waits until the Exercises page greets the new user. */
export async function signedUp(page, user = newUser()) {
  await register(page, user);
  await visible(h1(page, 'Exercises'));
  await flash(page, 'Welcome!', 'success');
  return user;
}

export async function signedIn(page, user) {
  await login(page, user);
  await visible(h1(page, 'Exercises'));
  await flash(page, 'Welcome!', 'success');
  // At phone width the link sits folded behind the Menu button: present, not visible.
  await page.locator('#navbar-links a', { hasText: 'Log Out' }).waitFor({ state: 'attached' });
}

export async function rules(page) {
  return page.locator('.validation-list > li').evaluateAll((items) =>
    items.map((li) => ({ text: li.textContent.trim(), state: li.className })));
}

export async function navTexts(page) {
  return (await page.locator('#navbar-links a').allTextContents()).map((text) => text.trim());
}

/** Opens an exercise by its title from the list on the Exercises page. */
export async function openExercise(page, title) {
  if (!new URL(page.url()).pathname.match(/^\/($|exercise\/)/)) await page.goto('/');
  await page.getByRole('navigation', { name: 'All exercises' }).getByRole('link', { name: new RegExp(`^✓?${escape(title)}`) }).click();
  await visible(page.getByRole('heading', { level: 2, name: title, exact: true }));
  await visible(page.locator('.cm-content'));
}

/** Replaces the editor's content as a user would: focus, select all, type (pasted in one go). */
export async function typeCode(page, code) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  assert.equal(await editorText(page), code);
}

export async function editorText(page) {
  return page.locator('.cm-content').evaluate((el) =>
    Array.from(el.querySelectorAll('.cm-line')).map((line) => line.textContent).join('\n'));
}

/** Presses Run Code, sees it disable itself with Grading..., and returns the result panel. */
export async function runCode(page) {
  const button = page.getByRole('button', { name: 'Run Code' });
  await button.click();
  const grade = page.locator('.grade-text');
  await visible(grade);
  const first = (await grade.textContent()).trim();
  if (first === 'Grading...') {
    // It may finish between the click and this look; when it did not, the button must be disabled meanwhile.
    const disabled = await button.isDisabled();
    const stillGrading = (await grade.textContent().catch(() => '')).trim() === 'Grading...';
    if (stillGrading) assert.ok(disabled, 'Run Code is disabled while grading');
  }
  const result = page.locator('.result');
  await visible(result, GRADING_TIMEOUT);
  assert.ok(await button.isEnabled(), 'Run Code comes back after grading');
  return { verdict: (await result.locator('.grade-text').textContent()).trim(), result, sawGrading: first === 'Grading...' };
}

/** A new learner submits `code` for an exercise and gets its result panel (see runCode). */
export async function newLearnerRuns(page, title, code) {
  await signedUp(page);
  await openExercise(page, title);
  await typeCode(page, code);
  return runCode(page);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
