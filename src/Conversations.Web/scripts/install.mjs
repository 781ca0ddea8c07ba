// Runs `npm ci` under the build lock, and only when package-lock.json differs from the one node_modules
// was installed from: parallel MSBuild nodes must not install into the same node_modules at once.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLock } from './lock.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'node_modules', '.conversations-lock-hash');
const lockHash = createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');

// The lock lives outside node_modules here, since npm ci deletes node_modules.
await withLock(path.join(root, '.install.lock'), async () => {
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockHash) {
    console.log('node_modules is up to date');
    return;
  }
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(stamp, lockHash);
});
