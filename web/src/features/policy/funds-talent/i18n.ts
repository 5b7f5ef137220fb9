// Texts of the funds and talent pages. fundsTalentZh defines the keys; fundsTalentEn must have exactly the same ones.
export const fundsTalentZh = {
  'policy.tab.funds': '资金池与创新券',
} satisfies Record<string, string>;

export const fundsTalentEn: Record<keyof typeof fundsTalentZh, string> = {
  'policy.tab.funds': 'Funds & vouchers',
};
