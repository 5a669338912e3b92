// The worker thread's entry (heavy-work.ts starts it): runs one task per message, in order.
import { parentPort } from 'node:worker_threads';
import { tasks, type TaskName } from './heavy-tasks.js';

interface Job {
  id: number;
  name: TaskName;
  input: unknown;
}

if (!parentPort) throw new Error('heavy-worker.ts runs as a worker thread only');
const port = parentPort;
// A task may await (reading a .docx): jobs are chained so they still run one at a time, in order.
let queue: Promise<void> = Promise.resolve();
port.on('message', (job: Job) => {
  queue = queue.then(async () => {
    try {
      const run = tasks[job.name] as (input: unknown) => unknown;
      port.postMessage({ id: job.id, ok: true, result: await run(job.input) });
    } catch (err) {
      port.postMessage({ id: job.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
});
