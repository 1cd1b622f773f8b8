/**
 * Spelling in the Electron shell: Chromium's checker in Indonesian and English, taught the names a
 * Kalimantan Timur newsroom writes every day (resources/newsroom-dictionary.txt) and every word the
 * person added with "Tambahkan ke kamus" (kept in the data folder, so it survives a reinstall and
 * moves with the data). Free of Electron at run time, so tests can drive it with stand-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContextMenuParams, MenuItemConstructorOptions, Session } from 'electron';
import type { UiLanguage } from '../shared/newsroom-time';
import { MENU_TEXTS } from './app-menu';

/** Indonesian first: most of what is typed here is Indonesian, with English names and quotes in between. */
export const SPELL_CHECKER_LANGUAGES = ['id', 'en-US'] as const;
export const USER_WORDS_FILE = 'spelling-words.json';
export const NEWSROOM_DICTIONARY_FILE = 'newsroom-dictionary.txt';
const MAX_WORD_LENGTH = 64;
const MAX_SUGGESTIONS = 5;

export type SpellSession = Pick<Session, 'setSpellCheckerLanguages' | 'addWordToSpellCheckerDictionary' | 'availableSpellCheckerLanguages'>;

/** A word worth adding: one token, no spaces or control characters, of sensible length. */
export function isDictionaryWord(word: string): boolean {
  return word.length > 0 && word.length <= MAX_WORD_LENGTH && !/[\s\p{C}]/u.test(word);
}

/** The words of a dictionary file: one a line, # starts a comment line, blank lines ignored. */
export function parseDictionary(text: string): string[] {
  const words = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && isDictionaryWord(line));
  return [...new Set(words)];
}

/** The person's own additions, a JSON list in the data folder. A damaged file counts as empty. */
export class UserWords {
  private words: string[] | null = null;

  constructor(private readonly file: string) {}

  list(): string[] {
    if (this.words) return this.words;
    let stored: unknown = [];
    try {
      stored = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      stored = [];
    }
    this.words = Array.isArray(stored) ? [...new Set(stored.filter((w): w is string => typeof w === 'string' && isDictionaryWord(w)))] : [];
    return this.words;
  }

  /** Adds and stores a word; false when it was already there or is not a word. */
  add(word: string): boolean {
    const words = this.list();
    if (!isDictionaryWord(word) || words.includes(word)) return false;
    words.push(word);
    // Written beside and renamed over, so a crash mid-write leaves the previous list, not half of one.
    const temporary = `${this.file}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(temporary, `${JSON.stringify(words, null, 2)}\n`);
    fs.renameSync(temporary, this.file);
    return true;
  }
}

/** Where the newsroom dictionary is: next to the app's resources when packaged, in resources/ otherwise. */
export function newsroomDictionaryPath(options: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return options.isPackaged ? path.join(options.resourcesPath, NEWSROOM_DICTIONARY_FILE) : path.join(options.appPath, 'resources', NEWSROOM_DICTIONARY_FILE);
}

/** Languages and words for the session's checker. Returns the words added. */
export function setUpSpelling(ses: SpellSession, options: { platform: NodeJS.Platform; dictionaryText: string; userWords: UserWords }): string[] {
  // macOS uses the system's checker, which picks languages itself (the call does nothing there).
  if (options.platform !== 'darwin') {
    const available = ses.availableSpellCheckerLanguages;
    ses.setSpellCheckerLanguages(SPELL_CHECKER_LANGUAGES.filter((language) => available.includes(language)));
  }
  const words = [...new Set([...parseDictionary(options.dictionaryText), ...options.userWords.list()])];
  for (const word of words) ses.addWordToSpellCheckerDictionary(word);
  return words;
}

const TEXTS: Record<UiLanguage, { addToDictionary: string; noSuggestions: string }> = {
  id: { addToDictionary: 'Tambahkan ke kamus', noSuggestions: 'Tidak ada saran ejaan' },
  en: { addToDictionary: 'Add to dictionary', noSuggestions: 'No spelling suggestions' },
};

export type ContextMenuFacts = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>;

export interface ContextMenuActions {
  replace: (suggestion: string) => void;
  addToDictionary: (word: string) => void;
}

/** The right-click menu: spelling suggestions and "Tambahkan ke kamus" on a misspelled word, then editing. */
export function contextMenuTemplate(facts: ContextMenuFacts, language: UiLanguage, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const text = { ...MENU_TEXTS[language], ...TEXTS[language] };
  const items: MenuItemConstructorOptions[] = [];
  const word = facts.misspelledWord;
  if (word) {
    const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replace(suggestion) });
    if (suggestions.length === 0) items.push({ label: text.noSuggestions, enabled: false });
    if (isDictionaryWord(word)) items.push({ type: 'separator' }, { id: 'add-to-dictionary', label: text.addToDictionary, click: () => actions.addToDictionary(word) });
  }
  if (facts.isEditable) {
    if (items.length) items.push({ type: 'separator' });
    items.push(
      { role: 'cut', label: text.cut, enabled: facts.editFlags.canCut },
      { role: 'copy', label: text.copy, enabled: facts.editFlags.canCopy },
      { role: 'paste', label: text.paste, enabled: facts.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: text.selectAll, enabled: facts.editFlags.canSelectAll },
    );
  } else if (facts.selectionText.trim()) {
    items.push({ role: 'copy', label: text.copy });
  }
  return items;
}
