import { readFileSync } from 'node:fs';

/** The start time of a process, from /proc (Linux); '' where there is no /proc or no such process. */
function startOf(pid: number): string {
  try {
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Who made a sandbox container: this process, named so that a reused pid is not mistaken for it. */
export const thisOwner = (): { pid: number; start: string } => ({ pid: process.pid, start: startOf(process.pid) });

/** Whether the app that made a container still runs: its pid is alive and, where known, started then. */
export function ownerAlive(pid: number, start: string | undefined): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!start) return true;
  const now = startOf(pid);
  return now === '' || now === start;
}
