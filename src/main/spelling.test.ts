/** Spelling set-up and the right-click menu, with a stand-in for Electron's session. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextMenuTemplate, newsroomDictionaryPath, parseDictionary, setUpSpelling, UserWords, type ContextMenuFacts, type SpellSession } from './spelling';

function standInSession(available: string[]) {
  const state = { languages: null as string[] | null, words: [] as string[] };
  const ses: SpellSession = {
    availableSpellCheckerLanguages: available,
    setSpellCheckerLanguages: (languages: string[]) => {
      state.languages = languages;
    },
    addWordToSpellCheckerDictionary: (word: string) => {
      state.words.push(word);
      return true;
    },
  };
  return { ses, state };
}

const facts = (overrides: Partial<ContextMenuFacts>): ContextMenuFacts => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  editFlags: { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: true },
  ...overrides,
});

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => (item.type === 'separator' ? '---' : item.label));

describe('spelling', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-spelling-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ships a newsroom dictionary with the local names', () => {
    const file = newsroomDictionaryPath({ isPackaged: false, resourcesPath: '/nowhere', appPath: path.resolve(__dirname, '../..') });
    const words = parseDictionary(readFileSync(file, 'utf8'));
    for (const name of ['Kutai', 'Kartanegara', 'Tenggarong', 'Samarinda', 'Balikpapan', 'Bontang', 'Kukar', 'Loa', 'Kulu', 'Muara', 'Badak', 'Sangasanga', 'Mahakam', 'DPRD', 'Pemkab']) {
      expect(words).toContain(name);
    }
    expect(words.some((w) => w.startsWith('#'))).toBe(false);
    expect(newsroomDictionaryPath({ isPackaged: true, resourcesPath: '/opt/Redaksi/resources', appPath: '/x' })).toBe(path.join('/opt/Redaksi/resources', 'newsroom-dictionary.txt'));
  });

  it('reads one word a line, skipping comments, blanks, repeats and phrases', () => {
    expect(parseDictionary('# comment\nTenggarong\r\n\n  Kukar  \nTenggarong\nLoa Kulu\n')).toEqual(['Tenggarong', 'Kukar']);
  });

  it('checks Indonesian and English, and knows the newsroom words and the ones the person added', async () => {
    const words = new UserWords(path.join(dir, 'spelling-words.json'));
    words.add('Rendi');
    const { ses, state } = standInSession(['en-US', 'en-GB', 'id', 'fr']);
    setUpSpelling(ses, { platform: 'linux', dictionaryText: 'Tenggarong\nKukar\n', userWords: new UserWords(path.join(dir, 'spelling-words.json')) });
    expect(state.languages).toEqual(['id', 'en-US']);
    expect(state.words).toEqual(['Tenggarong', 'Kukar', 'Rendi']);
  });

  it('asks only for the languages this Chromium has, and leaves the choice to macOS there', () => {
    const { ses, state } = standInSession(['en-US']);
    setUpSpelling(ses, { platform: 'win32', dictionaryText: '', userWords: new UserWords(path.join(dir, 'w.json')) });
    expect(state.languages).toEqual(['en-US']);
    const mac = standInSession(['en-US', 'id']);
    setUpSpelling(mac.ses, { platform: 'darwin', dictionaryText: 'Kukar', userWords: new UserWords(path.join(dir, 'w.json')) });
    expect(mac.state.languages).toBeNull();
    expect(mac.state.words).toEqual(['Kukar']);
  });

  it('keeps added words in the data folder, once each, and survives a damaged file', async () => {
    const file = path.join(dir, 'spelling-words.json');
    const words = new UserWords(file);
    expect(words.list()).toEqual([]);
    expect(words.add('Sangasanga')).toBe(true);
    expect(words.add('Sangasanga')).toBe(false);
    expect(words.add('dua kata')).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['Sangasanga']);
    expect(new UserWords(file).list()).toEqual(['Sangasanga']);
    await writeFile(file, '{not json');
    expect(new UserWords(file).list()).toEqual([]);
    await writeFile(file, JSON.stringify(['Anggana', 42, '', 'Anggana']));
    expect(new UserWords(file).list()).toEqual(['Anggana']);
  });

  it('offers suggestions and "Tambahkan ke kamus" on a misspelled word', () => {
    const actions = { replace: vi.fn(), addToDictionary: vi.fn() };
    const template = contextMenuTemplate(facts({ misspelledWord: 'Tenggarog', dictionarySuggestions: ['Tenggarong', 'Tenggara'] }), 'id', actions);
    expect(labels(template)).toEqual(['Tenggarong', 'Tenggara', '---', 'Tambahkan ke kamus', '---', 'Potong', 'Salin', 'Tempel', '---', 'Pilih semua']);
    (template[0]!.click as () => void)();
    expect(actions.replace).toHaveBeenCalledWith('Tenggarong');
    (template.find((item) => item.id === 'add-to-dictionary')!.click as () => void)();
    expect(actions.addToDictionary).toHaveBeenCalledWith('Tenggarog');
  });

  it('says when there is no suggestion, in English too', () => {
    const template = contextMenuTemplate(facts({ misspelledWord: 'Sangasanga' }), 'en', { replace: vi.fn(), addToDictionary: vi.fn() });
    expect(labels(template).slice(0, 3)).toEqual(['No spelling suggestions', '---', 'Add to dictionary']);
    expect(template[0]!.enabled).toBe(false);
  });

  it('offers copying on selected page text, and nothing where there is nothing to do', () => {
    const actions = { replace: vi.fn(), addToDictionary: vi.fn() };
    expect(labels(contextMenuTemplate(facts({ isEditable: false, selectionText: 'Kukar' }), 'id', actions))).toEqual(['Salin']);
    expect(contextMenuTemplate(facts({ isEditable: false }), 'id', actions)).toEqual([]);
    const noPaste = contextMenuTemplate(facts({ editFlags: { ...facts({}).editFlags, canPaste: false } }), 'id', actions);
    expect(noPaste.find((item) => item.role === 'paste')!.enabled).toBe(false);
  });
});
