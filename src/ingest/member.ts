/** One file of the bundle, as ingest found it: a plain file, an archive entry, or a gunzipped file. */
export interface Member {
  /** Bundle-relative POSIX path, archive names included: `bundle.tar.gz/node-a/kubelet.log`. */
  readonly path: string;
  /** Size in bytes where the container states it (not for gzip streams). */
  readonly size?: number;
  /** Modification time where the filesystem or archive header states it. */
  readonly mtime?: Date;
  /** Where the mtime came from, for the inventory's time-source column. */
  readonly mtimeSource?: 'file' | 'archive-entry';
  /** Set for a plain file on disk (not inside an archive, not compressed): it can be read in parallel ranges. */
  readonly file?: { readonly path: string; readonly size: number };
  /** The member's bytes. Read at most once; tar members must be read (or drained) before the next one. */
  readonly bytes: AsyncIterable<Buffer>;
}
