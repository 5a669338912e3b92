// IPC between the bench (parent) and its load-generator workers.
import type { Seat } from '../servers/types.js';

export interface WorkerSeat extends Seat {
  /** Index among typists (keystroke ids carry it), or -1. */
  typistIndex: number;
}

/** One server's room, as much of it as this worker holds. */
export interface TargetInit {
  seats: WorkerSeat[];
  serverSync: boolean;
}

export interface InitMsg {
  type: 'init';
  targets: TargetInit[];
  seedUpdate: Uint8Array;
  keystrokeMs: number;
  readerAwarenessMs: number;
  typists: number;
}

/** A stretch of time during which one target's typists type. Times are monotonic ms. */
export interface Slice {
  target: number;
  start: number;
  end: number;
  /** Warm-up slices are not measured. */
  measured: boolean;
}

export interface StartMsg {
  type: 'start';
  slices: Slice[];
}

export type ToWorker = InitMsg | StartMsg | { type: 'collect' } | { type: 'close' };

export interface TargetResult {
  /** [keystroke id, monotonic send time] for the keystrokes this worker's typists sent. */
  sends: Array<[number, number]>;
  /** keystroke id → [latest arrival among this worker's clients, how many of them got it]. */
  arrivals: Map<number, [number, number]>;
  /** Received by this worker's clients of the target during its measured slices. */
  messages: number;
  bytes: number;
  /** This worker's CPU during the target's measured slices. */
  cpuMicros: number;
  errors: string[];
}

export interface WorkerResult {
  type: 'result';
  targets: TargetResult[];
}

export type FromWorker = { type: 'ready'; ms: number } | { type: 'failed'; error: string } | WorkerResult;

/** Keystroke ids: sequence number × MAX_TYPISTS + typist index. */
export const MAX_TYPISTS = 64;
