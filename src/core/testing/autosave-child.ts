/**
 * Run as a separate process by the durability test: saves an article over and over and prints
 * "<version> <marker>" after each acknowledged save, until it is killed.
 */
import { createBackend } from '../backend';
import { silentLogger } from '../logger';
import { doc } from './fixtures';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: autosave-child <dataDir>');
  const backend = createBackend({ dataDir, appVersion: 'child', transport: 'web', logger: silentLogger });
  const created = await backend.invoke('articles-create', {});
  if (!created.ok) throw new Error(created.error.message);
  const { id, version: first } = created.value as { id: string; version: number };
  process.stdout.write(`id ${id}\n`);
  let version = first;
  for (let n = 1; ; n++) {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraf ${i} simpanan ke-${n} tentang banjir di Tenggarong.`);
    const saved = await backend.invoke('articles-save', { id, baseVersion: version, title: `Simpanan ${n}`, excerpt: '', body: doc(...paragraphs) });
    if (!saved.ok) throw new Error(saved.error.message);
    version = (saved.value as { version: number }).version;
    process.stdout.write(`saved ${version} ${n}\n`);
  }
}

void main();
