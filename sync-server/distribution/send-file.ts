import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseRange } from './byte-range.js';

export interface ServedFile {
  path: string;
  size: number;
  /** A strong ETag, quoted: the file's SHA-256 where it is known, so If-Range names exact bytes. */
  etag: string;
  contentType: string;
}

/** Sends a file whole or the one slice its Range asks for (see parseRange), with the headers a resume needs. */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: ServedFile): FastifyReply {
  const ifRange = [request.headers['if-range']].flat()[0];
  const answer = parseRange(request.headers.range, file.size, { ifRange, etag: file.etag });
  reply.header('accept-ranges', 'bytes').header('etag', file.etag).type(file.contentType);
  if (request.headers['if-none-match'] === file.etag && answer.kind === 'full') return reply.code(304).send();
  if (answer.kind === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  }
  if (answer.kind === 'full') {
    reply.header('content-length', file.size);
    return reply.send(file.size === 0 ? '' : createReadStream(file.path));
  }
  const { start, end } = answer;
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${file.size}`)
    .header('content-length', end - start + 1)
    .send(createReadStream(file.path, { start, end }));
}
