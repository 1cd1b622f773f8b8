/**
 * Deterministic generator of Indonesian-like news articles for benchmarks.
 *
 * The vocabulary is the words of a real regional portal page (shared sample) plus common Indonesian
 * news words and place/person names, expanded with the affixes Indonesian builds words with
 * (me-/di-/ber-/ter-/pe- ... -kan/-an/-nya/-i), so the index sees tens of thousands of distinct
 * terms as a real archive does. Word frequencies follow a Zipf law (function words most common),
 * and some words appear as hyphenated reduplications ("anak-anak").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LexicalDocument, LexicalNode } from '../src/shared/lexical-document';

import { createRandom } from '../test-support/random';

export { createRandom };

const FUNCTION_WORDS = `yang dan di ke dari untuk dengan ini itu dalam pada akan tidak juga ada oleh bahwa sebagai telah
 kata para serta atau karena saat sudah masih bisa lebih agar hingga secara tersebut namun jika maka setelah
 seperti antara bagi kepada masing sejumlah bersama terus hanya baik sangat belum mereka kami kita ia dia`
  .split(/\s+/)
  .filter(Boolean);

const NEWS_WORDS = `pemerintah kabupaten kota provinsi daerah desa kecamatan kelurahan warga masyarakat bupati wakil gubernur
 wali camat kepala dinas badan kantor sekretaris ketua anggota dewan rakyat perwakilan partai politik pemilu
 pilkada calon presiden menteri kementerian lembaga polisi polres polsek kapolres tersangka korban saksi kasus
 hukum pengadilan jaksa hakim sidang putusan penjara banjir longsor kebakaran gempa cuaca hujan angin sungai
 jalan jembatan bandara pelabuhan kapal mobil motor kecelakaan lalu lintas sekolah guru murid siswa mahasiswa
 universitas pendidikan kesehatan rumah sakit dokter perawat pasien puskesmas vaksin obat penyakit demam berdarah
 ekonomi harga pasar pedagang petani nelayan tambang batubara sawit minyak gas listrik air bersih anggaran dana
 bantuan sosial program kegiatan pembangunan proyek infrastruktur investasi usaha kecil menengah pajak retribusi
 festival budaya adat tari musik olahraga sepakbola atlet pertandingan turnamen juara medali porprov stadion
 wisata pantai pulau danau hutan lingkungan sampah limbah pencemaran kebersihan penghijauan pohon lahan
 pertanian padi beras jagung sayur buah ikan udang daging ayam telur gula minyak goreng inflasi pertumbuhan
 rapat kerja musyawarah sosialisasi pelatihan bimbingan teknis sertifikasi penghargaan prestasi inovasi digital
 aplikasi layanan publik pelayanan administrasi kependudukan perizinan pengawasan pemeriksaan laporan data
 informasi komunikasi media berita wartawan jurnalis redaksi pers konferensi pernyataan keterangan mengatakan
 menjelaskan menyampaikan mengungkapkan menambahkan menegaskan berharap meminta mengimbau mengajak meresmikan
 membuka menutup menggelar melaksanakan menyerahkan menerima memberikan mendukung meningkatkan mengembangkan
 tahun bulan minggu hari pagi siang sore malam senin selasa rabu kamis jumat sabtu januari februari maret april
 mei juni juli agustus september oktober november desember nasional internasional lokal regional pusat`
  .split(/\s+/)
  .filter(Boolean);

const NAMES = `Tenggarong Samarinda Balikpapan Bontang Kutai Kartanegara Kukar Kaltim Kalimantan Timur Mahakam Loa Kulu Janan
 Muara Badak Jembayan Sebulu Kembang Anggana Marangkayu Samboja Sangasanga Tabang Kenohan Kota Bangun Melak Sendawar
 Penajam Paser Berau Nusantara IKN Jakarta Makassar Surabaya Rendi Solihin Edi Damansyah Isran Noor Hadi Mulyadi
 Andi Harun Rahmad Masud Akmal Malik Irianto Lambrie Sunggono Ahmad Yani Siti Aminah Budi Santoso Dewi Lestari
 Diskominfo Bappeda BPBD Dispora Disdikbud Dinkes BMKG Bawaslu KPU DPRD Pemkab Pemkot Pemprov ASN PNS TNI Polri`
  .split(/\s+/)
  .filter(Boolean);

const PREFIXES = ['me', 'mem', 'men', 'meng', 'di', 'ber', 'ter', 'pe', 'pem', 'pen', 'ke', 'se'];
const SUFFIXES = ['kan', 'an', 'nya', 'i', 'lah', 'kah'];

function sampleWords(): string[] {
  // The shared samples folder sits beside the repository.
  const candidates = [
    path.resolve(__dirname, '../../shared/samples/portal-article-page.txt'),
    path.resolve(process.cwd(), '../shared/samples/portal-article-page.txt'),
  ];
  for (const candidate of candidates) {
    try {
      const text = fs.readFileSync(candidate, 'utf8');
      return (text.match(/\p{L}{2,}/gu) ?? []).map((w) => w.toLowerCase());
    } catch {
      // Try the next location; the sample lives beside the repository.
    }
  }
  return [];
}

export interface Vocabulary {
  /** Words ordered from most to least frequent. */
  words: string[];
  /** How many of the most frequent words are function words (yang, dan, di...). */
  functionWordCount: number;
  /** Picks a word following the Zipf law over `words`. */
  pick(random: () => number): string;
}

