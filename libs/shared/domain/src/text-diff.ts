/**
 * A word-level diff of two texts, for the practice library's version comparisons (server answer
 * and web display alike): the texts are cut into words and the spaces between them, the longest
 * common subsequence of those tokens is kept as `equal`, the rest is `delete` (only in the
 * former text) or `insert` (only in the latter). Neighbouring segments of one kind are merged,
 * so joining every `equal` and `delete` gives the former text back, and every `equal` and
 * `insert` the latter.
 */
export type TextDiffOp = 'equal' | 'insert' | 'delete';

export interface TextDiffSegment {
  op: TextDiffOp;
  text: string;
}

/** Words (any script) and the runs of spacing or punctuation between them, in order. */
export function diffTokensOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_]+/gu) ?? [];
}

/**
 * Above this many token pairs the LCS table would be too large to hold (two texts of ~3,000
 * words each): the texts are then answered as one deletion and one insertion, still exact.
 */
const MAX_CELLS = 9_000_000;

export function diffWords(before: string, after: string): TextDiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = diffTokensOf(before);
  const b = diffTokensOf(after);
  // The common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const segments: TextDiffSegment[] = [];
  const push = (op: TextDiffOp, text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  push('equal', a.slice(0, head).join(''));
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  if (middleA.length * middleB.length > MAX_CELLS) {
    push('delete', middleA.join(''));
    push('insert', middleB.join(''));
  } else {
    for (const [op, token] of lcsScript(middleA, middleB)) push(op, token);
  }
  push('equal', a.slice(a.length - tail).join(''));
  return segments;
}

/** The edit script of the longest common subsequence, deletions before insertions at a change. */
function lcsScript(a: string[], b: string[]): [TextDiffOp, string][] {
  const width = b.length + 1;
  // lengths[i * width + j]: the LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const script: [TextDiffOp, string][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      script.push(['equal', a[i]]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      script.push(['delete', a[i++]]);
    } else {
      script.push(['insert', b[j++]]);
    }
  }
  while (i < a.length) script.push(['delete', a[i++]]);
  while (j < b.length) script.push(['insert', b[j++]]);
  return script;
}
