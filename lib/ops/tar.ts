/**
 * Just enough of the POSIX ustar format for backup archives: regular files, written one after
 * another from files on disk, read back one entry at a time as a stream. A gzip of this opens
 * with any `tar`, so an operator can inspect an archive (`tar -tzf`, `tar -xOzf ... manifest.json`)
 * without the portal. No dependency: the format is a 512-byte header per file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a path over ustar's name (100 bytes) and prefix (155 bytes) fields. */
function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { name: rest, prefix };
  }
  throw new Error(`Archive entry name too long for ustar: ${name}`);
}

function header(entryName: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  const { name, prefix } = splitName(entryName);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Appends one file from disk as the entry `name`. */
export async function writeTarEntry(out: Writable, name: string, file: string): Promise<void> {
  const { size, mtime } = await stat(file);
  await write(out, header(name, size, mtime));
  for await (const chunk of createReadStream(file)) await write(out, chunk as Buffer);
  const padding = (BLOCK - (size % BLOCK)) % BLOCK;
  if (padding) await write(out, Buffer.alloc(padding, 0));
}

/** The two zero blocks that end an archive. */
export async function endTar(out: Writable): Promise<void> {
  await write(out, Buffer.alloc(BLOCK * 2, 0));
}

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes, in chunks; must be read to the end before the next entry. */
  body: AsyncIterable<Buffer>;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * Reads regular-file entries from a (decompressed) tar stream. Anything else (links,
 * devices, extended headers) is refused: a backup archive never holds them.
 */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let buffered: Buffer = Buffer.alloc(0);
  let ended = false;

  async function fill(bytes: number): Promise<boolean> {
    while (buffered.length < bytes && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buffered = buffered.length ? Buffer.concat([buffered, next.value]) : next.value;
    }
    return buffered.length >= bytes;
  }

  for (;;) {
    if (!(await fill(BLOCK))) throw new Error('The archive ends in the middle of a header (truncated file?)');
    const block = buffered.subarray(0, BLOCK);
    buffered = buffered.subarray(BLOCK);
    if (block.every((b) => b === 0)) return;
    let sum = 0;
    block.forEach((byte, i) => {
      sum += i >= 148 && i < 156 ? 32 : byte;
    });
    if (parseInt(field(block, 148, 8).trim(), 8) !== sum) throw new Error('The archive has a damaged header (checksum)');
    const type = field(block, 156, 1);
    if (type !== '0' && type !== '') throw new Error(`The archive holds an entry of unsupported type ${JSON.stringify(type)}`);
    const prefix = field(block, 345, 155);
    const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
    const size = parseInt(field(block, 124, 12).trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`The archive entry ${name} has a bad size`);
    const padded = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    let remaining = size;
    let consumed = false;
    async function* body(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        if (buffered.length === 0 && !(await fill(1))) throw new Error(`The archive ends inside ${name} (truncated file?)`);
        const piece = buffered.subarray(0, Math.min(remaining, buffered.length));
        buffered = buffered.subarray(piece.length);
        remaining -= piece.length;
        yield piece;
      }
      consumed = true;
    }
    yield { name, size, body: body() };
    if (!consumed) for await (const piece of body()) void piece;
    const skip = padded - size;
    if (skip && !(await fill(skip))) throw new Error(`The archive ends inside ${name} (truncated file?)`);
    buffered = buffered.subarray(skip);
  }
}
