import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanDocument, readDocument, type CleanDocument, type ReadResult } from './index';
import { expectOffsetsMapBack, removedText } from './test-support';

// Pages built the way Chinese government portals and English news sites lay theirs out.

const GOV_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>兰州新区2023年上半年科技创新工作综述_兰州新区管委会</title>
<script>var _hmt = _hmt || []; document.write("首页广告");</script><style>.nav{color:red}</style></head>
<body>
<div class="top-header"><div class="logo">兰州新区管委会</div><div class="topbar">无障碍 | 长者模式 | 繁體</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xw">新闻中心</a></li><li><a href="/zw">政务公开</a></li><li><a href="/bs">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 工作动态</div>
<div class="article">
  <h1>兰州新区2023年上半年科技创新工作综述</h1>
  <div class="info">发布时间：2023-08-15 10:30 来源：兰州新区科技局 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
  <div class="TRS_Editor">
    <p>今年上半年，兰州新区新增国家高新技术企业21家，总数达到186家，同比增长12.7%。</p>
    <p>新区全社会研发投入达到8.6亿元，占地区生产总值的比重为3.1%，技术合同成交额完成15.3亿元。</p>
    <p>截至6月底，新区累计建成省级以上创新平台92个，其中国家级平台7个。</p>
  </div>
  <div class="bdshare">分享到：<a>微博</a><a>微信</a><a>QQ空间</a> <a>【打印】</a><a>【关闭】</a></div>
</div>
<div class="xgxw"><h3>相关新闻</h3><ul>
<li><a href="/1">兰州新区召开2023年科技工作会议</a> 2023-02-10</li>
<li><a href="/2">新区新增3家省级重点实验室</a> 2023-05-06</li></ul></div>
<div id="comments"><h4>网友评论</h4><form><textarea>请输入评论</textarea><button>发表</button></form>
<div class="comment-item">网友甲：新区发展真快，点赞！希望继续加大研发投入。</div></div>
<div class="footer"><p>版权所有：兰州新区管委会 陇ICP备12000000号-1</p><p>地址：兰州新区黄河大道1号 联系电话：0931-8000000</p></div>
</body></html>`;

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta property="og:title" content="Chengdu's R&amp;D spending tops 60 billion yuan">
<meta property="article:published_time" content="2024-03-12T08:00:00Z"><title>Chengdu's R&amp;D spending tops 60 billion yuan | Example News</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/tech">Tech</a></nav></header>
<main><article>
<header><h1>Chengdu's R&amp;D spending tops 60 billion yuan</h1><p class="byline">By Jane Doe | <time datetime="2024-03-12">12 March 2024</time></p></header>
<p>Chengdu spent 61.2 billion yuan on research and development in 2023, up 9.4% from a year earlier, the city's statistics bureau said on Tuesday.</p>
<p>The number of high-tech enterprises in the city rose to 13,000, and technology contracts worth 156.9 billion yuan were signed.</p>
<p>Officials said the share of R&amp;D in GDP reached 3.5 percent, the highest in western China.</p>
<div class="share-buttons"><a>Share</a> <a>Tweet</a> <a>Email</a> <a>Print</a></div>
</article>
<aside class="related-stories"><h2>Related articles</h2><ul><li><a href="/a">Chengdu opens new science city</a></li><li><a href="/b">Western China's tech boom in 5 charts</a></li></ul></aside>
<section id="comments"><h3>3 Comments</h3><div class="comment">Great article! The figures for 2022 were lower though, about 52 billion.</div></section>
</main>
<footer><p>© 2024 Example Media Ltd. All rights reserved.</p><p>Contact us: newsroom@example.com</p></footer>
</body></html>`;

async function clean(html: string | Uint8Array, name = 'page.html'): Promise<CleanDocument> {
  const read = await readDocument(typeof html === 'string' ? new TextEncoder().encode(html) : html, name);
  if (!read.ok) throw new Error(read.message.en);
  return cleanDocument(read);
}

