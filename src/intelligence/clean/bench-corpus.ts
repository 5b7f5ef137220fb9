import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A benchmark corpus of realistic pages: the seed documents (plain text, with their real defects)
// and HTML pages wrapping them in a portal's furniture (menus, share bar, related list, comments,
// footer), with paragraphs rotated and figures changed so no two documents are the same text.

const seedDir = join(import.meta.dirname, 'fixtures', 'seeds');

function pageHtml(title: string, paragraphs: string[], n: number): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_新闻中心</title><script>var s=${n};</script></head><body>
<div class="header"><div class="logo">科创新闻网</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li><li><a href="/policy">政策</a></li><li><a href="/data">数据</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻</a></div>
<div class="article"><h1>${title}</h1><div class="info">发布时间：2024-0${1 + (n % 9)}-1${n % 10} 来源：科创新闻网</div>
<div class="content">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="share">分享到：<a>微博</a><a>微信</a><a>打印</a></div></div>
<div class="related"><h3>相关新闻</h3><ul>${[1, 2, 3, 4, 5].map((i) => `<li><a href="/n/${n}${i}">第${i}条相关新闻标题 ${n}</a> 2024-02-0${i}</li>`).join('')}</ul></div>
<div class="comments"><h4>网友评论</h4><p>网友${n}：写得好！</p></div>
<div class="footer"><p>版权所有 © 2024 科创新闻网 京ICP备000000号</p><p>联系电话：010-12345678</p></div></body></html>`;
}

/** `count` documents as { name, bytes }, alternating plain-text seeds and HTML pages. */
export function benchCorpus(count: number): { name: string; bytes: Uint8Array }[] {
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const docs: { name: string; bytes: Uint8Array }[] = [];
  const encoder = new TextEncoder();
  for (let n = 0; n < count; n++) {
    const seed = seeds[n % seeds.length] as string;
    const lines = seed.split('\n');
    const shift = n % Math.max(1, lines.length - 4);
    // Figures changed per document: every number gets n mixed in.
    const vary = (s: string) => s.replace(/\d+(\.\d+)?/g, (m) => String(Number(m) + (n % 97)));
    if (n % 2 === 0) {
      const body = [...lines.slice(0, 3), ...lines.slice(3 + shift), ...lines.slice(3, 3 + shift)].map(vary).join('\n');
      docs.push({ name: `doc-${n}.txt`, bytes: encoder.encode(body) });
    } else {
      const paragraphs = lines.filter((l) => l.trim().length > 30).map(vary);
      const rotated = [...paragraphs.slice(shift % paragraphs.length), ...paragraphs.slice(0, shift % paragraphs.length)];
      docs.push({ name: `doc-${n}.html`, bytes: encoder.encode(pageHtml((lines[0] ?? '').slice(0, 40), rotated, n)) });
    }
  }
  return docs;
}
