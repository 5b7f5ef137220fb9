import type { Label } from '../../shared/i18n';

/**
 * The gradient-cultivation ladder (梯度培育): sci-tech SME → innovative SME → high-tech enterprise → 专精特新 SME →
 * "little giant". An enterprise's tier on a date is the highest rung whose qualification (registry type) is valid
 * that day; tier 0 holds none. Each rung names the self-assessment programme that leads onto it.
 */
export const PROGRAMMES = ['hnte', 'tech-sme', 'innovative-sme', 'srdi', 'little-giant'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export interface Tier {
  tier: number;
  qualificationType: string;
  programme: Programme;
  label: Label;
  /** Validity when the registry gives no end date: HNTE and the MIIT titles three years, the SME registration one. */
  defaultYears: number;
}

export const TIERS: readonly Tier[] = [
  { tier: 1, qualificationType: 'tech_sme', programme: 'tech-sme', label: { zh: '科技型中小企业', en: 'Sci-tech SME' }, defaultYears: 1 },
  { tier: 2, qualificationType: 'innovative_sme', programme: 'innovative-sme', label: { zh: '创新型中小企业', en: 'Innovative SME' }, defaultYears: 3 },
  { tier: 3, qualificationType: 'hightech_enterprise', programme: 'hnte', label: { zh: '高新技术企业', en: 'High-tech enterprise' }, defaultYears: 3 },
  { tier: 4, qualificationType: 'srdi_sme', programme: 'srdi', label: { zh: '专精特新中小企业', en: 'Specialised and innovative SME' }, defaultYears: 3 },
  { tier: 5, qualificationType: 'little_giant', programme: 'little-giant', label: { zh: '专精特新“小巨人”企业', en: '"Little giant"' }, defaultYears: 3 },
];

export const NO_TIER_LABEL: Label = { zh: '尚无资质', en: 'No qualification yet' };

export const tierLabel = (tier: number): Label => TIERS.find((t) => t.tier === tier)?.label ?? NO_TIER_LABEL;

/** The programme that leads to the next rung, or null at the top. */
export const nextProgramme = (tier: number): Programme | null => TIERS.find((t) => t.tier === tier + 1)?.programme ?? null;

export const programmeLabel = (programme: Programme): Label => TIERS.find((t) => t.programme === programme)!.label;

/** SQL: (type, tier, default years) of the ladder, for joins. */
export const TIER_VALUES_SQL = TIERS.map((t) => `('${t.qualificationType}', ${t.tier}, ${t.defaultYears})`).join(', ');
