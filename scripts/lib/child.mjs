// Runs a child process that lives and dies with this one: SIGINT/SIGTERM are passed on to it,
// and when this process's own parent goes away, the child is stopped too. npm runs a script
// through `sh -c`, and a SIGTERM to npm ends that shell alone: without the watch, npm start's
// script and the browser-mode server would stay behind, holding the port and the database.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'

const PARENT_CHECK_MS = 500

/**
 * Calls `onGone` once when the parent of this process has exited (this process was handed to
 * init or a subreaper). Nothing is watched where the parent was init from the start.
 */
export function watchParent(onGone, intervalMs = PARENT_CHECK_MS) {
  const parent = process.ppid
  if (parent <= 1) return () => {}
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer)
      onGone()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * Runs a command, passing SIGINT/SIGTERM on to it and stopping it when this process is orphaned.
 * With `capture`, its output is collected instead of shown; with `limitMs`, it is killed when it
 * runs longer; `onSpawn` gets the child (its pid, for tests).
 */
export function run(command, args, { capture = false, limitMs, env = process.env, cwd, onSpawn } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? 'pipe' : 'inherit' })
    onSpawn?.(child)
    let output = ''
    let timedOut = false
    if (capture) {
      child.stdout.on('data', (b) => (output += b))
      child.stderr.on('data', (b) => (output += b))
    }
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    const unwatch = watchParent(() => child.kill('SIGTERM'))
    const timer = limitMs && setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), limitMs)
    const finish = (code, signal, error) => {
      clearTimeout(timer)
      unwatch()
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ code: code ?? 128 + (constants.signals[signal] ?? 0), output, timedOut, error })
    }
    child.once('error', (error) => finish(1, null, error))
    child.once('exit', (code, signal) => finish(code, signal))
  })
}
