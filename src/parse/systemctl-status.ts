// `systemctl status <unit>` as systemd prints it: a header, indented properties, a blank line,
// then the unit's last journal lines in journalctl's short format (kubernetes/website#22814):
//   ● kubelet.service - kubelet: The Kubernetes Node Agent
//      Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; vendor preset: disabled)
//     Drop-In: /usr/lib/systemd/system/kubelet.service.d
//              └─10-kubeadm.conf
//      Active: activating (auto-restart) (Result: exit-code) since Wed 2020-07-29 08:46:32 EDT; 919ms ago
//     Process: 9982 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS … (code=exited, status=255)
//    Main PID: 9982 (code=exited, status=255)
//
//   Jul 29 08:46:32 node1 systemd[1]: kubelet.service failed.
// Each block gives one 'unit' record (stamp from `since`: `utc` for UTC/GMT or a numeric offset,
// `wall` for any other zone name, which may be ambiguous like CST) and each journal line a record
// from journalShort, emitted as soon as it is read. Blocks may be concatenated. Indentation varies
// by systemd version and is often lost in pastes, so it is never relied on. Lines that only
// continue a property (tree, wrapped command line) are absorbed into the unit record.
//
// Without -l, systemctl cuts journal messages to the terminal (logs-show.c print_multiline): a `…`
// at 90% of the width keeping the tail, at the end for long messages, or `...` appended after a
// message's third line. Such lines get `fields.truncated`. A trailing `...` is also how systemd
// words "Stopping kubelet…" in non-UTF-8 locales, so that flag can be a false alarm; less -S chops
// lines with a `>`, which cannot be told from a message ending in `>` and is not flagged.
import type { ParsedRecord, Severity, SourceRef, UnitDetail } from '../model/event.js';
import { civilToInstant, isValidDate, type Stamp } from '../model/time.js';
import { journalShort } from './journal-short.js';
import type { BlockParser, LineResult, RecordReader } from './line-parser.js';

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const UNIT_HEADER =
  /^\s*(?:[●○×*↻✗]\s+)?([\w@:.\\-]+\.(?:service|socket|target|timer|mount|automount|path|scope|slice|swap|device))(?: - (.*))?$/s;
