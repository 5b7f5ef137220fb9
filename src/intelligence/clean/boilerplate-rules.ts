import type { RemovalReason } from './types';

// What boilerplate looks like in the text itself, for pages and files whose structure is lost
// (plain text, PDF, DOCX, copied web pages) and to refine what the HTML structure says. The
// patterns are matched on the line with conversion artefacts removed and Traditional folded to
// Simplified, so each is written once in Simplified; English ones are case-insensitive.

/** Words of pornographic/gambling link-farm spam injected into hacked news pages. */
export const SPAM_WORDS = [
  '无码', '有码', '毛片', '成人', '色午夜', '三级', '黄色网站', 'av', '国产精品', '精品一区', '一区二区', '二区', '三区', '久久', '亚洲国产',
  '日韩', '欧美', '中文字幕', '在线观看', '伦理', '爆乳', '人妻', '偷拍', '自拍', '视频网', '乱伦', 'av无码', '娱乐城', '博彩', '赌场', '百家乐',
  '六合彩', '时时彩', '彩票平台', '代开发票', '发票代开', '裸聊', '约炮', '成人影院', '午夜福利',
];
// Latin spam words ("av") only as whole words: "have" and "avenue" are not spam.
const SPAM_PATTERN = new RegExp(
  SPAM_WORDS.map((w) => (/^[a-z]+$/.test(w) ? `(?<![a-z])${w}(?![a-z])` : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|'),
  'gi',
);

export function spamHits(line: string): number {
  return line.match(SPAM_PATTERN)?.length ?? 0;
}

const SENTENCE_PUNCT = /[。！？；，,.!?;]/;
const SHARE_TOKENS =
  /分享到|分享|打印本页|打印|关闭窗口|关闭|收藏本页|收藏|点赞|字号|微博|微信|朋友圈|qq空间|qq好友|qq|腾讯微博|新浪微博|人人网|豆瓣|扫一扫|二维码|facebook|twitter|linkedin|whatsapp|wechat|weibo|email|e-mail|print|share|tweet|pinterest|reddit|[大中小]|[()（）【】\[\]:：|/·\s\d]/gi;

const PREV_NEXT = /^(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|prev(?:ious)?|next|pre)\s*(?:article|post|story)?\s*[:：]/i;
const BREADCRUMB = /(首页|主页|home)\s*[>›»/]|当前位置|您的位置|你的位置|you are here/i;
const COMMENTS = /^(发表评论|网友评论|我要评论|评论区|全部评论|相关评论|评论|留言板|我要留言|comments?|leave a (comment|reply)|post a comment|\d+\s*(条评论|comments?))\s*[:：]?\s*[(（]?\s*\d*\s*[)）]?$/i;
const RELATED_HEADING =
  /^[\s【[]*(相关(新闻|阅读|文章|稿件|链接|报道|资讯|推荐)|延伸阅读|推荐阅读|猜你喜欢|热点推荐|热门(文章|新闻)|更多(新闻|阅读)|精彩推荐|往期回顾|related (articles|news|stories|posts|reading|content)|more (news|stories|from)|read (more|also)|you may also like|see also)[\s】\]:：]*$/i;
const COPYRIGHT =
  /版权所有|版权声明|免责声明|copyright|©|\(c\)\s*\d{4}|all rights reserved|未经[^。]{0,20}(许可|授权|允许|同意)[^。]{0,10}(不得|禁止)|(不得|禁止)[^。]{0,8}转载|转载[^。]{0,12}(注明|保留)|icp[备证]|公网安备|creative commons|licensed under|reproduction (is )?(prohibited|without)/i;
// A label with its colon ("电话：", "Tel:"), or a bare label directly followed by the number.
const CONTACT_LABEL =
  /^(tel|telephone|phone|mobile|fax|e-?mail|whatsapp|wechat|skype|qq|微信|电话|联系电话|手机|传真|邮箱|电子邮箱|地址|通讯地址|邮编|邮政编码|联系人|联系方式|联系我们|contact us|contact|address|hotline|热线|服务热线)\s*([:：]|(?=\+?\d))/i;
const PHONE = /(\+?\d{2,4}[-\s]?)?(\d{3,4}[-\s]?\d{7,8}|1[3-9]\d{9}|\d{3}[-\s]\d{3,4}[-\s]\d{4})/;
const CONTACT_VERB = /致电|电话|联系|咨询|热线|call us|contact|e-?mail/i;
const BYLINE_LABEL =
  /(责任编辑|编辑|校对|审核|来源|作者|记者|通讯员|摄影|撰稿|编审|click|views?|浏览|阅读量|次阅读|点击|发布时间|发布日期|时间|editor|source|author|reporter|posted|published|updated)\s*[:：]/i;
const BYLINE_BARE = /^[□■◎●\s]*(本报|本网)?[^。，,.]{0,12}(记者|通讯员|特约撰稿人|编辑)\s*[\u4e00-\u9fa5\s·]{2,12}$|^\(?\s*by\s+[A-Z][\w.'\- ]{1,40}\)?\.?$|^(撰文|文|图)\s*[/／|｜]/;
const EDITOR_LINE = /^(责任编辑|编辑|校对|审核|编审)\s*[:：]/;
export const DATE_PATTERN = /((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "12 March 2024", "March 12, 2024". */
const DATE_EN = new RegExp(`\\b(?:(\\d{1,2})\\s+${MONTH}\\s+((?:19|20)\\d{2})|${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2}))\\b`, 'i');

/** The first date written in the line, as ISO yyyy-mm-dd. */
export function findDate(line: string): string | undefined {
  let y: number;
  let mo: number;
  let d: number;
  const zh = DATE_PATTERN.exec(line);
  if (zh) [y, mo, d] = [Number(zh[1]), Number(zh[2]), Number(zh[3])];
  else {
    const en = DATE_EN.exec(line);
    if (!en) return undefined;
    const month = (en[2] ?? en[4] ?? '').slice(0, 3).toLowerCase();
    [y, mo, d] = [Number(en[3] ?? en[6]), MONTHS.indexOf(month) + 1, Number(en[1] ?? en[5])];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Short lines that only hold a date, a time, and labels such as 来源/作者/Click. */
function isDateline(line: string): boolean {
  if (line.length > 90 || findDate(line) === undefined) return false;
  const rest = line.replace(DATE_PATTERN, '').replace(DATE_EN, '').replace(/\d{1,2}:\d{2}(:\d{2})?/, '');
  return BYLINE_LABEL.test(line) || rest.replace(/[\s\d:：|/·\-by]/gi, '').length <= 8;
}

export interface LineFacts {
  /** The line, artefacts removed, folded to Simplified, for matching. */
  folded: string;
  isProse: boolean;
}

export function isProse(line: string): boolean {
  return line.length >= 60 && SENTENCE_PUNCT.test(line);
}

/** Whether a short line looks like a heading, a menu item or a label rather than running text. */
export function isShortLine(line: string): boolean {
  return line.length <= 40 && !/[。！？]$/.test(line);
}

export type LineClass = RemovalReason | 'dateline' | 'related-heading' | 'copyright-heading' | 'contact-heading' | 'end-marker';

/** What a single line is, on its own, or undefined for ordinary text. */
export function classifyLine(folded: string): LineClass | undefined {
  const line = folded.trim();
  // Boilerplate lines are short; a long paragraph is article text unless it is a flattened link list.
  if (line.length > 1000) return isLinkList(line) ? 'link-list' : undefined;
  const spam = spamHits(line);
  // Past 400 characters a line is running text unless it is spam or a link farm: the other rules need not run.
  if (line.length > 400) return spam >= 3 ? 'spam' : isLinkList(line) ? 'link-list' : undefined;
  // A keyword list (items between bars) is spam; a headline-like line of spam words is an injected headline.
  if (spam >= 1 && line.split(/[|｜]/).length >= 4) return 'spam';
  if (spam >= 2 && !SENTENCE_PUNCT.test(line) && line.length <= 80) return 'injected-headline';
  if (spam >= 3) return 'spam';
  if (RELATED_HEADING.test(line)) return 'related-heading';
  if (/^(版权声明|免责声明|版权说明|copyright notice|disclaimer)\s*[:：]?$/i.test(line)) return 'copyright-heading';
  if (/^(联系我们|联系方式|contact us|contact)\s*[:：]?$/i.test(line)) return 'contact-heading';
  if (PREV_NEXT.test(line) || BREADCRUMB.test(line)) return 'navigation';
  if (line.length <= 60 && COMMENTS.test(line)) return 'comments';
  if (line.length <= 400 && COPYRIGHT.test(line)) return 'copyright';
  if (line.length <= 100 && (CONTACT_LABEL.test(line) || (PHONE.test(line) && CONTACT_VERB.test(line)))) return 'contact';
  if (EDITOR_LINE.test(line) && line.length <= 60) return 'byline';
  if (isDateline(line)) return 'dateline';
  if (line.length <= 60 && (BYLINE_BARE.test(line) || (BYLINE_LABEL.test(line) && !SENTENCE_PUNCT.test(line.replace(/[.:]/g, ''))))) return 'byline';
  if (line.length <= 40 && line.replace(SHARE_TOKENS, '') === '' && /[\u4e00-\u9fa5a-z]/i.test(line)) return 'share';
  // A menu or a list of links flattened into one line: many short items, no sentence punctuation.
  // (Not "·": slogans such as "创新·协调·绿色" are set that way.)
  const items = line.length > 200 || !/[|｜]|\s[-/]\s/.test(line) ? [] : line.split(/\s*(?:[|｜]|\s-\s|\s\/\s)\s*/).filter((s) => s !== '');
  if (items.length >= 3 && items.every((s) => s.length <= 16) && !/[。，,]/.test(line)) return 'navigation';
  if (isLinkList(line)) return 'link-list';
  return undefined;
}

/** Names of sites or companies in a row ("友情链接"): eight or more short items, no punctuation. Only for
 * Chinese: English headings of eight words without punctuation are common. */
function isLinkList(line: string): boolean {
  if (/[。，、,.;；!?！？]/.test(line) || !/[\u4e00-\u9fa5]/.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length >= 8 && line.length / words.length <= 14;
}

/** A related-article entry: a short title, often with a date before or after it. */
export function looksLikeListEntry(line: string): boolean {
  return line.length <= 80 && (DATE_PATTERN.test(line) || /^[-•·*>]\s/.test(line) || !/[。！？]/.test(line));
}
