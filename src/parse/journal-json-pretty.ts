// journalctl -o json-pretty: the objects of -o json (see journal-json.ts), indented, one key per
// line, `{` and `}` alone on their lines:
//   {
//   	"SYSLOG_IDENTIFIER" : "systemd-journald",
//   	"_RUNTIME_SCOPE" : "system",
//   	"__MONOTONIC_TIMESTAMP" : "631345647",
//   	…
//   	"_GID" : "0",
//   	"_HOSTNAME" : "vm"
//   }
//   (journalctl 252: test/parse/excerpts/journal/journalctl-252-json-pretty.txt, lines 1–23)
// A record's source line is the line of its opening `{`. Values never hold a raw newline
// (MESSAGE's are escaped), so the lines up to the next `}` are the whole object.
import type { SourceRef } from '../model/event.js';
import { readJournalMarker } from './journal-marker.js';
import { parseJson, recordFromEntry } from './journal-json.js';
import type { BlockParser, LineResult, RecordReader } from './line-parser.js';

// An entry holds at most a few KiB unless --all printed huge fields; past this, stop collecting.
const MAX_OBJECT_CHARS = 4 * 1024 * 1024;

interface OpenObject {
  readonly source: SourceRef;
  readonly lines: string[];
  chars: number;
}

function reader(path: string): RecordReader {
  let open: OpenObject | undefined;
  let discarding = false; // inside an object that grew too long: wait for its `}`
  return {
    push(line) {
      const text = line.text.trim();
      if (discarding) {
        discarding = text !== '}';
        return [];
      }
      if (open === undefined) {
        if (text === '{') {
          open = { source: { path, line: line.no, offset: line.offset }, lines: ['{'], chars: 1 };
          return [];
        }
        if (text === '') return [];
        const source = { path, line: line.no, offset: line.offset };
        return [readJournalMarker(text, source) ?? { kind: 'skip', reason: 'outside a JSON object' }];
      }
      open.lines.push(line.text);
      open.chars += line.text.length + 1;
      if (text === '}') {
        const parsed = parseJson(open.lines.join('\n'));
        const result: LineResult = parsed === undefined ? { kind: 'skip', reason: 'invalid JSON' } : recordFromEntry(parsed.value, open.source);
        open = undefined;
        return [result];
      }
      if (open.chars > MAX_OBJECT_CHARS) {
        open = undefined;
        discarding = true;
        return [{ kind: 'skip', reason: 'JSON object over 4 MiB' }];
      }
      return [];
    },
    end() {
      const unfinished = open !== undefined;
      open = undefined;
      return unfinished ? [{ kind: 'skip', reason: 'unterminated JSON object' }] : [];
    },
  };
}

export const journalJsonPretty: BlockParser = { kind: 'block', format: 'journal-json-pretty', open: reader };
