import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outbox } from '../brackets/propose/outbox';

/** "2 proposals not sent yet", with what they are: the outbox, in the header. */
export function OutboxIndicator({ outbox }: { outbox: Outbox }) {
  const entries = useSyncExternalStore(outbox.subscribe, outbox.list);
  const { t } = useTranslation();
  if (!entries.length) return null;
  const list = entries.map((e) => `${e.where ? `${e.where}: ` : ''}«${e.text}»`).join('\n');
  return (
    <span className="tag tag-outbox" role="status" data-unsent={entries.length} title={`${t('outbox.sentWhenBack')}\n${list}`}>
      {t('outbox.unsent', { count: entries.length })}
    </span>
  );
}
