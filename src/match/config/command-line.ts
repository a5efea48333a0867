// The kubelet's command line as systemd builds it from the unit and its drop-ins:
// - drop-ins (kubelet.service.d/*.conf) apply after the unit, in file-name order; a name in
//   /etc/systemd/system hides the same name in /run and /usr/lib (/lib);
// - `ExecStart=` (empty) clears the command, the next ExecStart= sets it;
// - Environment= sets variables; EnvironmentFile= variables (the file may be missing with `-`)
//   override them; `$VAR` in ExecStart splits into words, `${VAR}` stays one word.
// Each flag keeps the line it was written on: the ExecStart line for a literal flag, the env
// file's or Environment= line for a flag that came in a variable.
import type { Setting, Sourced, UnitDirective, UnitFile } from '../../model/config.js';
import type { SourceRef } from '../../model/event.js';
import { cmp } from '../../model/tally.js';
import type { FlagSetting } from './effective.js';
import { FLAG_BY_NAME } from './kubelet-flags.js';

export interface EnvFileRef {
  readonly bundlePath: string;
  readonly vars: readonly Setting[];
}

export interface CommandLine {
  /** The binary and every flag, as systemd would start it. */
  readonly binary: Sourced<string>;
  readonly flags: readonly FlagSetting[];
  /** Unit and env files that contributed, bundle paths. */
  readonly files: readonly string[];
  /** EnvironmentFile= paths the bundle does not hold (optional ones included). */
  readonly missingEnvFiles: readonly string[];
}

/** systemd's unit directories by precedence: /etc, then /run, then /usr/lib and /lib (bundle paths keep a node folder in front). */
const PRIORITY = (p: string): number => (/(?:^|\/)etc\/systemd\//.test(p) ? 0 : /(?:^|\/)run\/systemd\//.test(p) ? 1 : 2);

/** Is this unit file about the kubelet (by its path, or by what it starts)? */
export function isKubeletUnit(f: UnitFile): boolean {
  if (/(?:^|\/)kubelet\.service(?:\.d\/[^/]+\.conf)?$/.test(f.path)) return true;
  return f.directives.some((d) => d.key === 'ExecStart' && /(?:^|\/)kubelet$/.test(d.words[0]?.value ?? ''));
}

export function commandLine(units: readonly { readonly bundlePath: string; readonly file: UnitFile }[], envFiles: readonly EnvFileRef[], nodePathMatches: (bundlePath: string, nodePath: string) => boolean): CommandLine | undefined {
  const kubelet = units.filter((u) => isKubeletUnit(u.file));
  const base = kubelet.filter((u) => !u.file.path.includes('.service.d/'));
  // Drop-ins by name; the highest-priority directory wins a name.
  const byName = new Map<string, (typeof kubelet)[number]>();
  for (const u of kubelet.filter((x) => x.file.path.includes('.service.d/'))) {
    const name = u.file.path.slice(u.file.path.lastIndexOf('/') + 1);
    const have = byName.get(name);
    if (have === undefined || PRIORITY(u.file.path) < PRIORITY(have.file.path)) byName.set(name, u);
  }
  const ordered = [...base.slice(0, 1), ...[...byName.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, u]) => u)];
  if (ordered.length === 0) return undefined;

  const env = new Map<string, Sourced<string>>();
  const fileVars = new Map<string, Sourced<string>>();
  const missing: string[] = [];
  const files = new Set<string>();
  let exec: UnitDirective | undefined;
  for (const u of ordered) {
    files.add(u.bundlePath);
    for (const d of u.file.directives) {
      if (d.section !== 'Service' && d.section !== '') continue;
      if (d.key === 'Environment') {
        for (const w of d.words) {
          const eq = w.value.indexOf('=');
          if (eq > 0) env.set(w.value.slice(0, eq), { value: w.value.slice(eq + 1), source: w.source, text: w.text });
        }
      } else if (d.key === 'EnvironmentFile') {
        const path = d.value.replace(/^-/, '').trim();
        const found = envFiles.find((e) => nodePathMatches(e.bundlePath, path));
        if (found === undefined) {
          missing.push(path);
          continue;
        }
        files.add(found.bundlePath);
        for (const v of found.vars) fileVars.set(v.key, { value: String(v.value), source: v.source, text: v.text });
      } else if (d.key === 'ExecStart') {
        exec = d.value.trim() === '' ? undefined : d;
      }
    }
  }
  if (exec === undefined) return undefined;
  const vars = new Map([...env, ...fileVars]); // EnvironmentFile= overrides Environment=
  const words = expand(exec.words, vars);
  const [binary, ...args] = words;
  if (binary === undefined) return undefined;
  return { binary, flags: parseFlags(args), files: [...files].sort(cmp), missingEnvFiles: missing };
}

/** `$VAR` → its words, `${VAR}` → one word, `--x=$VAR` → substituted; unset variables are empty. */
function expand(words: readonly Sourced<string>[], vars: ReadonlyMap<string, Sourced<string>>): Sourced<string>[] {
  const out: Sourced<string>[] = [];
  for (const w of words) {
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w.value);
    if (whole !== null) {
      const v = vars.get(whole[1] as string);
      if (v !== undefined) for (const part of v.value.split(/\s+/)) if (part !== '') out.push({ value: part, source: v.source, text: v.text });
      continue;
    }
    let source: SourceRef = w.source;
    let text = w.text;
    const value = w.value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => {
      const v = vars.get((a ?? b) as string);
      if (v === undefined) return '';
      source = v.source;
      text = v.text;
      return v.value;
    });
    if (value !== '') out.push({ value, source, text });
  }
  return out;
}

/** pflag's reading: `--name=value`, `--name value` for a flag that takes one, bare `--name` for a bool. */
export function parseFlags(args: readonly Sourced<string>[]): FlagSetting[] {
  const out: FlagSetting[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Sourced<string>;
    const m = /^--?([A-Za-z0-9][A-Za-z0-9_.-]*)(?:=([\s\S]*))?$/.exec(a.value);
    if (m === null) continue; // not a flag: pflag would stop here; the kubelet takes no arguments
    const name = m[1] as string;
    let value = m[2];
    if (value === undefined) {
      const next = args[i + 1];
      const isBool = FLAG_BY_NAME.get(name)?.type === 'bool';
      if (!isBool && next !== undefined && !next.value.startsWith('-')) {
        value = next.value;
        i++;
      } else value = 'true';
    }
    out.push({ name, value, source: a.source, text: a.text, via: 'command-line' });
  }
  return out;
}
