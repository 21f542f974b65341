/**
 * Opens PGlite in the calling thread (the worker, pglite-worker.ts), in `dataDir` or in memory.
 *
 * Durability: PGlite starts PostgreSQL with `-F` (fsync off), and its Node filesystem (Emscripten's
 * NODEFS) has no fsync operation, so a commit reaches the OS page cache but never the disk: it
 * survives a killed process, not a power cut. `durable: true` turns that back on: PostgreSQL runs
 * without `-F` and with `wal_sync_method=fsync`, and NODEFS's file streams get the fsync operation
 * Emscripten calls for it (Node's fs.fdatasyncSync on the real file: the data and the size needed to
 * read it back, without the timestamps fsync would also write), so each commit — one per group
 * commit batch — is on disk before PGlite returns. `relaxedDurability` (a PGlite option) is not
 * this: it only lets queries return before a browser filesystem's copy (IndexedDB, OPFS) is flushed.
 */
import { fdatasyncSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

export interface PgliteOptions {
  /** Folder of the data; empty: in memory. */
  dataDir: string;
  /** fsync each commit to disk (see above). */
  durable: boolean;
}

interface NodeFsStream {
  nfd?: number;
}
type EmscriptenModule = { NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number } } };

/** NODEFS with fsync: Emscripten's fd_sync calls stream_ops.fsync when there is one. */
class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, options);
    const preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (mod: EmscriptenModule) => {
        mod.NODEFS.stream_ops.fsync = (stream) => {
          if (typeof stream.nfd === 'number') fdatasyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } as typeof result.emscriptenOpts };
  }
}

export async function openPgliteHere(options: PgliteOptions): Promise<PGlite> {
  if (!options.dataDir) return PGlite.create();
  await mkdir(options.dataDir, { recursive: true });
  if (!options.durable) return PGlite.create(options.dataDir);
  return PGlite.create({
    fs: new SyncingNodeFS(options.dataDir),
    startParams: [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  });
}
