// Texts of the policy assessment pages. assessmentZh defines the keys; assessmentEn must have exactly the same ones.
export const assessmentZh = {
  'policy.tab.assessment': '资格自评',
} satisfies Record<string, string>;

export const assessmentEn: Record<keyof typeof assessmentZh, string> = {
  'policy.tab.assessment': 'Self-assessment',
};
