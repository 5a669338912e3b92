import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AccordProcess } from './accord-process';
import { launchChromium } from './browser';

export interface SeedSession {
  id: string;
  title: string;
  seed: boolean;
  chairToken: string;
}

export interface ProposalRecord {
  id: string;
  kind: string;
  status: string;
  text?: string;
  anchorText?: string;
  sponsors: { name: string }[];
}

const artifactsDir = resolve(fileURLToPath(import.meta.url), '../../artifacts');

/** Where screenshots go (gitignored); look at them. */
export function artifact(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

/**
 * One Accord server and one Chromium for a test file, and a browser context per person, as in a
 * room where everyone has their own laptop. Uncaught page errors are collected so tests can
 * require there were none.
 */
export class NegotiationRoom {
  readonly accord = new AccordProcess();
  readonly pageErrors: string[] = [];
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    await this.accord.start();
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    await this.accord.stop();
  }

  /** The seed texts, in the order the organiser's page lists them. */
  async seeds(): Promise<SeedSession[]> {
    return (await this.accord.api<SeedSession[]>('GET', '/api/sessions', this.accord.adminKey)).filter((s) => s.seed);
  }

  /**
   * A participant added by the chair over REST: its token and invitation link. Names are unique in
   * a session, so a delegation invited again (a later test in the same file) gets its existing link:
   * the same participant opening the text once more.
   */
  async invite(session: SeedSession, role: string, delegation: string): Promise<{ token: string; link: string }> {
    const existing = await this.accord.api<{ role: string; delegation: string; token: string; link: string }[]>('GET', `/api/sessions/${session.id}/participants`, session.chairToken);
    const same = existing.find((p) => p.role === role && p.delegation.toLowerCase() === delegation.toLowerCase());
    if (same) return { token: same.token, link: same.link };
    return this.accord.api('POST', `/api/sessions/${session.id}/participants`, session.chairToken, { role, delegation });
  }

  /** The chair's own link to a session. */
  chairLink(session: SeedSession): string {
    return `/s/${session.id}?token=${session.chairToken}`;
  }

  /** A fresh browser context (one person) with a page; opens `link` and waits for the text if given. */
  async page(link?: string): Promise<Page> {
    if (!this.browser) throw new Error('start() first');
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => this.pageErrors.push(`${link ?? page.url()}: ${e.message}`));
    if (link) {
      await page.goto(this.accord.url + link);
      await page.locator('.ProseMirror .op').first().waitFor();
    }
    return page;
  }

  async proposals(session: SeedSession): Promise<ProposalRecord[]> {
    return (await this.accord.api<{ proposals: ProposalRecord[] }>('GET', `/api/sessions/${session.id}/proposals`, session.chairToken)).proposals;
  }
}

/**
 * The paragraph holding `marker` as a reader sees its words: the compilation annotations (sponsor
 * tags, Alt labels) left out; with `markStruck`, struck passages written ~~like this~~.
 */
export function shownText(page: Page, marker: string, markStruck = false): Promise<string> {
  return page
    .locator('.ProseMirror > *', { hasText: marker })
    .first()
    .evaluate((el, mark) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.bracket-tag, .bracket-alt').forEach((t) => t.remove());
      if (mark) copy.querySelectorAll('.struck').forEach((s) => (s.textContent = `~~${s.textContent}~~`));
      return copy.textContent ?? '';
    }, markStruck);
}
