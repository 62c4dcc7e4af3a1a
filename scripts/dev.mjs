// `npm run dev`: the API server (restarting on change, port 8787) beside Vite's dev server
// (http://localhost:5173, proxying /api).
import { spawn } from 'node:child_process';

const env = {
  ...process.env,
  PORT: process.env.API_PORT ?? '8787',
  DATA_DIR: process.env.DATA_DIR ?? 'data/dev',
};
const children = [
  spawn('npx', ['tsx', 'watch', 'src/server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, API_PORT: env.PORT } }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', stop));