describe('cleaning HTML pages', () => {
  it('keeps the article of a government portal page and removes menus, breadcrumb, share bar, related news, comments and footer', async () => {
    const doc = await clean(GOV_PAGE);
    expect(doc.title).toBe('兰州新区2023年上半年科技创新工作综述');
    expect(doc.date).toBe('2023-08-15');
    expect(doc.text).toBe(
      [
        '兰州新区2023年上半年科技创新工作综述',
        '今年上半年，兰州新区新增国家高新技术企业21家，总数达到186家，同比增长12.7%。',
        '新区全社会研发投入达到8.6亿元，占地区生产总值的比重为3.1%，技术合同成交额完成15.3亿元。',
        '截至6月底，新区累计建成省级以上创新平台92个，其中国家级平台7个。',
      ].join('\n\n'),
    );
    expect(removedText(doc, 'navigation')).toContain('新闻中心');
    expect(removedText(doc, 'share')).toContain('分享到');
    expect(removedText(doc, 'related-articles')).toContain('新区新增3家省级重点实验室');
    expect(removedText(doc, 'comments')).toContain('网友甲');
    expect(removedText(doc, 'copyright')).toContain('版权所有');
    expect(removedText(doc, 'contact')).toContain('0931-8000000');
    expect(doc.original).not.toContain('_hmt');
    expect(doc.paragraphs.map((p) => p.heading)).toEqual([true, false, false, false]);
    expect(doc.sentences).toHaveLength(4);
    expectOffsetsMapBack(doc);
  });

  it('keeps the article of an English news page; the metadata gives title and date', async () => {
    const doc = await clean(NEWS_PAGE);
    expect(doc.title).toBe("Chengdu's R&D spending tops 60 billion yuan");
    expect(doc.date).toBe('2024-03-12');
    expect(doc.text).toContain('Chengdu spent 61.2 billion yuan on research and development in 2023, up 9.4%');
    expect(doc.text).toContain('the highest in western China.');
    for (const gone of ['Business', 'Tweet', 'Related articles', 'science city', 'Great article', '52 billion', 'All rights reserved', 'newsroom@example.com']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(removedText(doc, 'comments')).toContain('52 billion');
    expect(removedText(doc, 'related-articles')).toContain('science city');
    expect(doc.lang).toBe('en');
    expectOffsetsMapBack(doc);
  });

  it('decodes a GBK page that declares its charset, and a Big5 page that does not', async () => {
    const gbk = iconv.encode(GOV_PAGE.replace('charset="utf-8"', 'charset="gbk"'), 'gbk');
    const fromGbk = await readDocument(gbk, 'gbk.html');
    expect(fromGbk).toMatchObject({ ok: true, charset: 'gb18030' });
    expect(cleanDocument(fromGbk as Extract<ReadResult, { ok: true }>).text).toContain('总数达到186家');

    const traditional = '<html><body><h1>臺北市科技產業報告</h1><p>臺北市去年研發經費達到新臺幣一千二百億元，較前一年成長百分之八，創下歷史新高。</p><p>市府表示，將持續推動產業創新與人才培育計畫。</p></body></html>';
    const big5 = await readDocument(iconv.encode(traditional, 'big5'), 'big5.html');
    expect(big5).toMatchObject({ ok: true, charset: 'big5' });
    const doc = cleanDocument(big5 as Extract<ReadResult, { ok: true }>);
    expect(doc.text).toContain('研發經費達到新臺幣一千二百億元');
    expect(doc.script).toBe('Hant');
  });

  it('removes a repeated lead paragraph and a summary that repeats the first paragraph', async () => {
    const lead = '据统计，2023年全区高新技术企业数量突破500家，比上年增加86家，增长20.8%。';
    const html = `<html><body><h1>全区高新技术企业突破500家</h1><p>摘要：${lead}</p><p>${lead}</p><p>${lead}</p><p>全区科技型中小企业评价入库1200家，同比增长15%，连续三年保持两位数增长。</p></body></html>`;
    const doc = await clean(html);
    expect(doc.text.split(lead).length).toBe(2);
    expect(doc.removed.filter((r) => r.reason === 'repeated-lead')).toHaveLength(2);
    expectOffsetsMapBack(doc);
  });
});

describe('cleaning HTML pages without class names', () => {
  it('finds the article of a table-layout page by its running text', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>高新区动态</title></head><body>
<table><tr><td>高新区管委会门户网站</td><td><a href="/">首页</a> | <a href="/a">概况</a> | <a href="/b">动态</a></td></tr></table>
<table><tr><td><h2>高新区一季度技术合同成交额增长三成</h2>
<p>2024-04-08</p>
<p>　　今年一季度，高新区技术合同成交额达到32.5亿元，同比增长30.2%，增速居全市第一。</p>
<p>　　其中，技术开发合同1260项，成交额18.7亿元；技术服务合同成交额10.1亿元。</p>
</td></tr></table>
<table><tr><td><a href="/x">网站地图</a> <a href="/y">联系我们</a></td></tr><tr><td>主办单位：高新区管委会办公室</td></tr></table>
</body></html>`;
    const doc = await clean(html);
    expect(doc.title).toBe('高新区一季度技术合同成交额增长三成');
    expect(doc.date).toBe('2024-04-08');
    expect(doc.text).toBe(
      '高新区一季度技术合同成交额增长三成\n\n今年一季度，高新区技术合同成交额达到32.5亿元，同比增长30.2%，增速居全市第一。\n\n其中，技术开发合同1260项，成交额18.7亿元；技术服务合同成交额10.1亿元。',
    );
    expect(removedText(doc, 'site-header')).toContain('高新区管委会门户网站');
    expect(removedText(doc, 'navigation')).toContain('主办单位');
    expectOffsetsMapBack(doc);
  });

  it('keeps a last paragraph that ends with a bracketed credit, and drops the video teaser under it', async () => {
    const html = `<html><body><div><h1>新区出台科技创新十条</h1><p>2024-05-06 来源：新区发布</p></div>
<div><p>新区日前出台《关于加快科技创新的若干措施》，对新认定的国家高新技术企业给予30万元奖励，对研发投入给予最高500万元补助。</p>
<p>措施自发布之日起施行，有效期三年。（记者 张三）</p></div>
<div><p>精彩视频推荐</p><p>正在加载...</p></div></body></html>`;
    const doc = await clean(html);
    expect(doc.text.endsWith('措施自发布之日起施行，有效期三年。（记者 张三）')).toBe(true);
    expect(doc.text).not.toContain('精彩视频推荐');
    expect(doc.title).toBe('新区出台科技创新十条');
  });

  it('removes a spam headline injected above a plain-text article', async () => {
    const text = '国产精品久久 午夜福利在线观看\n兰州新区2023年新增高新技术企业21家\n兰州新区今年新增国家高新技术企业21家，总数达到186家，同比增长12.7%。';
    const read = await readDocument(new TextEncoder().encode(text), 'a.txt');
    if (!read.ok) throw new Error(read.code);
    const doc = cleanDocument(read);
    expect(removedText(doc, 'injected-headline')).toBe('国产精品久久 午夜福利在线观看');
    expect(doc.title).toBe('兰州新区2023年新增高新技术企业21家');
  });
});
