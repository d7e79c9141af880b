import type Docker from 'dockerode';

/** What one run may use. The admin sets the defaults and the maxima; an exercise asks within them. */
export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  cpus: number;
  pids: number;
  /** stdout and stderr each; beyond it the stream is cut and the run stopped. */
  outputBytes: number;
  workDirMb: number;
  tmpMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeoutMs: 10_000,
  memoryMb: 256,
  cpus: 1,
  pids: 64,
  outputBytes: 64 * 1024,
  workDirMb: 16,
  tmpMb: 16,
};

export const DEFAULT_MAXIMA: SandboxLimits = {
  timeoutMs: 60_000,
  memoryMb: 1024,
  cpus: 2,
  pids: 256,
  outputBytes: 1024 * 1024,
  workDirMb: 128,
  tmpMb: 128,
};

export function withinMaxima(base: SandboxLimits, asked: Partial<SandboxLimits>, maxima: SandboxLimits): SandboxLimits {
  const limits = { ...base };
  for (const key of Object.keys(base) as (keyof SandboxLimits)[]) {
    limits[key] = Math.min(asked[key] ?? base[key], maxima[key]);
  }
  return limits;
}

export const SANDBOX_LABEL = 'org.lionagi.learn.sandbox';
/** The pid of the app that made the container: another running app's containers are not leftovers. */
export const OWNER_LABEL = 'org.lionagi.learn.owner-pid';
/** When that process started (Linux: /proc/PID/stat), so a reused pid is not taken for the owner. */
export const OWNER_START_LABEL = 'org.lionagi.learn.owner-start';
export const SANDBOX_USER = '10001:10001';

/**
 * Every hardening switch, on for every container: no network, read-only root, small tmpfs for
 * /work and /tmp, memory with swap equal to it, a pids limit, a CPU quota, no capabilities,
 * no new privileges, a non-root user, few open files. No Docker log: output reaches the app only
 * through attach, so a program left running by a dead app writes into nothing instead of filling
 * the disk; and the container removes itself when it stops, whoever is (or is not) there to see it.
 */
export function hardenedContainer(
  image: string,
  limits: SandboxLimits,
  owner: { pid: number; start: string },
): Docker.ContainerCreateOptions {
  const memory = limits.memoryMb * 1024 * 1024;
  return {
    Image: image,
    User: SANDBOX_USER,
    WorkingDir: '/work',
    Labels: { [SANDBOX_LABEL]: 'true', [OWNER_LABEL]: String(owner.pid), [OWNER_START_LABEL]: owner.start },
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: {
        '/work': `rw,nosuid,nodev,size=${limits.workDirMb}m,uid=10001,gid=10001,mode=0700`,
        '/tmp': `rw,nosuid,nodev,noexec,size=${limits.tmpMb}m,mode=1777`,
      },
      Memory: memory,
      MemorySwap: memory,
      PidsLimit: limits.pids,
      NanoCpus: Math.round(limits.cpus * 1e9),
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Ulimits: [
        { Name: 'nofile', Soft: 256, Hard: 256 },
        { Name: 'fsize', Soft: limits.workDirMb * 1024 * 1024, Hard: limits.workDirMb * 1024 * 1024 },
      ],
      IpcMode: 'private',
      LogConfig: { Type: 'none', Config: {} },
      AutoRemove: true,
    },
  };
}
