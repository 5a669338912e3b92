import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { Role } from '@accord/shared/protocol';

/** The authenticated identity of one connection or request. */
export interface Identity {
  sessionId: string;
  role: Role;
  /** The participant's stable id (`chair` for the admin key); what records are attributed to. */
  participantId: string;
  delegation: string;
  color: string;
  /** True for the admin key: it acts as chair on every session. */
  admin: boolean;
}

export interface OnAuthenticatePayload {
  sessionId: string;
  token: string;
  request: IncomingMessage;
}
export interface OnLoadDocumentPayload {
  sessionId: string;
  document: Y.Doc;
}
export interface OnChangePayload {
  sessionId: string;
  document: Y.Doc;
  /** The merged update of one group-commit batch (not yet stored). */
  update: Uint8Array;
}
export interface OnStoreDocumentPayload {
  sessionId: string;
  document: Y.Doc;
  /** What was just committed. */
  update: Uint8Array;
  seq: number;
}
export interface OnDisconnectPayload {
  sessionId: string;
  identity: Identity;
  /** Connections left in the room. */
  connectionCount: number;
}

/**
 * Server features as hooks, in the shape of Hocuspocus's Extension (packages/server/src/types.ts).
 * Hooks run in array order and are awaited. onAuthenticate: all run, the first identity returned
 * is the connection's, and any that throws refuses it (HTTP 401); the built-in token check runs
 * first, so an extension can veto a token but not upgrade one. onLoadDocument runs after the
 * stored state is applied; throwing refuses the connection (close 1011). onChange runs after a
 * batch is applied, onStoreDocument after it is durably committed: errors there are logged, they
 * never undo a change. onDisconnect runs after a connection is gone.
 */
export interface Extension {
  onAuthenticate?(payload: OnAuthenticatePayload): Promise<Identity | void> | Identity | void;
  onLoadDocument?(payload: OnLoadDocumentPayload): Promise<void> | void;
  onChange?(payload: OnChangePayload): Promise<void> | void;
  onStoreDocument?(payload: OnStoreDocumentPayload): Promise<void> | void;
  onDisconnect?(payload: OnDisconnectPayload): Promise<void> | void;
}

type HookName = Exclude<keyof Extension, 'onAuthenticate'>;
type PayloadOf<H extends HookName> = Parameters<NonNullable<Extension[H]>>[0];

/** Runs one hook of every extension in order; the first error stops the chain and is rethrown. */
export async function runHook<H extends HookName>(extensions: readonly Extension[], hook: H, payload: PayloadOf<H>): Promise<void> {
  for (const ext of extensions) {
    const fn = ext[hook] as ((p: PayloadOf<H>) => Promise<void> | void) | undefined;
    if (fn) await fn.call(ext, payload);
  }
}

/** Like runHook, for hooks whose failure must not affect the caller: logs instead of throwing. */
export function runHookLogged<H extends HookName>(extensions: readonly Extension[], hook: H, payload: PayloadOf<H>): void {
  if (!extensions.some((e) => e[hook])) return;
  runHook(extensions, hook, payload).catch((err: unknown) => console.error(`Accord: ${hook} hook failed`, err));
}

/** Every onAuthenticate runs (any may veto by throwing); the first identity returned wins. */
export async function authenticate(extensions: readonly Extension[], payload: OnAuthenticatePayload): Promise<Identity | undefined> {
  let found: Identity | undefined;
  for (const ext of extensions) {
    const identity = await ext.onAuthenticate?.(payload);
    found ??= identity || undefined;
  }
  return found;
}
