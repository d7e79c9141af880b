import { Writable } from 'node:stream';
import { pino } from 'pino';

/** A real pino logger whose lines (JSON text) the test reads back. */
export function capturedLogs(level: 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}
