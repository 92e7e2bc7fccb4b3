// Reads the runners' output as it streams by, so that `npm test` can end with one line adding up
// the test counts (from the closing lines of jest, node --test and Playwright) and, after a
// failure, name the failing test files and the command that re-runs just those.

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const TEST_FILE = /\.[cm]?[jt]sx?$/;

/** Test counts read from the runners' own closing lines as their output streams by. */
export class TestTally {
  passed = 0;
  failed = 0;
  skipped = 0;
  // Nx task id ("api-identity:test") → jest test files that failed in it, in order of appearance.
  #failedFiles = new Map();
  // Nx tasks that failed, from Nx's closing "Failed tasks:" list.
  #failedTasks = new Set();
  // The Nx task whose output is being read: Nx's static output prints it whole under its header.
  #task = null;
  #inFailedTaskList = false;
  // The unfinished last line of each stream (stdout and stderr arrive interleaved).
  #pending = new Map();

  feed(chunk, stream = 'stdout') {
    const lines = ((this.#pending.get(stream) ?? '') + chunk.toString('utf8')).split('\n');
    this.#pending.set(stream, lines.pop() ?? '');
    for (const line of lines) this.#read(line);
  }

  flush() {
    for (const rest of this.#pending.values()) if (rest) this.#read(rest);
    this.#pending.clear();
  }

  /**
   * What failed, task by task: `[{ task, files }]`, `task` null for output outside an Nx task,
   * `files` the failing jest test files as jest printed them (relative to the task's directory).
   */
  failures() {
    const tasks = new Set([...this.#failedFiles.keys(), ...this.#failedTasks]);
    return [...tasks].map((task) => ({ task, files: [...(this.#failedFiles.get(task) ?? [])] }));
  }

  #read(rawLine) {
    const line = rawLine.replace(ANSI_COLOR, '').replace(/\r/g, '');
    if (this.#readNxLine(line)) return;
    // jest, per test file and again in its closing summary: " FAIL  api-identity  src/a.spec.ts (5.1 s)"
    const failed = /^\s*FAIL\s+(.+)$/.exec(line);
    if (failed) {
      const fields = failed[1]
        .replace(/\s+\([\d.]+\s*m?s\)\s*$/, '')
        .trim()
        .split(/\s+/);
      const file = fields.at(-1);
      // Only jest's badge line names a test file; a test's own output might start with FAIL too.
      if (!TEST_FILE.test(file)) return;
      if (!this.#failedFiles.has(this.#task)) this.#failedFiles.set(this.#task, new Set());
      this.#failedFiles.get(this.#task).add(file);
      return;
    }
    // jest: "Tests:       1 failed, 2 skipped, 40 passed, 43 total"
    const jest = /\bTests:\s+(.*\d+ total)/.exec(line);
    if (jest) {
      this.failed += count(jest[1], 'failed');
      this.skipped += count(jest[1], 'skipped') + count(jest[1], 'todo');
      this.passed += count(jest[1], 'passed');
      return;
    }
    // node --test: "ℹ pass 12" / "# pass 12", "ℹ fail 0", "ℹ skipped 1"
    const nodeTest = /^\s*(?:ℹ|#) (pass|fail|skipped|todo) (\d+)\s*$/.exec(line);
    if (nodeTest) {
      const n = Number(nodeTest[2]);
      if (nodeTest[1] === 'pass') this.passed += n;
      else if (nodeTest[1] === 'fail') this.failed += n;
      else this.skipped += n;
      return;
    }
    // Playwright test runner: "  12 passed (9.1s)", "  1 failed", "  2 skipped"
    const playwright = /^\s+(\d+) (passed|failed|skipped|flaky)(?: \([\d.]+m?s\))?\s*$/.exec(line);
    if (playwright) {
      const n = Number(playwright[1]);
      if (playwright[2] === 'passed' || playwright[2] === 'flaky') this.passed += n;
      else if (playwright[2] === 'failed') this.failed += n;
      else this.skipped += n;
    }
  }

  /** Nx's task headers and closing list of failed tasks; true when the line was one of those. */
  #readNxLine(line) {
    // "> nx run api-identity:test" (followed by the arguments passed on, if any)
    const header = /^> nx run (\S+)/.exec(line);
    if (header) {
      this.#task = header[1];
      this.#inFailedTaskList = false;
      return true;
    }
    if (/^\s*Failed tasks:\s*$/.test(line)) {
      this.#inFailedTaskList = true;
      return true;
    }
    if (this.#inFailedTaskList) {
      const task = /^\s*- (\S+:\S+)\s*$/.exec(line);
      if (task) this.#failedTasks.add(task[1]);
      else if (line.trim() !== '') this.#inFailedTaskList = false;
      return Boolean(task) || line.trim() === '';
    }
    return false;
  }
}

function count(summary, word) {
  const match = new RegExp(`(\\d+) ${word}`).exec(summary);
  return match ? Number(match[1]) : 0;
}

const shellWord = (word) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;

/**
 * The command that re-runs one failure: the Nx task, limited to its failing jest files when there
 * are some (Nx passes them on to jest, which finds them relative to the task's directory, as it
 * printed them; by path rather than as patterns, which a file name could upset).
 */
export function rerunCommand({ task, files }) {
  const byPath = files.length > 0 ? ` --runTestsByPath ${files.map(shellWord).join(' ')}` : '';
  if (task === null) return `npx jest${byPath}`;
  return byPath ? `npx nx run ${task} --${byPath}` : `npx nx run ${task}`;
}
