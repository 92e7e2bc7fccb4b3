// Reads test counts from the closing lines that jest, node --test and Playwright print, so that
// `npm test` can end with one line adding them up.

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Test counts read from the runners' own closing lines as their output streams by. */
export class TestTally {
  passed = 0;
  failed = 0;
  skipped = 0;
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

  #read(rawLine) {
    const line = rawLine.replace(ANSI_COLOR, '');
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
}

function count(summary, word) {
  const match = new RegExp(`(\\d+) ${word}`).exec(summary);
  return match ? Number(match[1]) : 0;
}
