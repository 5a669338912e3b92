import { useSyncExternalStore } from 'react';
import type { Outbox } from '../brackets/propose/outbox';

/** "2 proposals not sent yet", with what they are: the outbox, in the header. */
export function OutboxIndicator({ outbox }: { outbox: Outbox }) {
  const entries = useSyncExternalStore(outbox.subscribe, outbox.list);
  if (!entries.length) return null;
  const list = entries.map((e) => `${e.where ? `${e.where}: ` : ''}«${e.text}»`).join('\n');
  return (
    <span className="tag tag-outbox" role="status" data-unsent={entries.length} title={`Sent when the connection returns:\n${list}`}>
      {entries.length} proposal{entries.length === 1 ? '' : 's'} not sent yet
    </span>
  );
}
