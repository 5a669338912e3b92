import { afterEach, describe, expect, it } from 'vitest';
import type { VersionText } from '@accord/shared/revisions/index';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { DRAFT } from './helpers.js';

describe('GET /api/sessions/:id/text (the version the print view lays out)', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.server.stop();
    t = null;
  });

  it('live, a revision and a history point, each with its meta and date; bad and unknown versions refused', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const live = await t.api<VersionText>('GET', `/api/sessions/${id}/text`, chairToken);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ label: 'Live text', meta: { language: 'en' } });
    expect(live.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(live.body.snapshot.doc)).toContain('Adopts the Convention');

    const rev = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1', date: '3 August 2024' });
    const frozen = await t.api<VersionText>('GET', `/api/sessions/${id}/text?version=rev:${rev.body.id}`, chairToken);
    expect(frozen.body).toMatchObject({ label: 'Rev.1', date: '3 August 2024', meta: { revisionLabel: 'Rev.1', language: 'en' } });

    const [point] = (await t.api<Array<{ id: string }>>('GET', `/api/sessions/${id}/history`, chairToken)).body;
    const past = await t.api<VersionText>('GET', `/api/sessions/${id}/text?version=history:${point.id}`, chairToken);
    expect(past.status).toBe(200);
    expect(past.body.label).toMatch(/^History /);

    expect((await t.api('GET', `/api/sessions/${id}/text?version=rev:nope`, chairToken)).status).toBe(404);
    expect((await t.api('GET', `/api/sessions/${id}/text?version=yesterday`, chairToken)).status).toBe(400);
    expect((await t.api('GET', `/api/sessions/${id}/text`, 'not-a-token')).status).toBe(401);
  });
});
