import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanDocument, readDocument, readDocumentFile, type ReadResult, type ReadSuccess } from './index';
import { expectOffsetsMapBack } from './test-support';
import { buildDocx, buildPdf, textStream } from './test-files';

const root = mkdtempSync(join(tmpdir(), 'kechuang-clean-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ARTICLE_ZH = '兰州新区2023年实现地区生产总值428.6亿元，同比增长8.2%。全区高新技术企业达到186家，比上年增加21家。';

function ok(result: ReadResult): ReadSuccess {
  if (!result.ok) throw new Error(`expected a readable file, got ${result.code}: ${result.message.en}`);
  return result;
}

describe('reading PDF files', () => {
  it('reads the text layer of a PDF and joins wrapped lines into paragraphs', async () => {
    const pdf = buildPdf(
      [
        textStream([
          'Zone Innovation Report 2023',
          '',
          'The zone registered 186 high-tech enterprises in 2023, up 12.7% on the year before, and its',
          'research spending reached 8.6 billion yuan, or 3.1% of its GDP.',
        ]),
        textStream(['Technology contracts worth 15.3 billion yuan were signed by the end of June.']),
      ],
      { title: 'Zone Innovation Report' },
    );
    const read = ok(await readDocument(pdf, 'report.pdf'));
    expect(read.format).toBe('pdf');
    expect(read.pages).toBe(2);
    expect(read.metaTitle).toBe('Zone Innovation Report');
    const doc = cleanDocument(read);
    expect(doc.text).toContain('up 12.7% on the year before, and its research spending reached 8.6 billion yuan, or 3.1% of its GDP.');
    expect(doc.text).toContain('Technology contracts worth 15.3 billion yuan were signed by the end of June.');
    expect(doc.title).toBe('Zone Innovation Report 2023');
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toContain('Technology contracts worth 15.3 billion yuan were signed by the end of June.');
    expectOffsetsMapBack(doc);
  });

  it('refuses an encrypted PDF and a PDF without a text layer, with zh and en messages', async () => {
    const encrypted = await readDocument(buildPdf([textStream(['Secret figures: 42 million yuan.'])], { encrypted: true }), 'secret.pdf');
    expect(encrypted).toMatchObject({ ok: false, code: 'encrypted', messageKey: 'intelligence.clean.encrypted' });
    expect(!encrypted.ok && encrypted.message.en).toBe('secret.pdf: the PDF is password-protected; remove the password and upload it again');
    expect(!encrypted.ok && encrypted.message.zh).toBe('secret.pdf：该 PDF 设有密码，请去除密码后重新上传');

    const scanned = await readDocument(buildPdf(['0.5 g 72 72 468 648 re f']), 'scan.pdf');
    expect(scanned).toMatchObject({ ok: false, code: 'no_text_layer' });
    expect(!scanned.ok && scanned.message.zh).toContain('没有文字层');

    const broken = await readDocument(new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage'), 'broken.pdf');
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && ['corrupt', 'no_text_layer']).toContain(!broken.ok && broken.code);
  });
});

describe('reading DOCX files', () => {
  it('reads the paragraphs of a DOCX and cleans them', async () => {
    const docx = await buildDocx(['兰州新区经济运行情况', ARTICLE_ZH, '版权所有：兰州新区管委会 未经许可不得转载', '联系电话：0931-8000000']);
    const read = ok(await readDocument(docx, 'report.docx'));
    expect(read.format).toBe('docx');
    const doc = cleanDocument(read);
    expect(doc.title).toBe('兰州新区经济运行情况');
    expect(doc.text).toBe(`兰州新区经济运行情况\n\n${ARTICLE_ZH}`);
    expect(doc.removed.map((r) => r.reason)).toEqual(['copyright', 'contact']);
    expect(doc.script).toBe('Hans');
    expectOffsetsMapBack(doc);
  });

  it('refuses a ZIP that is not a Word document and a damaged DOCX', async () => {
    const zip = new JSZip();
    zip.file('data.csv', 'a,b\n1,2\n');
    expect(await readDocument(await zip.generateAsync({ type: 'uint8array' }), 'data.docx')).toMatchObject({ ok: false, code: 'unsupported' });
    const docx = await buildDocx([ARTICLE_ZH]);
    const damaged = docx.slice(0, Math.floor(docx.length / 2));
    expect(await readDocument(damaged, 'half.docx')).toMatchObject({ ok: false, code: 'corrupt' });
  });
});

describe('charsets and mojibake', () => {
  it('reads GBK and GB18030 text files that do not say their charset', async () => {
    const read = ok(await readDocument(iconv.encode(ARTICLE_ZH, 'gbk'), 'gbk.txt'));
    expect(read.charset).toBe('gb18030');
    expect(read.text).toBe(ARTICLE_ZH);
    const bom = ok(await readDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE_ZH)]), 'bom.txt'));
    expect(bom.text).toBe(ARTICLE_ZH);
    const utf16 = ok(await readDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE_ZH, 'utf16le')]), 'utf16.txt'));
    expect(utf16.text).toBe(ARTICLE_ZH);
  });

  it('repairs GBK text that was decoded as Latin-1 (Windows-1252) before it reached us', async () => {
    const mojibake = new TextDecoder('windows-1252').decode(iconv.encode(ARTICLE_ZH, 'gbk'));
    expect(mojibake).not.toMatch(/[\u4e00-\u9fff]/);
    const doc = cleanDocument(ok(await readDocument(new TextEncoder().encode(`Report\n${mojibake}`), 'latin1.txt')));
    expect(doc.text).toBe(`Report\n\n${ARTICLE_ZH}`);
    expect(doc.repairs.length).toBeGreaterThan(0);
    expect(doc.repairs.every((r) => r.kind === 'mojibake')).toBe(true);
    expect(doc.original).toBe(`Report\n${mojibake}`);
    expectOffsetsMapBack(doc);
  });

  it('repairs UTF-8 text that was decoded as GBK, and UTF-8 decoded as Latin-1', async () => {
    const sentence = '全区高新技术企业达到186家，比上年增加21家。';
    const asGbk = iconv.decode(Buffer.from(sentence, 'utf8'), 'gbk');
    expect(asGbk).not.toContain('高新技术');
    const doc = cleanDocument(ok(await readDocument(new TextEncoder().encode(asGbk), 'gbk-mojibake.txt')));
    // The UTF-8 characters cut by the wrong decoding are lost; everything else comes back.
    expect(doc.text).toContain('全区高新技术企业达');
    expect(doc.text).toContain('比上年增');
    expect(doc.text).toContain('21家');
    expect(doc.text).not.toMatch(/[鍏楂鎶瀹]/);
    expect(doc.repairs.length).toBeGreaterThan(0);
    expectOffsetsMapBack(doc);

    const asLatin1 = new TextDecoder('windows-1252').decode(Buffer.from(ARTICLE_ZH, 'utf8'));
    const fromLatin1 = cleanDocument(ok(await readDocument(new TextEncoder().encode(asLatin1), 'utf8-latin1.txt')));
    expect(fromLatin1.text).toBe(ARTICLE_ZH);
  });

  it('leaves ordinary Latin-1 accents and Chinese text alone', async () => {
    const text = 'The café in Zürich paid 3,000 euros — “a fair price”, said Mr. Müller.\n兰州新区2023年实现地区生产总值428.6亿元。';
    const doc = cleanDocument(ok(await readDocument(new TextEncoder().encode(text), 'plain.txt')));
    expect(doc.repairs).toEqual([]);
    expect(doc.text).toBe(text.replace('\n', '\n\n'));
    expect(doc.paragraphs.map((p) => p.lang)).toEqual(['en', 'zh']);
  });
});

