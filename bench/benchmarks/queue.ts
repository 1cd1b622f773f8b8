/**
 * The editor's publish queue in a real browser: 5,000 articles waiting (submitted, approved,
 * scheduled), the app served by the browser-mode host, Debian's Chromium driven by Playwright.
 * Measured inside the page: from the click on "Antrean Terbit" to the first painted row (fetch,
 * render, paint), and from choosing a status filter to the filtered rows painted. The baseline is
 * the same measurement with 50 articles, so the ratio shows what the queue's size costs.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { ensureRendererBuilt, launchChromium, startHost, timeUntilPainted } from '../browser';
import { percentile, round, type Benchmark, type BenchContext } from '../harness';

const SAMPLES = 7;

/** A data folder with `count` articles in the queue, as an editor in WITA sees it. */
function seedQueue(dir: string, count: number): void {
  const backend = createBackend({ dataDir: dir, appVersion: 'bench', transport: 'web', logger: silentLogger });
  backend.close(); // creates the schema
  const db = new Database(path.join(dir, 'redaksi.sqlite3'));
  try {
    const now = Date.now();
    const categories = ['Daerah', 'Politik', 'Ekonomi', 'Olahraga', 'Peristiwa'].map((name) => {
      const id = randomUUID();
      db.prepare('INSERT INTO terms (id, taxonomy, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)').run(id, 'category', name, name.toLowerCase(), now);
      return id;
    });
    db.prepare("INSERT INTO settings (key, value) VALUES ('role', '\"editor\"'), ('displayName', '\"Redaktur Bench\"'), ('onboarded', 'true')").run();
    const insert = db.prepare(
      `INSERT INTO articles (id, status, created_at, updated_at, title, body_json, author, category_id, publish_at, status_changed_at)
       VALUES (?, ?, ?, ?, ?, '{"root":{"type":"root","children":[]}}', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const status = (['submitted', 'approved', 'scheduled'] as const)[i % 3]!;
        const at = now - (count - i) * 60_000;
        const publishAt = status === 'scheduled' ? now + (i - count / 2) * 60_000 : null;
        insert.run(randomUUID(), status, at, at, `Pemkab Kukar gelar rapat koordinasi penanganan banjir nomor ${i + 1}`, `Wartawan ${(i % 12) + 1}`, categories[i % 5], publishAt, at);
      }
    })();
  } finally {
    db.close();
  }
}

async function measure(ctx: BenchContext, count: number): Promise<{ open: number[]; filter: number[] }> {
  const dataDir = ctx.tempDir(`queue-${count}`);
  seedQueue(dataDir, count);
  const host = await startHost(dataDir);
  const browser = await launchChromium();
  const open: number[] = [];
  const filter: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.url);
    for (let i = 0; i < SAMPLES; i++) {
      await page.reload();
      const queueButton = page.getByRole('button', { name: 'Antrean Terbit', exact: true });
      await queueButton.waitFor();
      open.push(
        await timeUntilPainted(
          page,
          `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Antrean Terbit').click()`,
          `document.querySelector('[aria-posinset="1"]') !== null`,
        ),
      );
      // Status filter: "Terjadwal" (a third of the queue), then back to all.
      const choose = (value: string) =>
        `(() => { const s = [...document.querySelectorAll('select')].find((el) => el.labels?.[0]?.textContent.trim() === 'Status');
           const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
           set.call(s, [...s.options].find((o) => o.textContent.trim() === '${value}').value);
           s.dispatchEvent(new Event('change', { bubbles: true })); })()`;
      filter.push(
        await timeUntilPainted(page, choose('Terjadwal'), `[...document.querySelectorAll('[aria-posinset]')].every((row) => row.textContent.includes('Terjadwal'))`),
      );
    }
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
  }
  return { open, filter };
}

export const queueBenchmark: Benchmark = {
  name: 'queue',
  description: 'publish queue with 5,000 articles in Chromium: click to first painted row, status filter (p50), against 50 articles',
  async run(ctx) {
    ensureRendererBuilt();
    const small = await measure(ctx, 50);
    const large = await measure(ctx, 5000);
    const baselineOpen = percentile(small.open, 50);
    const baselineFilter = percentile(small.filter, 50);
    const open = percentile(large.open, 50);
    const filter = percentile(large.filter, 50);
    ctx.log(`5,000: open ${open.toFixed(0)} ms, filter ${filter.toFixed(0)} ms; 50: open ${baselineOpen.toFixed(0)} ms, filter ${baselineFilter.toFixed(0)} ms`);
    ctx.report({ bench: 'queue-5000-first-render.p50', value: round(open, 1), unit: 'ms', baseline: 'same with 50 articles', ratio: round(open / baselineOpen, 2), n: SAMPLES });
    ctx.report({ bench: 'queue-5000-filter.p50', value: round(filter, 1), unit: 'ms', baseline: 'same with 50 articles', ratio: round(filter / baselineFilter, 2), n: SAMPLES });
  },
};
