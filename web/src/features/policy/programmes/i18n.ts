// Texts of the policy programmes pages. programmesZh defines the keys; programmesEn must have exactly the same ones.
export const programmesZh = {
  'policy.tab.programmes': '激励项目',
} satisfies Record<string, string>;

export const programmesEn: Record<keyof typeof programmesZh, string> = {
  'policy.tab.programmes': 'Incentive programmes',
};
