// Texts of the intelligence pages, zh-CN and en. intelligenceZh defines the keys; intelligenceEn must have the same.
export const intelligenceZh = {
  'nav.intelligence': '情报',
} satisfies Record<string, string>;

export const intelligenceEn: Record<keyof typeof intelligenceZh, string> = {
  'nav.intelligence': 'Intelligence',
};
