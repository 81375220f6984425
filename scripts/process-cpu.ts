import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * CPU time (user + system, in ms) a process has used so far, read from Linux's /proc/<pid>/stat;
 * undefined once the process is gone or where there is no /proc. For benchmarks that count what
 * other processes (the app's servers, PostgreSQL's backends) spent, not just their own.
 */
export function processCpuMs(pid: number): number | undefined {
  return statCpuMs(`/proc/${pid}/stat`)
}

/**
 * CPU time (ms) in a /proc stat file: a process's (`/proc/<pid>/stat`) or the calling thread's
 * (`/proc/thread-self/stat`); undefined when it cannot be read.
 */
export function statCpuMs(file: string): number | undefined {
  try {
    const stat = readFileSync(file, 'utf8')
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond()
  } catch {
    return undefined
  }
}

let ticks: number | undefined
function clockTicksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  return ticks
}

/** The CPU (ms) the given processes used since `before` (pid → ms); processes new since count from zero. */
export function cpuMsSince(before: Map<number, number>, pids: number[]): number {
  let total = 0
  for (const pid of pids) total += (processCpuMs(pid) ?? 0) - (before.get(pid) ?? 0)
  return total
}

/** The processes' CPU so far, to pass to `cpuMsSince` later. */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuMs(pid) ?? 0]))
}
