import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A TCP relay between one device and the server: `cut()` drops its connections and refuses new ones
 * (the network is gone for that device alone), `heal()` lets them through again, `loseAnswerTo` drops
 * the connection between the server's handling of a request and its answer. The server keeps its port
 * across restarts, so the relay outlives them.
 */
export class PartitionProxy {
  private passing = true;
  private losing: string | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  port = 0;

  private constructor(targetPort: number) {
    this.server = createServer((inbound) => this.relay(inbound, targetPort));
  }

  static async start(targetPort: number): Promise<PartitionProxy> {
    const proxy = new PartitionProxy(targetPort);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    proxy.port = (proxy.server.address() as { port: number }).port;
    return proxy;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  private relay(inbound: Socket, targetPort: number) {
    if (!this.passing) return inbound.destroy();
    const outbound = connect(targetPort, '127.0.0.1');
    let answerLost = false;
    inbound.on('data', (chunk: Buffer) => {
      if (this.losing && chunk.includes(this.losing)) {
        this.losing = undefined;
        answerLost = true;
      }
      outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => {
      if (!answerLost) return inbound.write(chunk);
      inbound.destroy();
      outbound.destroy();
    });
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      this.sockets.add(from);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }

  /** The next request that starts with `requestLine` reaches the server, but its answer is lost on the way back. */
  loseAnswerTo(requestLine: string) {
    this.losing = requestLine;
  }

  cut() {
    this.passing = false;
    for (const socket of this.sockets) socket.destroy();
  }

  heal() {
    this.passing = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