describe('bad files', () => {
  it('refuses an empty file and a file of white space', async () => {
    expect(await readDocument(new Uint8Array(0), 'empty.txt')).toMatchObject({ ok: false, code: 'empty', message: { en: 'empty.txt: the file is empty', zh: 'empty.txt：文件为空' } });
    expect(await readDocument(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses binary files: an image, an old .doc, random bytes', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await readDocument(png, 'photo.png')).toMatchObject({ ok: false, code: 'unsupported' });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readDocument(ole, 'old.doc')).toMatchObject({ ok: false, code: 'unsupported' });
    expect(await readDocument(new TextEncoder().encode('{\\rtf1\\ansi 兰州新区}'), 'a.rtf')).toMatchObject({ ok: false, code: 'unsupported' });
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await readDocument(random, 'blob.txt')).toMatchObject({ ok: false, code: 'unsupported' });
  });

  it('refuses a file over the size limit, and a 200 MB file on disk without reading it', async () => {
    const small = await readDocument(new TextEncoder().encode(ARTICLE_ZH.repeat(10)), 'long.txt', { maxBytes: 100 });
    expect(small).toMatchObject({ ok: false, code: 'too_large' });
    expect(!small.ok && small.message.en).toBe('long.txt: the file is too large (2 KB; the limit is 1 KB)');

    const huge = join(root, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024); // sparse: takes no disk space
    const before = process.memoryUsage().rss;
    const result = await readDocumentFile(huge);
    expect(result).toMatchObject({ ok: false, code: 'too_large' });
    expect(!result.ok && result.message.en).toBe('huge.txt: the file is too large (200.0 MB; the limit is 50.0 MB)');
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a page with no article (only menus and a footer)', async () => {
    const html = '<html><body><nav><a href="/">首页</a><a href="/news">新闻</a></nav><ul><li><a href="/a">第一篇</a></li><li><a href="/b">第二篇</a></li></ul><footer>版权所有 © 2024 兰州新区</footer></body></html>';
    const result = await readDocument(new TextEncoder().encode(html), 'index.html');
    expect(result).toMatchObject({ ok: false, code: 'no_article', message: { zh: 'index.html：此页面中未找到正文' } });
  });

  it('reads a file from disk like the same bytes in memory', async () => {
    const path = join(root, 'article.txt');
    writeFileSync(path, ARTICLE_ZH);
    expect(ok(await readDocumentFile(path)).text).toBe(ARTICLE_ZH);
    expect(await readDocumentFile(join(root, 'missing.txt'))).toMatchObject({ ok: false, code: 'corrupt' });
  });
});
