// `kubectl describe node` output, one node or several in a row, each starting at its Name line:
//   Name:               kube-worker-1
//   ...
//   Conditions:
//     Type                 Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
//     ----                 ------    -----------------                 ------------------                ------              -------
//     Ready                Unknown   Thu, 17 Feb 2022 17:12:40 -0500   Thu, 17 Feb 2022 17:13:52 -0500   NodeStatusUnknown   Kubelet stopped posting node status.
// Records: one 'condition' per Conditions row (stamped with LastTransitionTime), one 'k8s-event'
// per Events row (ages only, no stamp), and one 'log' record per node that carries what the rest
// says (roles, System Info, addresses, taints, lease, capacity, allocated resources) in its fields,
// stamped with CreationTimestamp and emitted when the node's description ends. Every record's host
// is the node the block names. Sections not read (annotations, pod table) are skipped on purpose.
import type { SourceRef } from '../model/event.js';
import { tableLine, type NodeBlock, type NodeTable } from './describe-node-rows.js';
import { stampFromRfc1123 } from './go-time.js';
import type { BlockParser, LineResult, NumberedLine } from './line-parser.js';

type Section =
  | { readonly kind: 'list'; readonly into: string[] | undefined } // Labels, Taints: values one per line
  | { readonly kind: 'pairs'; readonly prefix: string } // `  Key:  value` lines
  | NodeTable // Conditions, Events, Allocated resources
  | { readonly kind: 'unread'; readonly name: string };

const KEY = /^([A-Z][A-Za-z-]*(?: [A-Za-z-]+)*):(?:[ \t]+(.*?))?[ \t]*$/;
const PAIR = /^[ \t]+([^:]+?):[ \t]*(.*?)[ \t]*$/;

export const describeNode: BlockParser = {
  kind: 'block',
  format: 'describe-node',
  open(path) {
    let node: NodeBlock | undefined;
    let section: Section = { kind: 'unread', name: 'top' };
    const finish = (): LineResult[] => (node === undefined ? [] : [summary(node)]);

    function topLevel(key: string, value: string, source: SourceRef): LineResult[] {
      if (key === 'Name') {
        const done = finish();
        node = { name: value, source, fields: {}, labels: [], taints: [], stamp: { kind: 'none' } };
        section = { kind: 'unread', name: 'Name' };
        return done;
      }
      if (node === undefined) return [{ kind: 'skip', reason: 'outside a node description' }];
      const n = node;
      const none = value === '' || value === '<none>';
      switch (key) {
        case 'Labels': section = { kind: 'list', into: n.labels }; if (!none) n.labels.push(value); return [];
        case 'Taints': section = { kind: 'list', into: n.taints }; if (!none) n.taints.push(value); return [];
        case 'Annotations': section = { kind: 'list', into: undefined }; return [unread('Annotations')];
        case 'CreationTimestamp': n.stamp = stampFromRfc1123(value) ?? { kind: 'none' }; n.fields['creationTimestamp'] = value; return [];
        case 'Conditions': section = { kind: 'table', of: 'conditions' }; return [];
        case 'Events': section = { kind: 'table', of: 'events' }; return [];
        case 'Allocated resources': section = { kind: 'table', of: 'allocated' }; return [];
        case 'Lease': section = { kind: 'pairs', prefix: 'lease.' }; return [];
        case 'Addresses': section = { kind: 'pairs', prefix: 'address.' }; break;
        case 'Capacity': section = { kind: 'pairs', prefix: 'capacity.' }; return [];
        case 'Allocatable': section = { kind: 'pairs', prefix: 'allocatable.' }; return [];
        case 'System Info': section = { kind: 'pairs', prefix: '' }; return [];
        case 'Non-terminated Pods': section = { kind: 'unread', name: key }; return [unread(key)];
        default: section = { kind: 'unread', name: key };
      }
      if (!none) n.fields[camel(key)] = value;
      return [];
    }

    function indented(text: string, source: SourceRef): LineResult[] {
      const n = node;
      if (n === undefined) return [{ kind: 'skip', reason: 'outside a node description' }];
      switch (section.kind) {
        case 'list': section.into?.push(text.trim()); return section.into === undefined ? [unread('Annotations')] : [];
        case 'pairs': {
          const m = PAIR.exec(text);
          if (m === null) return [{ kind: 'skip', reason: 'not a `key: value` line' }];
          const key = section.prefix === '' ? camel(m[1] ?? '') : section.prefix + (m[1] ?? '');
          n.fields[key] = n.fields[key] === undefined ? (m[2] ?? '') : `${n.fields[key]},${m[2] ?? ''}`;
          return [];
        }
        case 'table': return tableLine(n, section, text, source);
        case 'unread': return [unread(section.name)];
      }
    }

    return {
      push(line: NumberedLine): readonly LineResult[] {
        const text = line.text.replace(/\r$/, '');
        const source = { path, line: line.no, offset: line.offset };
        if (text.trim() === '') return [{ kind: 'skip', reason: 'blank line', intentional: true }];
        if (/^[ \t]/.test(text)) return indented(text, source);
        const key = KEY.exec(text);
        if (key === null) return [{ kind: 'skip', reason: 'not part of kubectl describe node output' }];
        return topLevel(key[1] ?? '', key[2] ?? '', source);
      },
      end: () => {
        const done = finish();
        node = undefined;
        return done;
      },
    };
  },
};

function summary(n: NodeBlock): LineResult {
  const f = n.fields;
  const parts = [f['kubeletVersion'] && `kubelet ${f['kubeletVersion']}`, f['containerRuntimeVersion'], f['osImage'], f['kernelVersion'] && `kernel ${f['kernelVersion']}`];
  const said = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  const fields: Record<string, string> = { ...f };
  if (n.labels.length > 0) fields['labels'] = n.labels.join(',');
  if (n.taints.length > 0) fields['taints'] = n.taints.join(',');
  return {
    kind: 'record',
    record: {
      kind: 'log', host: n.name, stamp: n.stamp, severity: 'info', fields, source: n.source,
      message: said.length === 0 ? `node ${n.name}` : `node ${n.name}: ${said.join(', ')}`,
    },
  };
}

function unread(section: string): LineResult {
  return { kind: 'skip', reason: `section not read: ${section}`, intentional: true };
}

/** `Container Runtime Version` → containerRuntimeVersion, `OS Image` → osImage, `Machine ID` → machineId. */
function camel(label: string): string {
  const words = label.trim().split(/[\s-]+/).filter((w) => w !== '');
  return words
    .map((w, i) => {
      const allCaps = w === w.toUpperCase();
      if (i === 0) return allCaps ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1);
      return allCaps ? w.charAt(0) + w.slice(1).toLowerCase() : w;
    })
    .join('');
}
