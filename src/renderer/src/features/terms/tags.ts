/**
 * Tag names as the chip input handles them. The backend treats names that differ only in case or
 * spacing as one tag ("Banjir" and " banjir "); the input does the same so a chip is never doubled.
 */
import { LIMITS } from '../../../../shared/contract';

export function cleanTagName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

export function tagKey(name: string): string {
  return cleanTagName(name).toLocaleLowerCase('id');
}

export interface AddTagsResult {
  tags: string[];
  /** Names that were new and fitted. */
  added: string[];
  /** Pieces that were left out: already there, too long, or over the per-article limit. */
  skipped: { name: string; reason: 'duplicate' | 'tooLong' | 'limit' }[];
}

/** Adds what was typed or pasted; commas separate names ("banjir, Tenggarong"). */
export function addTags(current: readonly string[], typed: string, max: number = LIMITS.tagsPerArticle): AddTagsResult {
  const tags = [...current];
  const keys = new Set(tags.map(tagKey));
  const added: string[] = [];
  const skipped: AddTagsResult['skipped'] = [];
  for (const piece of typed.split(',')) {
    const name = cleanTagName(piece);
    if (name === '') continue;
    if (keys.has(tagKey(name))) skipped.push({ name, reason: 'duplicate' });
    else if (name.length > LIMITS.termNameLength) skipped.push({ name, reason: 'tooLong' });
    else if (tags.length >= max) skipped.push({ name, reason: 'limit' });
    else {
      tags.push(name);
      keys.add(tagKey(name));
      added.push(name);
    }
  }
  return { tags, added, skipped };
}

export function removeTag(current: readonly string[], name: string): string[] {
  const key = tagKey(name);
  return current.filter((tag) => tagKey(tag) !== key);
}

/** Known tags worth offering: not on the article yet, matching what is being typed (any part of the name). */
export function tagSuggestions(known: readonly string[], current: readonly string[], typed: string, limit = 8): string[] {
  const taken = new Set(current.map(tagKey));
  const query = tagKey(typed);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const name of known) {
    const key = tagKey(name);
    if (taken.has(key)) continue;
    if (query === '' || key.startsWith(query)) starts.push(name);
    else if (key.includes(query)) contains.push(name);
  }
  return [...starts, ...contains].slice(0, limit);
}
