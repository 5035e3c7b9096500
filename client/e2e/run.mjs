#!/usr/bin/env node
// Browser end-to-end tests: Debian's Chromium (never a downloaded browser) driven by playwright-core against the
// real platform started by the launcher. Usage: node client/e2e/run.mjs [filter]
//   E2E_BASE_URL=http://localhost:8080  use a platform that is already running instead of starting one
//   DOJO_CHROMIUM=/path/to/chromium      another Chromium binary (default /usr/bin/chromium)
//   E2E_SCREENSHOTS=<dir>                where screenshots go (default <repo>/e2e/target/screenshots)
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harness } from './harness.mjs';
import { startPlatform } from './platform.mjs';
import { scenarios } from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const chromiumPath = process.env.DOJO_CHROMIUM || '/usr/bin/chromium';
const target = path.join(repo, 'e2e', 'target');
const screenshots = process.env.E2E_SCREENSHOTS || path.join(target, 'screenshots');
const filter = process.argv[2];

if (!existsSync(chromiumPath)) {
  // never a silent pass: the README's test command installs Chromium first (launcher/prerequisites.sh)
  console.error(`e2e: chromium not found at ${chromiumPath}; install it with apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}

let chromium;
try {
  ({ chromium } = createRequire(path.join(here, '..', 'package.json'))('playwright-core'));
} catch {
  console.error('e2e: playwright-core is not installed; run `npm ci` in client/ (the client module does it)');
  process.exit(1);
}

mkdirSync(target, { recursive: true });
const started = Date.now();
let platform = null;
let browser = null;
let exitCode = 1;

async function shutdown() {
  await browser?.close().catch(() => {});
  await platform?.stop().catch((e) => console.error(`e2e: stopping the platform failed: ${e.message}`));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await shutdown();
    process.exit(130);
  });
}

try {
  let baseUrl = process.env.E2E_BASE_URL;
  if (!baseUrl) {
    const logFile = path.join(target, 'platform.log');
    console.log(`e2e: starting the platform (launcher, embedded PostgreSQL, four services); log in ${logFile}`);
    platform = await startPlatform({ repo, logFile });
    baseUrl = platform.baseUrl;
    console.log(`e2e: platform ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const harness = new Harness({ browser, baseUrl, screenshots });
  const chosen = scenarios.filter(([name]) => !filter || name.includes(filter));
  console.log(`e2e: ${chosen.length} scenarios in ${browser.version() ? `Chromium ${browser.version()}` : 'Chromium'}`);
  for (const [name, scenario, options] of chosen) {
    await harness.run(name, scenario, options);
  }
  const { passed, failed } = harness.summary();
  console.log(`e2e: screenshots in ${screenshots}; took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (error) {
  console.error(`e2e: ${error.message}`);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
