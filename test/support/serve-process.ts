import { type ChildProcess, spawn } from 'node:child_process'

/**
 * A real server process (`scripts/serve.ts`, as `npm start` and a deployment run it) on the
 * database `databaseUrl` names: what throttles, sessions, jobs and shutdown are tested against when
 * one process is not enough (restarts, two instances behind a load balancer, signals).
 */
export type ServeProcess = {
  child: ChildProcess
  baseUrl: string
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

export async function startServeProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      // 'test': as development (demo seed, no Secure cookie) without warming up the PDF workers.
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      APP_URL: '',
      SMTP_URL: '',
      SESSION_SECRET: 'z'.repeat(40),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  let output = ''
  const listening = /Shoreline is running at http:\/\/\S+:(\d+)/
  // Resolves once the process says where it listens; fails, with what it printed, when it exits
  // first or (a bound for a start that never comes, not a latency goal) after 120 s.
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk
      const match = listening.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1] as string)
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${output}`))
    })
  })
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited }
}

/** SIGTERM (or `signal`) and wait for the exit. */
export async function stopServeProcess(
  server: Pick<ServeProcess, 'child' | 'exited'>,
  signal: NodeJS.Signals = 'SIGTERM',
) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal)
  return server.exited
}

/** Stops every server process still running (for afterEach). */
export async function stopAllServeProcesses() {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGKILL')
      return exited
    }),
  )
}
