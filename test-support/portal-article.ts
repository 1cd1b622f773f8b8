/**
 * A news article as reporters write them for a regional portal (modelled on a real one: dateline,
 * quotes, a lettered list of rules, photos with caption and credit, "Baca Lainnya" links), as the
 * Lexical JSON the editor stores, plus a generator for long articles (benchmarks, size tests).
 */
import type { LexicalDocument, LexicalNode } from '../src/shared/lexical-document';
import {
  documentOf,
  headingNode,
  horizontalRuleNode,
  imageNode,
  linebreakNode,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
} from '../src/core/content/lexical-nodes';
import type { PortalMedia } from '../src/core/content/render-portal-html';

export const BOLD = 1;
export const ITALIC = 2;
export const STRIKETHROUGH = 4;
export const UNDERLINE = 8;

export const PHOTO_BANJIR = '3f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f';
export const PHOTO_RAPAT = '7a0d6c3b-2e4f-4a1b-8c9d-0e1f2a3b4c5d';

/** The portal's side of the two photos: attachment ids and URLs as WordPress gives them. */
export const PORTAL_PHOTOS: Record<string, PortalMedia> = {
  [PHOTO_BANJIR]: { remoteId: 812, url: 'https://kukarnews.test/wp-content/uploads/2025/11/banjir-tenggarong-redaksi-3f1c2a9e5b7d4c1a9e2f8a6b.jpg', width: 1600, height: 1067 },
  [PHOTO_RAPAT]: { remoteId: 813, url: 'https://kukarnews.test/wp-content/uploads/2025/11/rapat-asn-redaksi-7a0d6c3b2e4f4a1b8c9d0e1f.jpg', width: 1200, height: 800 },
};

export const portalMedia = (mediaId: string): PortalMedia | undefined => PORTAL_PHOTOS[mediaId];

/** The reverse lookup the parser is given: portal attachment id (or URL) to local media id. */
export function localMediaFor(remoteId: number | undefined, url: string): string | undefined {
  for (const [mediaId, media] of Object.entries(PORTAL_PHOTOS)) {
    if (media.remoteId === remoteId || media.url === url) return mediaId;
  }
  return undefined;
}

const t = textNode;
const p = (...children: LexicalNode[]): LexicalNode => paragraphNode(children);
const item = (value: number, ...children: LexicalNode[]): LexicalNode => listItemNode(children, value);

export function sampleArticle(): LexicalDocument {
  return documentOf([
    p(
      t('TENGGARONG –', BOLD),
      t(' Pemerintah Republik Indonesia melalui Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022 mengatur netralitas Aparatur Sipil Negara (ASN) dalam '),
      t('Pemilu 2024', ITALIC),
      t('.'),
    ),
    imageNode({
      mediaId: PHOTO_BANJIR,
      altText: 'Warga menyeberangi Jalan Mulawarman yang tergenang banjir',
      caption: 'Banjir di Tenggarong, Senin (3/11/2025).',
      credit: 'Andi/Redaksi',
    }),
    p(
      t('SKB ditandatangani 5 pimpinan kementerian/lembaga yakni Kemendagri, Bawaslu, Kemenpan RB, KASN dan BKN. Salah satu poin pentingnya adalah larangan memberikan “like” di unggahan peserta '),
      linkNode('https://kukarnews.test/tag/pemilu-2024/', [t('Pemilu 2024')]),
      t(', baik capres maupun caleg.'),
    ),
    quoteNode([
      t('“Ya betul (ASN dilarang like hingga comment di medsos peserta Pemilu 2024),”'),
      linebreakNode(),
      t('tegas Kepala Biro Data, Komunikasi dan Informasi Publik Kemenpan RB, M Averrouce, Senin (25/09/2023).'),
    ]),
    headingNode('h2', [t('Larangan bagi ASN')]),
    p(t('(Larangan) Mengunggah pada media sosial/media lain yang dapat diakses publik, foto bersama dengan:')),
    listNode('bullet', [
      item(1, t('Bakal Calon Presiden/Wakil Presiden/DPR/DPD/DPRD/Gubernur/Wakil Gubernur/Bupati/Wakil Bupati.')),
      item(2, t('Tim sukses dengan menunjukkan '), t('simbol keberpihakan', BOLD | UNDERLINE), t(' atau memakai atribut partai politik.')),
      listItemNode([listNode('bullet', [listItemNode([t('termasuk latar belakang foto (gambar) partai politik')], 1, 1)])], 3),
      item(3, t('Aturan lama '), t('tidak berlaku lagi', STRIKETHROUGH), t('.')),
    ]),
    headingNode('h3', [t('Langkah berikutnya')]),
    listNode('number', [item(1, t('Sosialisasi ke seluruh OPD.')), item(2, t('Pengawasan oleh Bawaslu Kukar.'))]),
    imageNode({ mediaId: PHOTO_RAPAT, altText: 'Rapat koordinasi netralitas ASN', caption: '', credit: 'Dok. Humas Kukar' }),
    p(
      t('Pertanyaan dapat dikirim ke '),
      linkNode('mailto:redaksi@kukarnews.test', [t('redaksi@kukarnews.test')]),
      t('. '),
      t('(ads/rdk)', ITALIC),
    ),
    horizontalRuleNode(),
    headingNode('h4', [t('Baca Lainnya')]),
    listNode('bullet', [
      item(1, linkNode('https://kukarnews.test/dukung-festival-kesenian-gandrung/', [t('Dukung Kegiatan Festival Kesenian Gandrung, Rendi Solihin Ingin Kebudayaan Nusantara di Kukar Terus Terbangun')])),
      item(2, linkNode('https://samarindapos.test/lowongan-direksi-perumdam/', [t('Pemkot Samarinda Buka Lowongan Dua Jabatan Direksi dan Dewas Perumdam Tirta Kencana')])),
      item(3, linkNode('https://kukarnews.test/bmkg-cuaca-ekstrem-pancaroba/', [t('Potensi Cuaca Ekstrem Pada Masa Pancaroba, BMKG Minta Masyarakat Waspada')])),
    ]),
  ]);
}

const WORDS = 'Pemerintah Kabupaten Kutai Kartanegara menggelar rapat koordinasi bersama Bawaslu dan KASN di Tenggarong, Senin, membahas netralitas aparatur sipil negara menjelang pemilihan umum'.split(' ');

/** About `words` words in paragraphs of ~80, with `images` photos spread evenly (ids from `photoId`). */
export function longArticle(words: number, images: number, photoId: (index: number) => string): LexicalDocument {
  const paragraphs = Math.ceil(words / 80);
  const children: LexicalNode[] = [];
  let placed = 0;
  for (let i = 0; i < paragraphs; i++) {
    const text = Array.from({ length: 80 }, (_, w) => WORDS[(i * 80 + w) % WORDS.length]).join(' ');
    children.push(i % 9 === 4 ? quoteNode([t(`“${text}”`)]) : p(t(text.slice(0, 200)), t(text.slice(200, 260), BOLD), t(text.slice(260))));
    while (placed < images && (placed + 1) * paragraphs <= (i + 1) * images) {
      children.push(imageNode({ mediaId: photoId(placed), altText: `Foto ${placed + 1}`, caption: `Suasana rapat ke-${placed + 1} di Tenggarong.`, credit: 'Andi/Redaksi' }));
      placed++;
    }
  }
  return documentOf(children);
}
