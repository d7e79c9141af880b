import type Docker from 'dockerode';

/**
 * A `wait` registered with the engine before the job goes in (its headers come once it is), so a
 * container that stops without answering (its loader killed) is heard at once, with no round trip.
 * `exited` is the container's exit code, or -1 when the engine did not say.
 */
export function waitFor(docker: Docker, container: Docker.Container): Promise<{ exited: Promise<number> }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${container.id}/wait?`,
        method: 'POST',
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options: {},
      },
      (error, result) => {
        if (error) return reject(error as Error);
        const response = result as NodeJS.ReadableStream;
        resolve({
          exited: new Promise((done) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => {
              try {
                done((JSON.parse(body) as { StatusCode: number }).StatusCode);
              } catch {
                done(-1);
              }
            });
            response.on('error', () => done(-1));
          }),
        });
      },
    );
  });
}
