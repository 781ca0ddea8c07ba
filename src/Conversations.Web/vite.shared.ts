import { fileURLToPath } from 'node:url';

/** Where every build writes: the server's wwwroot, or a staging folder chosen by scripts/build.mjs. */
export const outDir =
  process.env.CONVERSATIONS_WEB_OUT ?? fileURLToPath(new URL('../Conversations.Server/wwwroot', import.meta.url));

/** Lib mode leaves process.env.NODE_ENV alone; libraries read it to drop their development paths. */
export const productionDefines = { 'process.env.NODE_ENV': JSON.stringify('production') };
