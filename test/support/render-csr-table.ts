// `kubectl get csr` through Go's tabwriter, in the pre-1.18, 1.18+ (SIGNERNAME) and 1.22+
// (REQUESTEDDURATION) layouts. Only tests use it.
import { tabwrite } from './render-tabwriter.js';

export interface CsrRow {
  readonly name: string;
  readonly age: string;
  readonly signerName: string;
  readonly requestor: string;
  readonly requestedDuration: string;
  readonly condition: string;
}

export type CsrLayout = 'old' | 'signer' | 'duration';

export function formatCsrTable(rows: readonly CsrRow[], layout: CsrLayout): string {
  const cells = (r: CsrRow): string[] =>
    layout === 'old' ? [r.name, r.age, r.requestor, r.condition]
      : layout === 'signer' ? [r.name, r.age, r.signerName, r.requestor, r.condition]
        : [r.name, r.age, r.signerName, r.requestor, r.requestedDuration, r.condition];
  const header = { old: 'NAME\tAGE\tREQUESTOR\tCONDITION', signer: 'NAME\tAGE\tSIGNERNAME\tREQUESTOR\tCONDITION',
    duration: 'NAME\tAGE\tSIGNERNAME\tREQUESTOR\tREQUESTEDDURATION\tCONDITION' }[layout];
  return tabwrite([header, ...rows.map((r) => cells(r).join('\t'))], { minwidth: layout === 'old' ? 10 : 6, padding: 3 });
}
