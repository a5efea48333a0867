/** A line as ingest hands it over: numbered before any filtering, so `no` is the file's own line. */
export interface NumberedLine {
  readonly no: number;
  readonly text: string;
  /** Byte offset of the line's first byte within the member. */
  readonly offset: number;
}