const NOT_FOUND = /^\s*Unit (\S+) could not be found\.\s*$/;
const PROPERTY = /^\s*([A-Z][A-Za-z]*(?:[ -][A-Za-z]+)?): (.*)$/s;
const TREE = /^\s*(?:[└├│]─|`-|\|-)\s*(.*)$/s;
const ACTIVE = /^(\S+)(?: \((?!Result: )([^)]*)\))?(?: \(Result: ([^)]*)\))?(?: since ([^;]+)(?:; .*)?)?$/s;
const SINCE = /^\S+ (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?: (\S+))?\s*$/;
const OFFSET = /^([+-])(\d\d):?(\d\d)?$/;
const PAGER = /^\s*lines \d+-\d+(?:\/\d+)?(?: \(END\))?\s*$/;
const NOTICE = /^\s*(?:Hint: |Warning: |-- No entries --|-- Logs begin at |-- Journal begins at )/;
const ELLIPSIZED = /…|\.\.\.\s*$/;
const BLANK = /^\s*$/;

interface Block {
  readonly source: SourceRef;
  readonly unit: string;
  readonly fields: Record<string, string>;
  active: string;
  sub: string;
  loaded: string;
  stamp: Stamp;
  pid?: number;
  lastKey: string;
}

export const systemctlStatus: BlockParser = {
  kind: 'block',
  format: 'systemctl-status',
  open(path): RecordReader {
    let state: 'outside' | 'props' | 'journal' = 'outside';
    let block: Block | undefined;
    const flush = (): LineResult[] => {
      const out: LineResult[] = block === undefined ? [] : [{ kind: 'record', record: unitRecord(block) }];
      block = undefined;
      return out;
    };
    const journalLine = (entry: ParsedRecord, text: string): LineResult[] => {
      const out = flush();
      state = 'journal';
      out.push({ kind: 'record', record: ELLIPSIZED.test(text) ? { ...entry, fields: { ...entry.fields, truncated: 'true' } } : entry });
      return out;
    };
    return {
      push({ no, text: raw, offset }): readonly LineResult[] {
        const source: SourceRef = { path, line: no, offset };
        const text = raw.includes('\x1b') ? raw.replace(ANSI, '') : raw;
        // In the journal section a journal line is a journal line, whatever else it resembles.
        const entry = state === 'journal' ? journalShort.parseLine(text, source) : undefined;
        if (entry?.kind === 'record') return journalLine(entry.record, text);
        const head = UNIT_HEADER.exec(text) ?? NOT_FOUND.exec(text);
        if (head !== null) {
          const out = flush();
          block = newBlock(source, head[1] ?? '', head[2]);
          state = 'props';
          if (head[0].includes('could not be found')) {
            Object.assign(block, { loaded: 'not-found', active: 'inactive', sub: 'dead' });
            out.push(...flush());
            state = 'outside';
          }
          return out;
        }
        const blank = BLANK.test(text);
        if (state === 'props' && block !== undefined) {
          if (blank) {
            state = 'journal';
            return flush();
          }
          if (!PROPERTY.test(text)) {
            // No blank line before the journal (pastes lose it), or a tree/wrapped line.
            const j = journalShort.parseLine(text, source);
            if (j.kind === 'record') return journalLine(j.record, text);
          }
          readProperty(block, text);
          return [];
        }
        if (blank || PAGER.test(text) || NOTICE.test(text)) {
          return [{ kind: 'skip', reason: 'systemctl blank, pager or notice line', intentional: true }];
        }
        if (state === 'outside') return [{ kind: 'skip', reason: 'outside a unit status block' }];
        // Records go out as soon as they are read, so an indented continuation of a multi-line
        // journal message cannot be joined here: it is counted instead.
        if (/^\s/.test(text)) return [{ kind: 'skip', reason: 'continuation of a journal message (not joined)' }];
        return [entry ?? { kind: 'skip', reason: 'not a journal line' }];
      },
      end: flush,
    };
  },
};

function newBlock(source: SourceRef, unit: string, description: string | undefined): Block {
  const fields: Record<string, string> = {};
  if (description !== undefined) fields['description'] = description;
  return { source, unit, fields, active: '', sub: '', loaded: '', stamp: { kind: 'none' }, lastKey: '' };
}

function readProperty(b: Block, text: string): void {
  const p = PROPERTY.exec(text);
  if (p === null) {
    // A tree line (`└─10-kubeadm.conf`) or a wrapped line continues the last property.
    const t = TREE.exec(text);
    if (b.lastKey === 'Drop-In') {
      const dir = b.fields['dropInDir'] ?? '';
      const add = t !== null ? (t[1] ?? '').split(', ').map((f) => `${dir}/${f.trim()}`) : [];
      if (t === null) b.fields['dropInDir'] = text.trim();
      else b.fields['dropIns'] = [b.fields['dropIns'], ...add].filter((x) => x).join(',');
    }
    return;
  }
  const key = p[1] ?? '';
  const value = p[2] ?? '';
  b.lastKey = key;
  if (key === 'Loaded') {
    const [, state = '', inner] = /^(\S+)(?: \((.*)\))?/s.exec(value) ?? [];
    b.loaded = state;
    const parts = (inner ?? '').split('; ');
    if (parts[0]?.startsWith('Reason: ')) b.fields['reason'] = parts[0].slice(8);
    else if (parts[0]) b.fields['unitFile'] = parts[0];
    if (parts[1] !== undefined) b.fields['unitFileState'] = parts[1];
    const preset = parts.find((x) => /^(?:vendor )?preset: /.test(x));
    if (preset !== undefined) b.fields['preset'] = preset.slice(preset.indexOf(': ') + 2);
  } else if (key === 'Active') {
    const [, active = value, sub = '', result, since] = ACTIVE.exec(value) ?? [];
    Object.assign(b, { active, sub, stamp: since === undefined ? { kind: 'none' } : sinceStamp(since) });
    if (result !== undefined) b.fields['result'] = result;
    if (since !== undefined) b.fields['since'] = since.trim();
  } else if (key === 'Drop-In') {
    b.fields['dropInDir'] = value.trim();
  } else if (key === 'Process') {
    b.fields['process'] = b.fields['process'] === undefined ? value : `${b.fields['process']}\n${value}`;
  } else if (key === 'Main PID') {
    b.fields['mainPid'] = value;
    const pid = Number(/^\d+/.exec(value)?.[0] ?? NaN);
    if (Number.isSafeInteger(pid)) b.pid = pid;
  } else if (key === 'Warning' || key === 'Status') {
    b.fields[key.toLowerCase()] = value;
  }
}

/** `Wed 2020-07-29 08:46:32 EDT` (the weekday may be localised: `Di` in German). */
function sinceStamp(since: string): Stamp {
  const m = SINCE.exec(since.trim());
  if (m === null) return { kind: 'none' };
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const zone = m[7];
  if (!isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return { kind: 'none' };
  const wall = civilToInstant(y, mo, d, h * 3600 + mi * 60 + s);
  if (zone === 'UTC' || zone === 'GMT') return { kind: 'utc', at: wall, precision: 's' };
  const off = zone === undefined ? null : OFFSET.exec(zone);
  if (off === null) return { kind: 'wall', at: wall, precision: 's' };
  const offsetSec = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 3600 + Number(off[3] ?? 0) * 60);
  return { kind: 'utc', at: { sec: wall.sec - offsetSec, nsec: 0 }, precision: 's' };
}

const ACTIVE_SEVERITY: Readonly<Record<string, Severity>> = {
  active: 'info', reloading: 'warning', activating: 'warning', deactivating: 'warning',
  inactive: 'notice', failed: 'error', maintenance: 'warning', refreshing: 'warning',
};

function unitRecord(b: Block): ParsedRecord {
  const unit: UnitDetail = { unit: b.unit, loaded: b.loaded, active: b.active, sub: b.sub };
  const result = b.fields['result'];
  const broken = (b.loaded !== '' && b.loaded !== 'loaded') || (result !== undefined && result !== 'success');
  const severity: Severity = broken ? 'error' : ACTIVE_SEVERITY[b.active] ?? 'unknown';
  const state = b.sub === '' ? b.active : `${b.active} (${b.sub})`;
  const fields = { ...b.fields };
  delete fields['dropInDir'];
  return {
    kind: 'unit', unit, stamp: b.stamp, severity,
    message: `${b.unit}: ${[b.loaded, state].filter((x) => x !== '').join(' ')}${result === undefined ? '' : ` (Result: ${result})`}`,
    fields,
    // The unit names its program; `kubelet.service` → kubelet, as the journal's tag would.
    component: b.unit.slice(0, b.unit.lastIndexOf('.')),
    ...(b.pid === undefined ? {} : { pid: b.pid }),
    source: b.source,
  };
}
