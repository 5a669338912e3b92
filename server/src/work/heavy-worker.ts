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
const failed = (id: number) => (err: unknown) =>
  port.postMessage({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
port.on('message', (job: Job) => {
  try {
    const run = tasks[job.name] as (input: unknown) => unknown;
    // Writing a .docx is asynchronous (the docx library zips with promises).
    Promise.resolve(run(job.input)).then((result) => port.postMessage({ id: job.id, ok: true, result }), failed(job.id));
  } catch (err) {
    failed(job.id)(err);
  }
});
