// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inertMarkup } from './inert-markup';

describe('markup made inert before parsing', () => {
  it('renames style and event-handler attributes and <style> elements', () => {
    expect(inertMarkup('<p style="color:red" ONCLICK=x() class=a>teks</p><style>p{}</style>')).toBe(
      '<p data-pasted-style="color:red" data-pasted-ONCLICK=x() class=a>teks</p><data-pasted-style>p{}</data-pasted-style>',
    );
  });

  it('reads quoted values whole, even with ">" or another attribute’s name inside', () => {
    expect(inertMarkup(`<a title="1 > 0 style=x" href='https://kukarkab.go.id/?a=1&b=2' onmouseover = "y()">z</a>`)).toBe(
      `<a title="1 > 0 style=x" href='https://kukarkab.go.id/?a=1&b=2' data-pasted-onmouseover = "y()">z</a>`,
    );
  });

  it('copies text, comments and things that only look like tags unchanged', () => {
    const text = 'Harga 1 < 2 dan 3 <4 style=x; "style=" onclick=1 <!-- <p style="x"> --> & selesai';
    expect(inertMarkup(text)).toBe(text);
  });

  it('keeps Word’s downlevel conditionals (read as comments by the parser) as they are', () => {
    expect(inertMarkup("<![if !supportLists]><span style='mso-list:Ignore'>1.</span><![endif]>")).toBe(
      "<![if !supportLists]><span data-pasted-style='mso-list:Ignore'>1.</span><![endif]>",
    );
  });
});
