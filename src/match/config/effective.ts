// The kubelet's effective configuration, as the kubelet computes it: defaults, then the
// configuration file (when --config names one), then the command-line flags, which win
// (cmd/kubelet/app/server.go, kubeletConfigFlagPrecedence). Each value says where it came from.
import type { SourceRef } from '../../model/event.js';
import type { ConfigValue, Setting } from '../../model/config.js';
import { FILE_DEFAULTS, FLAG_BY_NAME, LEGACY_DEFAULTS, typedValue } from './kubelet-flags.js';

/** A flag as the kubelet got it: from a unit, an env file, or (logged) a `FLAG:` line. */
export interface FlagSetting {
  readonly name: string;
  readonly value: string;
  readonly source: SourceRef;
  readonly text: string;
  /** Where it was read: a unit/env file the kubelet starts with, or its own start-up log. */
  readonly via: 'command-line' | 'log';
}

export type Origin = 'flag' | 'file' | 'default';

export interface EffectiveValue {
  readonly key: string;
  readonly value: ConfigValue;
  readonly origin: Origin;
  readonly source?: SourceRef;
  readonly text?: string;
  /** For origin 'flag': the flag as written (`--cgroup-driver`). */
  readonly flag?: string;
}

/**
 * The configuration file as the command line leaves it: not used (no --config), used and read,
 * or used but not in the bundle (its keys are then unknown unless a flag sets them).
 */
export type ConfigFileState = { readonly kind: 'unused' } | { readonly kind: 'read'; readonly settings: readonly Setting[] } | { readonly kind: 'missing' };

export interface EffectiveInput {
  readonly file: ConfigFileState;
  readonly flags: readonly FlagSetting[];
}

export function effectiveConfig(input: EffectiveInput): Map<string, EffectiveValue> {
  const out = new Map<string, EffectiveValue>();
  if (input.file.kind !== 'missing') {
    const legacy = input.file.kind === 'unused';
    for (const [key, value] of Object.entries(FILE_DEFAULTS)) out.set(key, { key, value: legacy && key in LEGACY_DEFAULTS ? (LEGACY_DEFAULTS[key] as ConfigValue) : value, origin: 'default' });
  }
  if (input.file.kind === 'read') {
    for (const s of input.file.settings) out.set(s.key, { key: s.key, value: s.value, origin: 'file', source: s.source, text: s.text });
  }
  // pflag: a flag given twice keeps the last value.
  for (const f of input.flags) {
    const known = FLAG_BY_NAME.get(f.name);
    const key = known?.key ?? `--${f.name}`;
    const value = known === undefined ? f.value : typedValue(known.type, f.value);
    if (value === undefined) continue; // unparseable: the kubelet refuses it (and kubelet-config-invalid sees that in the log)
    out.set(key, { key, value, origin: 'flag', source: f.source, text: f.text, flag: `--${f.name}` });
  }
  return out;
}
