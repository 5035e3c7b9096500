// A small sequential runner: one browser, a fresh context (own localStorage) per scenario, a clear summary line.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export class Harness {
  constructor({ browser, baseUrl, screenshots }) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.results = [];
    rmSync(screenshots, { recursive: true, force: true }); // no stale FAILED-*.png from an earlier run
    mkdirSync(screenshots, { recursive: true });
  }

  // Any console error fails the scenario: a page that logs one is broken for someone. A scenario that provokes an
  // error on purpose (a wrong password answers 401, which Chromium logs) names it in expectedConsoleErrors.
  async run(name, scenario, { viewport = { width: 1280, height: 900 }, expectedConsoleErrors = [] } = {}) {
    const started = Date.now();
    const context = await this.browser.newContext({ baseURL: this.baseUrl, viewport });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = [];
    const consoleErrors = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const where = message.location()?.url ? ` (${message.location().url})` : '';
      consoleErrors.push(text + where);
      // A CSP violation means a page that works in dev but breaks behind main's headers.
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
      else if (!expectedConsoleErrors.some((pattern) => pattern.test(text + where))) {
        problems.push(`console error: ${text}${where}`);
      }
    });
    try {
      await scenario({ page, context, harness: this });
      if (problems.length) throw new Error(problems.join('\n'));
      this.results.push({ name, ok: true });
      console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      this.results.push({ name, ok: false, error });
      console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 8).join('\n    ')}`);
      if (consoleErrors.length) console.log(`    browser console errors:\n      ${consoleErrors.slice(-5).join('\n      ')}`);
      await page.screenshot({ path: path.join(this.screenshots, `FAILED-${slug(name)}.png`), fullPage: true }).catch(() => {});
    } finally {
      await context.close();
    }
  }

  async screenshot(page, name) {
    await page.screenshot({ path: path.join(this.screenshots, `${name}.png`), fullPage: true });
  }

  summary() {
    const passed = this.results.filter((r) => r.ok).length;
    const failed = this.results.length - passed;
    return { passed, failed };
  }
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
