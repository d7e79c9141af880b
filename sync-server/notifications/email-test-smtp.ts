import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it, its MIME parts decoded. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), which a Bcc: injected in a header would add to. */
  rcptTo: string[];
  /** The raw header block, unfolded. */
  headers: string;
  header(name: string): string | undefined;
  text: string;
  html: string;
}

const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );

/** Quoted-printable to text: soft line breaks removed, `=XX` bytes decoded as UTF-8. */
function qp(data: string): string {
  const text = data.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const unfold = (headers: string) => headers.replace(/\r\n[ \t]+/g, ' ');
const headerOf = (headers: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1];

function decodePart(part: string): { type: string; body: string } {
  const split = part.indexOf('\r\n\r\n');
  const headers = unfold(part.slice(0, split));
  const raw = part.slice(split + 4);
  const encoding = headerOf(headers, 'Content-Transfer-Encoding')?.trim().toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? qp(raw)
        : raw;
  return { type: headerOf(headers, 'Content-Type') ?? '', body: body.replace(/\r\n/g, '\n') };
}

/** Parses the text and HTML parts of a multipart/alternative mail (what nodemailer makes of text + html). */
export function parseMail(raw: string, rcptTo: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = unfold(raw.slice(0, split));
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(headers)?.[1];
  const parts = boundary
    ? raw
        .slice(split + 4)
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => decodePart(part.replace(/^\r\n/, '')))
    : [];
  return {
    rcptTo,
    headers,
    header: (name) => {
      const value = headerOf(headers, name);
      return value === undefined ? undefined : decodeWords(value);
    },
    text: parts.find((part) => part.type.startsWith('text/plain'))?.body ?? '',
    html: parts.find((part) => part.type.startsWith('text/html'))?.body ?? '',
  };
}

/**
 * A real SMTP server on 127.0.0.1 for the tests: collects what it is sent, and refuses connections (421)
 * while `refusing` is set.
 */
export async function startTestSmtp(port = 0) {
  const mails: ReceivedMail[] = [];
  const waiting: (() => void)[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!state.refusing) return callback();
      const error = Object.assign(new Error('busy, try later'), { responseCode: 421 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ),
        );
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    mails,
    state,
    /** Resolves once `count` mails arrived (the test's own timeout bounds the wait). */
    async received(count: number): Promise<ReceivedMail[]> {
      while (mails.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then closed): connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never answers: an SMTP server hung mid-greeting. */
export async function silentServer(): Promise<{ port: number; connected: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let wake: () => void = () => {};
  const connected = new Promise<void>((resolve) => (wake = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    wake();
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    /** Resolves once a client connected (and is left waiting for a greeting). */
    connected,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
