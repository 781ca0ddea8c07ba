// A cross-platform inter-process lock: mkdir is atomic everywhere. A lock older than ten minutes was
// left by a killed build and is taken over.
import fs from 'node:fs';
import path from 'node:path';

const staleAfterMs = 10 * 60 * 1000;

export async function withLock(lockDir, action) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > staleAfterMs) {
          fs.rmSync(lockDir, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue;
      }
      if (!announced) {
        console.log(`waiting for another web build (${lockDir})`);
        announced = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
