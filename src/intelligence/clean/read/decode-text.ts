import { isUtf8 } from 'node:buffer';
// Bytes → text for plain-text and HTML files. Chinese pages still come in GBK/GB2312/GB18030 and
// Big5, often without saying so. Order: a byte-order mark; an HTML <meta charset>; strict UTF-8
// (which legacy double-byte text almost never passes); else GB18030 (a superset of GBK and
// GB2312) or Big5, whichever decodes without errors and reads as more common Chinese characters.

const decoders = new Map<string, TextDecoder>();
function decoder(label: string, fatal: boolean): TextDecoder {
  const key = `${label}|${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal, ignoreBOM: false });
    decoders.set(key, d);
  }
  return d;
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return decoder(label, true).decode(bytes);
  } catch {
    return undefined;
  }
}

const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8', 'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252', latin1: 'windows-1252',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

/** The charset an HTML document declares in its first 2 KB (<meta charset> or http-equiv content type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? CHARSET_ALIASES[(match[1] as string).toLowerCase()] : undefined;
}

// The most frequent Chinese characters (Simplified; their Traditional forms are read from the
// same list after conversion would not change the score much, so the Traditional ones common in
// Taiwan and Hong Kong texts are listed too). Used only to score candidate decodings.
const COMMON_HAN =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展马科司五基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取格望术领共确传师观清今切院让识候带导争运改收根干造言联持组每济车亲极林服快办议往元士证近失转夫令准布始存未远叫台单影具字爱击流备兵连调深商算质团集百需价花党华城石级整府离况请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委乎查轻易早除农找装广显李标谈图念六引历首医局突专费号另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维划致陈律足态护七兴派验责营星够章音跟志底站严例防族供效续施留讲型料终答紧黄绝奇察京段依批群项故按河米围江织害双境客纪采举攻父苏密低朝友诉止细愿千值仍钱破网热助倒育属坐限速刻乐否刚威毛状率甚独球般普弹校苦创假久错承印晚兰试股拿脑预益阳若微继送急血药适省初喜卫源食险待述陆习置居劳财环排福纳欢警获模充负云停木游龙树层冷洲冲射略范竟室异激汉村策演简卡判担州静退既衣宗积余检差富灵协角占配征修降阶审坚善超免压银买养执副乱抗犯追帮宣岁航优香著田铁控税份穿艺背阵草块守酒岛托央户烈洋索款靠评版宝座释景顾登货互付慢欧换闻危核介坏讨良序升监临亮永域减编测败屋梦散温困渐封救贵缺楼县尚移班智短遗固席松遇康虑均销钟藏剧票损巨旧端探湖录叶春乡附吸予礼港板庭归额含顺输招脱补督油疗旅泽材逐笔圣择寻厂博授诺岸载健堂旁宫借君禁园荣练迫篇础典欲扩盖稳替购透套贸毕轮库迹竞街促延震伟川申潜售植纯夏页筑折郑尊吴秀振盛圆措残培诚宽宇末操订彩抽赞沿违汇币丰蓝献援译距裁偏符勇触课厅巧侧韩债融惯享纵障讯涉彻刊爆役描洗' +
  '們個來為國說時會對過發後裡這從學現當沒動麼點開間問應見產與機長實經進種還樣體關頭們書將區電數報資統強達傳術領確識讓帶導運處員業請觀萬濟設與務環華義記總據邊設計質團條變歷專價親極議辦遠單準農際驗優創區';

let commonTable: Uint8Array | undefined;
function commonHanTable(): Uint8Array {
  if (!commonTable) {
    commonTable = new Uint8Array(0x10000);
    for (let i = 0; i < COMMON_HAN.length; i++) commonTable[COMMON_HAN.charCodeAt(i)] = 1;
  }
  return commonTable;
}

/** Share of Han characters in `text` that are among the most common ones (0 when there are none). */
export function commonHanShare(text: string): number {
  const table = commonHanTable();
  let han = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      common += table[c] as number;
    }
  }
  return han === 0 ? 0 : common / han;
}

export interface DecodedText {
  text: string;
  charset: string;
}

/** Decodes a text or HTML file's bytes, detecting the charset. */
export function decodeText(bytes: Uint8Array, isHtml: boolean): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decoder('utf-8', false).decode(bytes), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le', false).decode(bytes), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be', false).decode(bytes), charset: 'utf-16be' };
  // isUtf8 (simdutf) and Buffer#toString are several times faster than a fatal TextDecoder.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), charset: 'utf-8' };
  const declared = isHtml ? declaredCharset(bytes) : undefined;
  if (declared && declared !== 'utf-8') return { text: decoder(declared, false).decode(bytes), charset: declared };
  const gb = tryDecode(bytes, 'gb18030');
  const big5 = tryDecode(bytes, 'big5');
  if (gb !== undefined && big5 !== undefined) {
    return commonHanShare(big5) > commonHanShare(gb) ? { text: big5, charset: 'big5' } : { text: gb, charset: 'gb18030' };
  }
  if (gb !== undefined) return { text: gb, charset: 'gb18030' };
  if (big5 !== undefined) return { text: big5, charset: 'big5' };
  // Broken bytes in a mostly-Chinese file: GB18030 with replacement characters loses least.
  return { text: decoder('gb18030', false).decode(bytes), charset: 'gb18030' };
}