/** Builds the ranked vocabulary (about 18,000 words) and a fast Zipf sampler over it. */
export function buildVocabulary(seed = 42): Vocabulary {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const ranked: string[] = [];
  const add = (w: string) => {
    if (w.length < 2 || seen.has(w)) return;
    seen.add(w);
    ranked.push(w);
  };
  FUNCTION_WORDS.forEach(add);
  const bases = [...NEWS_WORDS, ...sampleWords(), ...NAMES.map((n) => n.toLowerCase())];
  // Shuffle the bases so sample-page words and news words mix across the frequency ranks.
  for (let i = bases.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [bases[i], bases[j]] = [bases[j]!, bases[i]!];
  }
  bases.forEach(add);
  const derived: string[] = [];
  for (const base of bases) {
    if (base.length < 4) continue;
    for (const prefix of PREFIXES) if (random() < 0.45) derived.push(prefix + base);
    for (const suffix of SUFFIXES) if (random() < 0.5) derived.push(base + suffix);
    for (const prefix of PREFIXES) {
      for (const suffix of SUFFIXES) if (random() < 0.3) derived.push(prefix + base + suffix);
    }
  }
  for (let i = derived.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [derived[i], derived[j]] = [derived[j]!, derived[i]!];
  }
  derived.forEach(add);
  // Zipf (s = 1): cumulative weights 1/rank, sampled by binary search.
  const cumulative = new Float64Array(ranked.length);
  let total = 0;
  for (let r = 0; r < ranked.length; r++) {
    total += 1 / (r + 1);
    cumulative[r] = total;
  }
  return {
    words: ranked,
    functionWordCount: FUNCTION_WORDS.length,
    pick(rand) {
      const target = rand() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      return ranked[lo]!;
    },
  };
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentence(vocab: Vocabulary, random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = vocab.pick(random);
    if (random() < 0.01) w = `${w}-${w}`; // reduplication: "anak-anak"
    out.push(i === 0 ? capitalise(w) : w);
    if (i < words - 1 && random() < 0.06) out[out.length - 1] += ',';
  }
  return `${out.join(' ')}.`;
}

/** Paragraph texts totalling about `totalWords` words, 30 to 70 words each, as news copy is written. */
export function generateParagraphs(vocab: Vocabulary, random: () => number, totalWords: number): string[] {
  const paragraphs: string[] = [];
  let remaining = totalWords;
  while (remaining > 0) {
    const size = Math.min(remaining, 30 + Math.floor(random() * 41));
    const sentences: string[] = [];
    let left = size;
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(random() * 15));
      sentences.push(sentence(vocab, random, n));
      left -= n;
    }
    paragraphs.push(sentences.join(' '));
    remaining -= size;
  }
  return paragraphs;
}

export function textNode(text: string, format = 0): LexicalNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

export function paragraphNode(children: LexicalNode[]): LexicalNode {
  return { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children };
}

/** A Lexical document with one paragraph per text; every fifth paragraph has a bold lead-in, as copy often does. */
export function documentFromParagraphs(paragraphs: string[]): LexicalDocument {
  const children = paragraphs.map((p, i) => {
    if (i % 5 !== 4) return paragraphNode([textNode(p)]);
    const cut = p.indexOf(' ', 20);
    return cut < 0 ? paragraphNode([textNode(p)]) : paragraphNode([textNode(p.slice(0, cut), 1), textNode(p.slice(cut))]);
  });
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } };
}

export interface GeneratedArticle {
  title: string;
  excerpt: string;
  paragraphs: string[];
}

/** One article of 250 to 800 words with a 6-12 word title and a 20-35 word excerpt. */
export function generateArticle(vocab: Vocabulary, random: () => number): GeneratedArticle {
  const titleWords = 6 + Math.floor(random() * 7);
  const title = sentence(vocab, random, titleWords).slice(0, -1).split(' ').map(capitalise).join(' ');
  const excerpt = sentence(vocab, random, 20 + Math.floor(random() * 16));
  const paragraphs = generateParagraphs(vocab, random, 250 + Math.floor(random() * 551));
  return { title, excerpt, paragraphs };
}
