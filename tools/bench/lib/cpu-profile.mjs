// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where a server spent its own CPU time,
// by package and by function. Used by `npm run bench:p1 -- --profile` to show what the API's
// stack costs over bare Fastify.
import { readFileSync } from 'node:fs';

function ownerOf(url) {
  if (!url) return '(native / V8)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return 'node core';
  return '(app bundle)';
}

/** Self time per package and per function, largest first, as shares of all samples. */
export function summariseProfile(path, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const isIdle = (id) => byId.get(id).callFrame.functionName === '(idle)';
  const idle = profile.samples.filter(isIdle).length;
  // Shares of the time the process was busy, so that idle stretches do not dilute them.
  const total = profile.samples.length - idle || 1;
  const packages = new Map();
  const functions = new Map();
  for (const [id, count] of hits) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') continue;
    const owner = ownerOf(callFrame.url);
    packages.set(owner, (packages.get(owner) ?? 0) + count);
    const file = callFrame.url.split('/').slice(-2).join('/');
    const name = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + count);
  }
  const share = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, percent: (100 * count) / total }));
  return { packages: share(packages), functions: share(functions) };
}

export function formatProfile(summary) {
  const rows = (list) =>
    list.map(({ name, percent }) => `  ${percent.toFixed(1).padStart(5)}%  ${name}`);
  return [
    'Share of busy CPU time spent in each package (self time):',
    ...rows(summary.packages),
    'Share of busy CPU time by function (self time):',
    ...rows(summary.functions),
  ].join('\n');
}
