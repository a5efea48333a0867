// `kubectl describe node` as k8s.io/kubectl's describe.go writes it, through one Go tabwriter
// (minwidth 0, padding 2): the format strings below are describe.go's, cells ending at '\t';
// condition rows end each cell with a space before the tab, as kubectl does. Only tests use it.
import type { Instant } from '../../src/model/time.js';
import { tabwrite } from './render-tabwriter.js';

export interface ConditionInput {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly heartbeat: Instant;
  readonly transition: Instant;
  /** Minutes east of UTC, as the zone of the machine that ran kubectl. */
  readonly offsetMin: number;
  readonly reason: string;
  readonly message: string;
}

export interface NodeEventInput {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly age: string;
  readonly from: string;
  readonly message: string;
}

export interface NodeInput {
  readonly name: string;
  readonly created: Instant;
  readonly offsetMin: number;
  readonly kubeletVersion: string;
  readonly conditions: readonly ConditionInput[];
  readonly events: readonly NodeEventInput[];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z: `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function formatRfc1123z(at: Instant, offsetMin: number): string {
  const d = new Date((at.sec + offsetMin * 60) * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const a = Math.abs(offsetMin);
  const zone = `${offsetMin < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${p2(a % 60)}`;
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${zone}`;
}

export function formatDescribeNode(n: NodeInput): string {
  const lines = [
    `Name:\t${n.name}`,
    'Roles:\t<none>',
    'Labels:\tkubernetes.io/arch=amd64',
    `\tkubernetes.io/hostname=${n.name}`,
    `CreationTimestamp:\t${formatRfc1123z(n.created, n.offsetMin)}`,
    'Taints:\t<none>',
    'Unschedulable:\tfalse',
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
    ...n.conditions.map((c) =>
      `  ${c.type} \t${c.status} \t${formatRfc1123z(c.heartbeat, c.offsetMin)} \t${formatRfc1123z(c.transition, c.offsetMin)} \t${c.reason} \t${c.message}`),
    'System Info:',
    `  Kubelet Version:\t${n.kubeletVersion}`,
    ...(n.events.length === 0
      ? ['Events:\t<none>']
      : ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------',
         ...n.events.map((e) => `  ${e.type}\t${e.reason}\t${e.age}\t${e.from}\t${e.message}`)]),
  ];
  return tabwrite(lines, { minwidth: 0, padding: 2 });
}
