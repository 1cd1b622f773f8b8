/**
 * The packaged app's fuses (electron-builder.yml): flipped in the binary at packaging time, they
 * close doors no runtime setting can (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect, code loaded from
 * outside the checked app.asar). No YAML parser is a direct dependency, so the block is read line
 * by line, strictly: anything unexpected in it fails the test rather than being skipped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The top-level `name:` block of a YAML file as key -> scalar text (nested maps are refused). */
function readTopLevelBlock(yaml: string, name: string): Map<string, string> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => line.replace(/\s+#.*$/, '') === `${name}:`);
  if (start < 0) throw new Error(`no top-level "${name}:" block`);
  if (lines.findIndex((line, i) => i > start && line.replace(/\s+#.*$/, '') === `${name}:`) >= 0) throw new Error(`"${name}:" appears twice`);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue; // blank or comment
    if (!/^\s/.test(line)) break; // the next top-level key
    const match = /^ {2}([A-Za-z][A-Za-z0-9]*): *([^#\s][^#]*?)\s*(#.*)?$/.exec(line);
    if (!match) throw new Error(`unexpected line in "${name}:": ${JSON.stringify(line)}`);
    if (entries.has(match[1]!)) throw new Error(`"${match[1]}" set twice in "${name}:"`);
    entries.set(match[1]!, match[2]!);
  }
  return entries;
}

/** The fuse names electron-builder knows (its configuration schema), so a misspelt fuse cannot pass. */
function knownFuses(): string[] {
  const require = createRequire(import.meta.url);
  const builderDir = path.dirname(require.resolve('electron-builder/package.json'));
  const schemePath = require.resolve('app-builder-lib/scheme.json', { paths: [builderDir] });
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
  return Object.keys(scheme.definitions.FuseOptionsV1.properties);
}

describe('packaging (electron-builder.yml)', () => {
  const yaml = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');

  it('sets every security fuse', () => {
    const fuses = readTopLevelBlock(yaml, 'electronFuses');
    expect(Object.fromEntries(fuses)).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
      enableCookieEncryption: 'true',
    });
    const known = knownFuses();
    expect(known).toContain('runAsNode');
    expect([...fuses.keys()].filter((name) => !known.includes(name))).toEqual([]);
  });

  it('keeps the app in an asar archive (which the integrity fuse checks)', () => {
    expect(yaml).not.toMatch(/^asar:\s*false\b/m);
  });

  it('reads YAML blocks strictly', () => {
    expect(Object.fromEntries(readTopLevelBlock('a: 1\nfuses:\n  x: false # no\n\n  y: true\nz: 2\n', 'fuses'))).toEqual({ x: 'false', y: 'true' });
    expect(() => readTopLevelBlock('fuses:\n  x:\n    y: 1\n', 'fuses')).toThrow(/unexpected line/);
    expect(() => readTopLevelBlock('fuses:\n  x: true\n  x: false\n', 'fuses')).toThrow(/twice/);
    expect(() => readTopLevelBlock('fuses:\n  x: true\nfuses:\n  x: false\n', 'fuses')).toThrow(/twice/);
    expect(() => readTopLevelBlock('other: 1\n', 'fuses')).toThrow(/no top-level/);
  });
});
