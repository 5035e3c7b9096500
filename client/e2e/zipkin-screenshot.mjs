#!/usr/bin/env node
// Re-takes docs/images/zipkin-submission-trace.png (docs/observability.md): starts the platform with the launcher's
// --observe (the real Zipkin server next to it), sends one failing submission through main with a traceparent of
// its own, waits until Zipkin holds that trace with main's, eval's and the sandbox run's spans, then opens the
// trace in Zipkin's UI in Debian's headless Chromium (playwright-core, like the e2e suite), selects the sandbox run
// span (its tags show the verdict) and saves the page.
// Usage: node client/e2e/zipkin-screenshot.mjs [out.png]
//   E2E_BASE_URL=http://localhost:8080 ZIPKIN_URL=http://localhost:9411  a platform already running with --observe
//   DOJO_CHROMIUM=/path/to/chromium                                        another Chromium (default /usr/bin/chromium)
//   READY_TIMEOUT_S=240                                                    how long the platform may take to start
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatform } from './platform.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const out = path.resolve(process.argv[2] || path.join(repo, 'docs', 'images', 'zipkin-submission-trace.png'));
const chromiumPath = process.env.DOJO_CHROMIUM || '/usr/bin/chromium';
const ZIPKIN_LINE = /^Traces \(Zipkin UI\): (http:\/\/localhost:\d+)\/zipkin\/$/;

if (!existsSync(chromiumPath)) {
  console.error(`zipkin-screenshot: chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
  process.exit(1);
}
const { chromium } = createRequire(path.join(here, '..', 'package.json'))('playwright-core');

async function api(base, method, url, { body, token, traceparent } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (traceparent) headers.traceparent = traceparent;
  const response = await fetch(base + url, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Polls Zipkin until the trace holds main's and eval's spans and the sandbox run (spans arrive in batches). */
async function awaitTrace(zipkin, traceId) {
  const deadline = Date.now() + 180_000;
  let last = null;
  while (Date.now() < deadline) {
    const response = await fetch(`${zipkin}/api/v2/trace/${traceId}`);
    if (response.ok) {
      last = await response.json();
      const services = new Set(last.map((span) => span.localEndpoint?.serviceName));
      if (services.has('main') && services.has('eval') && last.some((span) => span.name === 'sandbox run')) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`trace ${traceId} incomplete in Zipkin: ${JSON.stringify(last)}`);
}

let platform = null;
let browser = null;
let exitCode = 1;
try {
  let base = process.env.E2E_BASE_URL;
  let zipkin = process.env.ZIPKIN_URL;
  if (!base || !zipkin) {
    const logFile = path.join(repo, 'e2e', 'target', 'zipkin-screenshot-platform.log');
    mkdirSync(path.dirname(logFile), { recursive: true });
    console.log(`zipkin-screenshot: starting the platform with --observe; log in ${logFile}`);
    // READY_TIMEOUT_S: a machine busy with other builds may need far longer than the launcher's default
    const readySeconds = Number(process.env.READY_TIMEOUT_S || 240);
    platform = await startPlatform({ repo, logFile, readyTimeoutMs: readySeconds * 1000,
      extraArgs: ['--observe', '--ready-timeout', String(readySeconds)] });
    base = platform.baseUrl;
    zipkin = await platform.awaitLine(ZIPKIN_LINE);
  }
  const login = await api(base, 'POST', '/auth/login', { body: { email: 'michael@realpython.com', password: 'test' } });
  const token = login.auth_token;
  const exercises = await api(base, 'GET', '/exercises', { token });
  const sum = exercises.data.exercises.find((exercise) => exercise.title === 'Sum');
  if (!sum) throw new Error('the seeded Sum exercise is missing');
  const traceId = randomBytes(16).toString('hex');
  // a wrong answer: the trace a reader goes looking for
  await api(base, 'POST', '/submissions', {
    token,
    traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    body: { exercise_id: sum.id, code: 'def sum(x, y):\n    return x * y\n' },
  });
  const spans = await awaitTrace(zipkin, traceId);
  console.log(`zipkin-screenshot: trace ${traceId}, ${spans.length} spans`);

  browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(120_000);
  const sandboxRow = page.getByText('sandbox run', { exact: false }).first();
  // a Zipkin still warming up may leave its first page blank: load it again, up to three times
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${zipkin}/zipkin/traces/${traceId}`);
    try {
      await sandboxRow.waitFor({ timeout: 60_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await sandboxRow.click();
  await page.getByText('dojo.verdict').first().waitFor({ timeout: 60_000 });
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`zipkin-screenshot: saved ${path.relative(repo, out)}`);
  exitCode = 0;
} catch (error) {
  console.error(`zipkin-screenshot: ${error.stack || error.message}`);
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  if (pages.length) {
    const failed = path.join(repo, 'e2e', 'target', 'zipkin-screenshot-FAILED.png');
    await pages[0].screenshot({ path: failed }).catch(() => {});
    console.error(`zipkin-screenshot: the page as it was: ${failed}`);
  }
} finally {
  await browser?.close().catch(() => {});
  await platform?.stop().catch((error) => console.error(`zipkin-screenshot: stopping the platform: ${error.message}`));
}
process.exit(exitCode);
