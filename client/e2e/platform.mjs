// Starts the real platform (embedded PostgreSQL + the four services) through the launcher, or uses E2E_BASE_URL.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READY = /^Dojo is ready at (http:\/\/localhost:\d+)\s*$/;

export function findLauncherJar(repo) {
  const dir = path.join(repo, 'launcher', 'target');
  if (!existsSync(dir)) return null;
  const jar = readdirSync(dir).find((name) => /^dojo-launcher-.*\.jar$/.test(name) && !name.startsWith('original-'));
  return jar ? path.join(dir, jar) : null;
}

/**
 * Runs `java -jar launcher.jar --random-ports --data-dir <tmp>` and resolves with main's URL once the launcher's
 * ready line appears. The rate limit on login/register is lifted: the suite signs in far more than 10 times a minute
 * from one address (the limit itself is main's own tests' business).
 */
export async function startPlatform({ repo, logFile, readyTimeoutMs = 240_000, extraArgs = [] }) {
  const jar = findLauncherJar(repo);
  if (!jar) throw new Error(`launcher jar not found under ${repo}/launcher/target (build it: ./mvnw -q install -DskipTests)`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-e2e-'));
  const log = createWriteStream(logFile);
  const child = spawn('java', ['-jar', jar, '--random-ports', '--data-dir', dataDir, '--home', repo, ...extraArgs], {
    cwd: repo,
    env: { ...process.env, DOJO_RATE_LIMIT_REQUESTS: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const banner = []; // the lines from the ready line on: the banner (e.g. --observe's Zipkin URL)
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not ready within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    let buffered = '';
    const onData = (chunk) => {
      log.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (banner.length && banner.length < 100) banner.push(line);
        const match = READY.exec(line);
        if (match) {
          banner.push(line);
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(() => {
      clearTimeout(timer);
      reject(new Error(`launcher exited before ready (${JSON.stringify(exited)})`));
    });
  }).catch((error) => {
    child.kill('SIGTERM');
    error.message += `\n--- last launcher lines ---\n${tail.join('\n')}`;
    throw error;
  });

  return {
    baseUrl,
    /** The first group of the first launcher line matching `pattern`, waiting up to `timeoutMs` for it. */
    async awaitLine(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = banner.map((line) => pattern.exec(line)).find(Boolean);
        if (match) return match[1];
        if (Date.now() > deadline) throw new Error(`no launcher line ${pattern}\n${tail.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exitPromise;
        clearTimeout(killer);
      }
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
