// Type-checks every TypeScript project of the workspace (apps, libs, their tests), two at a time.
import { spawn } from 'node:child_process';
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CONFIGS = [
  'tsconfig.app.json',
  'tsconfig.lib.json',
  'tsconfig.spec.json',
  'tsconfig.e2e.json',
];

function projectDirs(root) {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) return [];
    if (existsSync(join(dir, 'project.json'))) return [dir];
    return projectDirs(dir);
  });
}

const configs = [...projectDirs('apps'), ...projectDirs('libs')].flatMap((dir) =>
  CONFIGS.map((file) => join(dir, file)).filter((file) => existsSync(file)),
);

const run = (config) =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '--noEmit', '-p', config],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ config, code, output }));
  });

const queue = [...configs];
const failures = [];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) {
      const result = await run(queue.shift());
      if (result.code !== 0) failures.push(result);
    }
  }),
);

for (const { config, output } of failures) process.stderr.write(`\n✗ ${config}\n${output}`);
process.stdout.write(
  `typecheck: ${configs.length - failures.length}/${configs.length} projects clean\n`,
);
process.exit(failures.length === 0 ? 0 : 1);
