import { existsSync } from 'node:fs';
import { circuitBreaker, ConsecutiveBreaker, handleAll, isBrokenCircuitError } from 'cockatiel';
import type { CircuitBreakerPolicy } from 'cockatiel';
import Docker from 'dockerode';
import type { PlaygroundStatus } from '../../../common/contract/playground.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';

export type EngineState = Exclude<PlaygroundStatus['state'], 'ready' | 'image-missing' | 'image-building'>;

/**
 * Why the engine cannot be reached: `message` says what is wrong in a learner's words; `fix` is the
 * admin's steps (commands included), never shown to a learner as theirs to run.
 */
export class EngineUnavailable extends Error {
  constructor(
    readonly state: EngineState,
    readonly said: Said,
    readonly fix: string,
  ) {
    super(said.text);
    this.name = 'EngineUnavailable';
  }
}

function explain(error: unknown, socketPath: string | undefined): EngineUnavailable {
  if (error instanceof EngineUnavailable) return error;
  if (isBrokenCircuitError(error)) {
    return new EngineUnavailable(
      'unavailable',
      say('docker-not-answering'),
      'Check that Docker is running (`lionlearn doctor`); runs resume on their own once it answers.',
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && socketPath && !existsSync(socketPath)) {
    return new EngineUnavailable(
      'docker-missing',
      say('docker-missing'),
      'Install Docker (on Debian: apt-get install docker.io), start it, then run `lionlearn doctor`.',
    );
  }
  if (code === 'ECONNREFUSED' || code === 'ENOENT') {
    return new EngineUnavailable(
      'docker-stopped',
      say('docker-stopped'),
      'Start Docker (systemctl start docker, or open Docker Desktop), then run `lionlearn doctor`.',
    );
  }
  if (code === 'EACCES') {
    return new EngineUnavailable(
      'docker-stopped',
      say('docker-forbidden'),
      'Add the user to the docker group (usermod -aG docker $USER) and log in again.',
    );
  }
  return new EngineUnavailable(
    'unavailable',
    say('docker-failed', { reason: (error as Error).message }),
    'Run `lionlearn doctor`.',
  );
}

/**
 * The Docker engine behind a circuit breaker: after three failures in a row calls fail fast for a
 * while instead of each waiting on a dead socket; then one call tries again.
 */
export class DockerEngine {
  readonly docker: Docker;
  readonly #breaker: CircuitBreakerPolicy;

  constructor(options: { docker?: Docker; halfOpenAfterMs?: number } = {}) {
    this.docker = options.docker ?? new Docker();
    this.#breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.halfOpenAfterMs ?? 15_000,
      breaker: new ConsecutiveBreaker(3),
    });
  }

  /** Runs a Docker call through the breaker; failures become EngineUnavailable. */
  async call<T>(work: (docker: Docker) => Promise<T>): Promise<T> {
    try {
      return await this.#breaker.execute(() => work(this.docker));
    } catch (error) {
      throw explain(error, (this.docker.modem as { socketPath?: string }).socketPath);
    }
  }

  ping(): Promise<unknown> {
    return this.call((docker) => docker.ping());
  }

  async hasImage(image: string): Promise<boolean> {
    return this.call(async (docker) => {
      try {
        await docker.getImage(image).inspect();
        return true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return false;
        throw error;
      }
    });
  }
}
