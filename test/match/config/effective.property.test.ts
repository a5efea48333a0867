// For generated configuration files and flag sets, read through the real readers and the
// systemd/env expansion: the effective value of every config-backed key is the last flag's when a
// flag gives it, the file's otherwise, and the default when neither does.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { ConfigValue } from '../../../src/model/config.js';
import { readEnvFile } from '../../../src/parse/config/env-file.js';
import { readKubeletConfig } from '../../../src/parse/config/kubelet-config.js';
import { readSystemdUnit } from '../../../src/parse/config/systemd-unit.js';
import { CONFIG_FLAGS, FILE_DEFAULTS, typedValue, type ConfigFlag } from '../../../src/match/config/kubelet-flags.js';
import { KubeletLogCollector } from '../../../src/match/config/kubelet-log.js';
import { nodeConfigs, type FragmentAt } from '../../../src/match/config/nodes.js';

const scalar = (f: ConfigFlag): fc.Arbitrary<ConfigValue> => {
  switch (f.type) {
    case 'bool':
      return fc.boolean();
    case 'int':
      return fc.nat({ max: 65535 });
    case 'list':
      return fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 });
    case 'string':
      return fc.stringMatching(/^[a-z][a-z0-9./:-]{0,11}$/);
  }
};
const asFlag = (v: ConfigValue): string => (Array.isArray(v) ? v.join(',') : String(v));

/** A key → value map for the file, and a list of flags (a flag may repeat: the last one counts). */
const scenario = fc
  .tuple(
    fc.subarray(CONFIG_FLAGS as ConfigFlag[]).chain((keys) => fc.tuple(...keys.map((k) => scalar(k).map((v) => [k, v] as const)))),
    fc.array(fc.constantFrom(...CONFIG_FLAGS).chain((k) => fc.tuple(scalar(k), fc.boolean()).map(([v, inEnv]) => ({ flag: k, value: v, inEnv }))), { maxLength: 8 }),
  )
  .map(([file, flags]) => ({ file: file as (readonly [ConfigFlag, ConfigValue])[], flags }));

function setPath(o: Record<string, unknown>, key: string, v: ConfigValue): void {
  const parts = key.split('.');
  let cur = o;
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
  cur[parts[parts.length - 1] as string] = v;
}

test('effective value: the last flag, else the file, else the default', () => {
  fc.assert(
    fc.property(scenario, ({ file, flags }) => {
      const doc: Record<string, unknown> = { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration' };
      for (const [k, v] of file) setPath(doc, k.key, v);
      const envFlags = flags.filter((f) => f.inEnv).map((f) => `--${f.flag.flag}=${asFlag(f.value)}`);
      const unitFlags = flags.filter((f) => !f.inEnv).map((f) => `--${f.flag.flag}=${asFlag(f.value)}`);
      // Unit flags come after $KUBELET_KUBEADM_ARGS on the ExecStart line, so they win over env ones.
      const ordered = [...flags.filter((f) => f.inEnv), ...flags.filter((f) => !f.inEnv)];
      const unit = `[Service]\nEnvironment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"\nEnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS \\\n  ${unitFlags.map((f) => `"${f}"`).join(' \\\n  ')}\n`;
      const env = `KUBELET_KUBEADM_ARGS="${envFlags.join(' ')}"\n`;
      const frags: FragmentAt[] = [
        { path: 'n/var/lib/kubelet/config.yaml', format: 'kubelet-config', host: 'n', fragment: readKubeletConfig(stringify(doc), 'n/var/lib/kubelet/config.yaml').fragment! },
        { path: 'n/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', format: 'systemd-unit', host: 'n', fragment: readSystemdUnit(unit, 'n/etc/systemd/system/kubelet.service.d/10-kubeadm.conf').fragment! },
        { path: 'n/var/lib/kubelet/kubeadm-flags.env', format: 'env-file', host: 'n', fragment: readEnvFile(env, 'n/var/lib/kubelet/kubeadm-flags.env').fragment! },
      ];
      const node = nodeConfigs(frags, new KubeletLogCollector()).nodes.find((x) => x.host === 'n');
      expect(node?.configFile.state).toBe('read');
      for (const k of CONFIG_FLAGS) {
        const e = node?.effective.get(k.key);
        const lastFlag = [...ordered].reverse().find((f) => f.flag.key === k.key);
        const inFile = file.find(([f]) => f.key === k.key);
        if (lastFlag !== undefined) {
          expect(e?.origin, k.key).toBe('flag');
          expect(e?.value, k.key).toEqual(typedValue(k.type, asFlag(lastFlag.value)));
        } else if (inFile !== undefined) {
          expect(e?.origin, k.key).toBe('file');
          expect(e?.value, k.key).toEqual(inFile[1]);
        } else if (k.key in FILE_DEFAULTS) {
          expect(e, k.key).toEqual({ key: k.key, value: FILE_DEFAULTS[k.key], origin: 'default' });
        } else {
          expect(e, k.key).toBeUndefined();
        }
      }
    }),
    { numRuns: 100 },
  );
});

test('readers never throw on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
      for (const r of [readKubeletConfig, readSystemdUnit, readEnvFile]) expect(() => r(s, 'x')).not.toThrow();
    }),
  );
});
