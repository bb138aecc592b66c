// Builds the web app once after install (and again when its sources are newer than the build),
// so `npm install && npm start` serves the UI without a separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
const sources = Math.max(
  newest(path.join(root, 'web/src')),
  newest(path.join(root, 'web/public')),
  ...['web/index.html', 'web/vite.config.ts', 'web/package.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
);
if (built < sources) {
  console.log('kehu: building the web app…');
  // A test runner's NODE_ENV=test would otherwise produce React's development bundle.
  execSync('npm run -s build -w web', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
