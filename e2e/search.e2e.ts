import { expect, test } from './fixtures';
import { expectSaved, startArticle, ui } from './support/app';

// Real portal copy (a Kutai Kartanegara news site). Each body has words the other lacks.
const ARTICLES = [
  {
    title: 'Jelang Pemilu 2024, Pemerintah Keluarkan Aturan Netralitas ASN',
    body:
      'Hal ini lebih spesifik mengatur tentang peringatan bagi Aparatur Sipil Negara (ASN) untuk lebih bijak dalam ' +
      'menggunakan media sosial menjelang Pemilu 2024. SKB ditandatangani 5 pimpinan kementerian/lembaga yakni ' +
      'Kemendagri, Bawaslu, Kemenpan RB, KASN dan BKN.',
  },
  {
    title: 'Potensi Cuaca Ekstrem Pada Masa Pancaroba, BMKG Minta Masyarakat Waspada',
    body:
      'Stasiun Meteorologi Aji Pangeran Tumenggung Pranoto Samarinda mengimbau warga Kutai Kartanegara mewaspadai ' +
      'hujan lebat disertai angin kencang dan petir selama peralihan musim.',
  },
  {
    title: 'Upaya Pemkab Kukar Kembalikan Pulau Kumala Sebagai Objek Wisata Andalan',
    body:
      'Pemerintah Kabupaten Kutai Kartanegara menyiapkan penataan ulang kawasan wisata di tengah Sungai Mahakam, ' +
      'Tenggarong, agar kembali ramai dikunjungi wisatawan.',
  },
];

test('search finds an article by a word of its body and opens it', async ({ page, openApp, host }) => {
  await openApp();
  for (const article of ARTICLES) {
    await startArticle(page, article.title);
    await page.keyboard.insertText(article.body);
    await expectSaved(page, host, article.title, article.body);
  }

  // "Tumenggung" appears only in the weather story's body, not in any title.
  const search = ui.search(page);
  await search.fill('Tumenggung');
  const results = page.getByRole('list', { name: 'Hasil pencarian', exact: true });
  await expect(results.getByRole('button')).toHaveCount(1);
  await results.getByRole('button', { name: /Potensi Cuaca Ekstrem/ }).click();
  await expect(ui.title(page)).toHaveValue(ARTICLES[1]!.title);
  await expect(ui.body(page)).toContainText('Aji Pangeran Tumenggung Pranoto');

  // A word from another body finds that article instead.
  await search.fill('Kemenpan');
  await expect(results.getByRole('button')).toHaveCount(1);
  await results.getByRole('button', { name: /Netralitas ASN/ }).click();
  await expect(ui.title(page)).toHaveValue(ARTICLES[0]!.title);
});
