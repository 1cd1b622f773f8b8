/**
 * Typing in long articles, in Chromium against the real app (browser mode): keydown to the next
 * painted frame while typing at the end of "Isi berita" in a 10,000-word article with 30 photos and
 * in a 100,000-word article, against the same typing in a short article (the three take turns typing
 * bursts, so the machine's load falls on all alike); and the time to open the
 * 10,000-word article with 30 photos (page load to its last paragraph painted).
 *
 * Keydown-to-next-paint is measured in the page: the keydown listener notes the time, and the first
 * task after the next animation frame notes it again (the frame has been produced by then).
 */
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import type { LexicalDocument, LexicalNode } from '../../src/shared/lexical-document';
import { ensureRendererBuilt, launchChromium, startHost } from '../browser';
import { buildVocabulary, createRandom, generateParagraphs, paragraphNode, textNode } from '../corpus';
import { percentile, round, scaled, type Benchmark, type BenchContext } from '../harness';

/** Keystrokes per article, typed in bursts: the three articles take turns, so load falls on all alike. */
const KEYSTROKES = scaled(120, 30);
const BURSTS = scaled(4, 2);
const OPEN_SAMPLES = scaled(5, 2);
const TYPED = 'Pemkab Kukar menyiapkan dapur umum bagi warga terdampak banjir di Tenggarong. ';

async function photo(i: number): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 29) % 256 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A data folder whose newest article (the one the app opens first) has `words` words and `photos` photos. */
async function seed(ctx: BenchContext, label: string, words: number, photos: number): Promise<string> {
  const dir = ctx.tempDir(label);
  const backend = createBackend({ dataDir: dir, appVersion: 'bench', transport: 'web', logger: silentLogger, backgroundSync: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await backend.invoke(name as never, args as never);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as T;
  };
  try {
    await call('settings-update', { onboarded: true });
    const images: LexicalNode[] = [];
    for (let i = 0; i < photos; i++) {
      const m = await call<{ id: string }>('media-import', { fileName: `foto-${i}.jpg`, data: new Uint8Array(await photo(i)) });
      images.push({ type: 'image', version: 1, mediaId: m.id, altText: `Foto ${i + 1}`, caption: `Keterangan foto ${i + 1}`, credit: 'Redaksi' } as LexicalNode);
    }
    const paragraphs = words > 0 ? generateParagraphs(buildVocabulary(), createRandom(5), words) : ['TENGGARONG – '];
    const every = Math.max(1, Math.floor(paragraphs.length / (photos + 1)));
    const children: LexicalNode[] = [];
    paragraphs.forEach((p, i) => {
      children.push(paragraphNode([textNode(p)]));
      if (images.length > 0 && (i + 1) % every === 0) children.push(images.shift()!);
    });
    children.push(...images);
    const body = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } } as unknown as LexicalDocument;
    const article = await call<{ id: string; version: number }>('articles-create', { title: `Laporan khusus ${label}` });
    await call('articles-save', { id: article.id, baseVersion: article.version, title: `Laporan khusus ${label}`, excerpt: '', body });
  } finally {
    backend.close();
  }
  return dir;
}

const LAST_PARAGRAPH_PAINTED = `(() => { const b = document.querySelector('[aria-label="Isi berita"]'); return b && b.children.length > 0 && b.lastElementChild.textContent.length > 0; })()`;

async function openTimes(page: Page, url: string, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await page.goto(url);
    // Polled in the page as source text (the app's CSP forbids the eval behind waitForFunction).
    times.push(
      (await page.evaluate(`new Promise((resolve) => {
        const poll = () => (${LAST_PARAGRAPH_PAINTED}) ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(poll);
        poll();
      })`)) as number,
    );
  }
  return times;
}

/** Puts the caret at the end of "Isi berita" and starts noting keydown-to-next-paint latencies. */
async function startTyping(page: Page): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Isi berita' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(`(() => {
    window.__latencies = [];
    window.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
    }, { capture: true });
  })()`);
}

async function typeBurst(page: Page, count: number, offset: number): Promise<void> {
  await page.bringToFront();
  const text = TYPED.repeat(Math.ceil((offset + count) / TYPED.length) + 1).slice(offset, offset + count);
  // About 8 keystrokes a second: a fast typist.
  await page.keyboard.type(text, { delay: 120 });
  await page.waitForTimeout(300); // the last keystrokes' frames
}

interface Opened {
  page: Page;
  open: number[];
  close(): Promise<void>;
}

async function openArticle(ctx: BenchContext, label: string, words: number, photos: number, openSamples: number): Promise<Opened> {
  const dir = await seed(ctx, label, words, photos);
  const host = await startHost(dir);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  const open = await openTimes(page, host.url, openSamples);
  await startTyping(page);
  return {
    page,
    open,
    close: async () => {
      await browser.close();
      host.child.kill('SIGTERM');
    },
  };
}

export const typingBenchmark: Benchmark = {
  name: 'typing',
  description: 'keydown to next paint (p95) typing in 10,000-word (30 photos) and 100,000-word articles in Chromium, vs a short article; opening the 10,000-word article',
  async run(ctx) {
    ensureRendererBuilt();
    const opened: Opened[] = [];
    try {
      opened.push(await openArticle(ctx, 'short', 0, 0, 1));
      opened.push(await openArticle(ctx, '10k', 10_000, 30, OPEN_SAMPLES));
      opened.push(await openArticle(ctx, '100k', 100_000, 0, 1));
      // Each article's own browser and host; the three take turns typing a burst, in a rotating order.
      const perBurst = Math.ceil(KEYSTROKES / BURSTS);
      for (let b = 0; b < BURSTS; b++) {
        for (let k = 0; k < opened.length; k++) await typeBurst(opened[(b + k) % opened.length]!.page, perBurst, b * perBurst);
      }
      const [short, long, huge] = await Promise.all(
        opened.map(async (o) => ({ open: o.open, latencies: (await o.page.evaluate('window.__latencies')) as number[] })),
      );
      report(ctx, short!, long!, huge!);
    } finally {
      for (const o of opened) await o.close();
    }
  },
};

type Run = { open: number[]; latencies: number[] };

function report(ctx: BenchContext, short: Run, long: Run, huge: Run): void {
  const base = percentile(short.latencies, 95);
  for (const [name, run] of [['10k-words-30-photos', long], ['100k-words', huge]] as const) {
    const p95 = percentile(run.latencies, 95);
    ctx.log(`${name}: p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...run.latencies).toFixed(1)} ms (short article p95 ${base.toFixed(1)} ms)`);
    ctx.report({ bench: `typing-${name}.keydown-to-paint.p95`, value: round(p95, 1), unit: 'ms', baseline: 'same typing in a short article, bursts taking turns', ratio: round(p95 / base, 2), n: run.latencies.length });
  }
  const open = percentile(long.open, 50);
  ctx.log(`open 10,000 words + 30 photos: ${long.open.map((t) => t.toFixed(0)).join(', ')} ms`);
  ctx.report({ bench: 'open-10k-words-30-photos.p50', value: round(open, 0), unit: 'ms', baseline: null, ratio: null, n: long.open.length });
}
