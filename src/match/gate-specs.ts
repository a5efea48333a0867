// The catalog's three gate specs (text lines, JSON lines, audit events), computed once per catalog
// and only when first asked for: extracting literals from every regex costs tens of ms. The rules
// snapshot and a batch's main thread hand over specs already computed.
import type { GateSpec } from '../model/gate.js';
import { withKubeletLogLiterals } from './config/kubelet-log.js';
import { auditGateSpec, gateSpec } from './gate.js';
import type { Catalog } from './pattern.js';

export type GateKind = 'text' | 'json' | 'audit';
export type GateSpecs = { readonly text: GateSpec; readonly json: GateSpec; readonly audit: GateSpec | undefined };

const known = new WeakMap<Catalog, Map<GateKind, GateSpec | undefined>>();

function specsOf(catalog: Catalog): Map<GateKind, GateSpec | undefined> {
  let m = known.get(catalog);
  if (m === undefined) known.set(catalog, (m = new Map()));
  return m;
}

export function gateSpecOf(catalog: Catalog, kind: GateKind): GateSpec | undefined {
  const m = specsOf(catalog);
  if (!m.has(kind)) {
    // The kubelet's start-up lines (flags, version) feed the configuration pass: they pass the gate too.
    m.set(kind, kind === 'audit' ? auditGateSpec(catalog) : withKubeletLogLiterals(gateSpec(catalog, { jsonEscaped: kind === 'json' })));
  }
  return m.get(kind);
}

export function allGateSpecs(catalog: Catalog): GateSpecs {
  return { text: gateSpecOf(catalog, 'text') as GateSpec, json: gateSpecOf(catalog, 'json') as GateSpec, audit: gateSpecOf(catalog, 'audit') };
}

/** Specs computed elsewhere for this catalog (the snapshot, a batch's main thread). */
export function rememberGateSpecs(catalog: Catalog, specs: GateSpecs): void {
  const m = specsOf(catalog);
  for (const kind of ['text', 'json', 'audit'] as const) m.set(kind, specs[kind]);
}
