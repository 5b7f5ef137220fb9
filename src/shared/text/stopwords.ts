// Function words that carry no matching signal. Kept short on purpose: domain words such as
// 技术 / "technology" stay, because BM25's IDF already discounts them and registry search wants them.
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but of for to in on at by with from into onto as is are was were be been being ' +
    'it its this that these those there their they them we our us you your he she his her i me my ' +
    'not no so than then too very can could will would shall should may might must do does did done ' +
    'has have had having which who whom whose what when where why how all any both each few more most ' +
    'other some such only own same also just about above after again against below between during ' +
    'over under up down out off through via per etc e g ie eg'
  ).split(' '),
);

export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 了 和 与 及 或 在 是 等 对 为 以 于 之 其 该 这 那 并 而 也 从 由 把 被 个 所 着 得 地 ' +
    '我们 你们 他们 我 你 他 她 它 一种 一个 以及 或者 并且 而且 如果 因为 所以 但是 可以 能够 ' +
    '进行 通过 具有 用于 有关 相关 方面 其中 以上 以下 之一 已经 正在 将 向 就 都 又 还 很 更 最 ' +
    '不 没有 上 下 中 内 外 所述 一 二 三'
  ).split(' '),
);
