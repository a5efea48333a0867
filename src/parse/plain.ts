// Text with no structure we recognise, kept line by line with no time: `journalctl -o cat`,
// a pasted console, a tool's stdout. For example (journalctl -o cat -u kubelet):
//   Started kubelet: The Kubernetes Node Agent.
// Every non-blank line is a record with stamp `none` and severity 'unknown'; normalize may still
// find a klog header or JSON object inside. Blank lines carry nothing and are intentional skips.
import type { LineParser } from './line-parser.js';

const BLANK = /^\s*$/;

export const plain: LineParser = {
  kind: 'line',
  format: 'plain',
  continuation: false,
  parseLine(text, source) {
    if (BLANK.test(text)) return { kind: 'skip', reason: 'blank line', intentional: true };
    return {
      kind: 'record',
      record: { kind: 'log', stamp: { kind: 'none' }, severity: 'unknown', message: text, fields: {}, source },
    };
  },
};
