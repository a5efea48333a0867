// What the page's script draws, as the renderer hands it over in a JSON island. Plain data with
// no imports, so both the Node renderer and the browser script (its own tsconfig) can use it.
// Times are RFC 3339 UTC strings as the diagnosis states them.

/** The id of the page's <script type="application/json"> element that holds the PictureData. */
export const PICTURE_DATA_ID = 'kf-picture-data';

export type Severity = 'critical' | 'warning' | 'info';

/** One swimlane: a host and the components its incident's lines came from. */
export interface PictureLane {
  readonly label: string;
  /** The findings drawn in this lane, one row each, in rank order. */
  readonly rows: readonly string[];
}

/** One incident of a finding: a span from first to last seen. */
export interface PictureSpan {
  /** Id of the finding's article in the page (`finding-<rank>`). */
  readonly finding: string;
  readonly rank: number;
  readonly pattern: string;
  readonly lane: number;
  readonly row: number;
  readonly severity: Severity;
  readonly status: 'active' | 'resolved';
  readonly rootCause: boolean;
  readonly host: string;
  readonly components: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly resolvedAt: string | null;
  readonly count: number;
}

/** One evidence line of a finding: a mark at its time; the text is in the page's row `id`. */
export interface PictureMark {
  readonly id: string;
  readonly finding: string;
  readonly lane: number;
  readonly row: number;
  readonly severity: Severity;
  readonly time: string;
}

/** A cause→symptom link between two spans, from the cause's onset to the symptom's. */
export interface PictureLink {
  readonly cause: string;
  readonly symptom: string;
  readonly host: string;
  readonly lagSec: number | null;
  readonly from: { readonly lane: number; readonly row: number; readonly time: string };
  readonly to: { readonly lane: number; readonly row: number; readonly time: string };
}

/** A metric series from the bundle's snapshots, drawn on the same time axis. */
export interface PictureSeries {
  readonly finding: string;
  readonly title: string;
  readonly points: readonly (readonly [time: string, value: number])[];
}

export interface PictureData {
  readonly lanes: readonly PictureLane[];
  readonly spans: readonly PictureSpan[];
  readonly marks: readonly PictureMark[];
  readonly links: readonly PictureLink[];
  readonly series: readonly PictureSeries[];
  /** The bundle's time range, as the diagnosis states it. */
  readonly range: { readonly start: string | null; readonly end: string | null };
  /** Incidents that carry no time and so are not drawn (they are in the tables). */
  readonly untimed: number;
}
