// A request body written to a private temporary file (0600, in a 0700 directory), so that it can be
// read twice (checked whole, then imported) without holding it in memory. Removed by `remove()`.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Spooled {
  open(): AsyncIterable<Buffer>;
  remove(): Promise<void>;
}

export async function spool(body: Readable): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'jindu-import-'));
  const path = join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(body, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    await remove();
    throw err;
  }
  return { open: () => createReadStream(path, { highWaterMark: 256 * 1024 }), remove };
}
