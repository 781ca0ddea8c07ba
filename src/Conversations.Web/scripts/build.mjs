// Builds the widget, its lazy chunks, the demo page and the console into the server's wwwroot.
// Several MSBuild nodes (or several test projects) may build the server at once, so the whole build runs
// under a lock, into a staging folder that replaces wwwroot in one rename, and is skipped when the
// inputs' hash matches the one recorded by the last build.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { withLock } from './lock.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wwwroot = path.resolve(root, '../Conversations.Server/wwwroot');
const hashFile = path.join(wwwroot, '.build-hash');
const force = process.argv.includes('--force');
const widgetBudget = 40 * 1024;

function inputFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  for (const dir of ['src', 'console', 'scripts', 'public']) {
    if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  }
  for (const name of fs.readdirSync(root)) {
    if (/^(index\.html|package(-lock)?\.json|tsconfig\.json|vite\..*\.ts)$/.test(name)) files.push(path.join(root, name));
  }
  return files.sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command, args, env) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function reportSizes(dir) {
  const gz = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const widget = gz(path.join(dir, 'widget.js'));
  console.log(`widget.js: ${(widget / 1024).toFixed(1)} KB gzipped (budget ${widgetBudget / 1024} KB, SignalR client included)`);
  for (const name of fs.readdirSync(path.join(dir, 'widget')).sort()) {
    console.log(`  lazy widget/${name}: ${(gz(path.join(dir, 'widget', name)) / 1024).toFixed(1)} KB gzipped`);
  }
  if (widget > widgetBudget) {
    throw new Error(`widget.js is ${widget} bytes gzipped, over the ${widgetBudget}-byte budget`);
  }
}

await withLock(path.join(root, 'node_modules', '.conversations-build.lock'), async () => {
  const hash = inputsHash();
  if (!force && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === hash && fs.existsSync(path.join(wwwroot, 'widget.js'))) {
    console.log('web apps are up to date');
    return;
  }

  run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  const staging = path.join(root, "node_modules", `.wwwroot-staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  for (const config of ['vite.widget.config.ts', 'vite.lazy.config.ts', 'vite.app.config.ts']) {
    run(process.execPath, [vite, 'build', '--logLevel', 'warn', '-c', config], { CONVERSATIONS_WEB_OUT: staging });
  }
  reportSizes(staging);
  fs.writeFileSync(path.join(staging, '.build-hash'), hash);

  const old = path.join(root, "node_modules", `.wwwroot-old-${process.pid}`);
  if (fs.existsSync(wwwroot)) fs.renameSync(wwwroot, old);
  fs.renameSync(staging, wwwroot);
  fs.rmSync(old, { recursive: true, force: true });
});
