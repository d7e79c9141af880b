import { describe, expect, it } from 'vitest';
import { CappedBuffer, FrameReader } from './sandbox-frames.js';

const frame = (kind: string, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(5);
  header.write(kind, 0, 'latin1');
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
};

/** Feeds bytes to a FrameReader in the given chunk sizes, as a socket would deliver them. */
async function read(bytes: Buffer, chunk: number, limit = 1024) {
  const stdout = new CappedBuffer(limit);
  const stderr = new CappedBuffer(limit);
  const frames = new FrameReader(stdout, stderr);
  for (let i = 0; i < bytes.length; i += chunk) {
    await new Promise<void>((resolve) => frames.write(bytes.subarray(i, i + chunk), () => resolve()));
  }
  return {
    stdout: stdout.text(),
    stderr: stderr.text(),
    report: frames.report.text(),
    broken: frames.broken,
    cut: stdout.cut,
    done: frames.done,
  };
}

describe("the loader's frames", () => {
  const stream = Buffer.concat([frame('o', 'hello '), frame('e', 'oops'), frame('o', 'world'), frame('r', '{"a":1}')]);

  it.each([1, 3, 7, 64])('are read the same whatever the chunks (%i bytes)', async (chunk) => {
    expect(await read(stream, chunk)).toEqual({
      stdout: 'hello world',
      stderr: 'oops',
      report: '{"a":1}',
      broken: false,
      cut: false,
      done: false,
    });
  });

  it.each([1, 4, 64])('end at the end frame, once every frame before it is read (%i bytes)', async (chunk) => {
    const result = await read(Buffer.concat([stream, frame('x', '')]), chunk);
    expect(result).toMatchObject({ stdout: 'hello world', report: '{"a":1}', done: true, broken: false });
  });

  it('end the channel at anything after the end frame, or at an end frame that carries bytes', async () => {
    expect(await read(Buffer.concat([frame('x', ''), frame('o', 'late')]), 3)).toMatchObject({
      stdout: '',
      done: true,
      broken: true,
    });
    expect(await read(Buffer.concat([frame('x', 'ab'), frame('r', '{}')]), 3)).toMatchObject({
      report: '',
      done: false,
      broken: true,
    });
  });

  it('end the channel at anything that is not a frame', async () => {
    const result = await read(
      Buffer.concat([frame('o', 'a'), Buffer.from('@@lionlearn-results'), frame('r', '{}')]),
      5,
    );
    expect(result).toMatchObject({ stdout: 'a', report: '', broken: true });
  });

  it("cap the program's output and say so", async () => {
    const result = await read(frame('o', 'x'.repeat(100)), 16, 10);
    expect(result.cut).toBe(true);
    expect(result.stdout).toBe(`${'x'.repeat(10)}\n[output cut at 10 bytes]`);
  });
});
