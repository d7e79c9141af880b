// The client side of bench/sync, run in forked processes so the devices' CPU is not the server's. The
// parent sends commands over IPC; both devices of a document live in the same process, so one clock times
// an update from the writer to the reader.
import { Device } from './sync-device.js';

export interface Pair {
  /** The two devices' socket URLs (with token and ack=1 for our server). */
  writer: string;
  reader: string;
  /** For Hocuspocus: the document's name, which frames its messages. */
  hocuspocus?: string;
}

export type Command =
  | { type: 'connect'; pairs: Pair[] }
  | { type: 'write'; rounds: number; windowMs: number }
  | { type: 'reconnect' }
  | { type: 'close' };

export type Reply =
  | { type: 'synced' }
  | { type: 'written'; updateMs: number[]; ackMs: number[]; lost: number; acksMissing: number }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

const LOST_AFTER_MS = 10_000;

export function runClients(): void {
  const send = (reply: Reply) => process.send?.(reply);
  let devices: { url: string; writer: Device; reader: Device; sentAt: Map<number, number> }[] = [];
  let updateMs: number[] = [];
  let ackMs: number[] = [];
  let pending = 0;

  const syncAll = async () => {
    await Promise.all(devices.flatMap(({ writer, reader }) => [writer.connect(), reader.connect()]));
    send({ type: 'synced' });
  };

  const writeRounds = async (rounds: number, windowMs: number) => {
    updateMs = [];
    ackMs = [];
    for (let round = 1; round <= rounds; round++) {
      for (const pair of devices) {
        // Spread over the window, as devices write at their own times rather than in lockstep.
        setTimeout(() => {
          pair.sentAt.set(round, performance.now());
          pending++;
          pair.writer.write(round);
        }, Math.random() * windowMs);
      }
      await new Promise((resolve) => setTimeout(resolve, windowMs));
    }
    // Every update seen by its reader and, where the server acknowledges, every ack back, before the
    // figures go: percentiles over the acks that came first would leave out the slowest.
    const acked = devices.some(({ url }) => new URL(url).searchParams.get('ack') === '1');
    const unacked = () => (acked ? devices.reduce((n, { writer }) => n + writer.unackedCount, 0) : 0);
    const deadline = performance.now() + LOST_AFTER_MS;
    while ((pending > 0 || unacked() > 0) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    send({ type: 'written', updateMs, ackMs, lost: pending, acksMissing: unacked() });
  };

  process.on('message', (command: Command) => {
    const work = (async () => {
      if (command.type === 'connect') {
        devices = command.pairs.map(({ writer, reader, hocuspocus }) => {
          const sentAt = new Map<number, number>();
          const onAck = (ms: number) => ackMs.push(ms);
          const seen = (value: number) => {
            const at = sentAt.get(value);
            if (at === undefined) return;
            sentAt.delete(value);
            pending--;
            updateMs.push(performance.now() - at);
          };
          return {
            url: writer,
            writer: new Device(writer, onAck, () => undefined, hocuspocus),
            reader: new Device(reader, () => {}, seen, hocuspocus),
            sentAt,
          };
        });
        await syncAll();
      } else if (command.type === 'write') {
        await writeRounds(command.rounds, command.windowMs);
      } else if (command.type === 'reconnect') {
        for (const { writer, reader } of devices) {
          writer.drop();
          reader.drop();
        }
        await syncAll();
      } else {
        for (const { writer, reader } of devices) {
          writer.close();
          reader.close();
        }
        send({ type: 'closed' });
        process.disconnect();
      }
    })();
    work.catch((error: unknown) => send({ type: 'failed', message: (error as Error).message }));
  });
}
