import { industryIpcAffinity, naceTitle, type IndustryIpcAffinity } from '../../shared/classification/crosswalk';
import { fieldsWithIpcSubFields, fieldSimilarity, HIGH_TECH_FIELDS } from './high-tech-fields';
import { ipcSimilarity } from './ipc';
import type { ItemField } from './match-item.schema';
import type { ItemAttributes } from './prepare-item';

export type SignalName = 'field' | 'ipc' | 'industry' | 'trl' | 'budget' | 'zone';

export interface Signal {
  name: SignalName;
  value: number;
  /** Human-readable reason; only set when both sides allow the fields involved to be explained. */
  why?: string;
}

const EARTH_RADIUS_KM = 6371;
const ZONE_DISTANCE_SCALE_KM = 300;

function distanceKm([lat1, lon1]: [number, number], [lat2, lon2]: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Whether both sides let explanations name this field (no closure: this runs per candidate). */
function both(explain: boolean, demand: ItemAttributes, offer: ItemAttributes, field: ItemField): boolean {
  return explain && demand.explainable.has(field) && offer.explainable.has(field);
}

/** The same zone, or zones paired with each other (either side may name the pairing). */
function sameOrPairedZone(demand: ItemAttributes, offer: ItemAttributes): boolean {
  if (demand.zone === undefined || offer.zone === undefined) return false;
  return demand.zone === offer.zone || !!demand.partnerZones?.includes(offer.zone) || !!offer.partnerZones?.includes(demand.zone);
}

/** Whether stated field codes include `code` (a top-level code is stated by any of its sub-fields too). */
function states(fields: readonly string[], code: string): boolean {
  return fields.some((f) => f === code || (!code.includes('.') && f.startsWith(`${code}.`)));
}

/** Whether both sides' IPC codes may be named (codes read from a text only when that text may be). */
function ipcNamed(demand: ItemAttributes, offer: ItemAttributes): boolean {
  return demand.explainable.has('ipc') && offer.explainable.has('ipc') && (!demand.ipcFromText || demand.explainable.has('text')) && (!offer.ipcFromText || offer.explainable.has('text'));
}

/** Below this the industry link is too weak to be worth a line of explanation (set a priori: half the class's principal industry). */
const INDUSTRY_EXPLAIN_AT = 0.5;

/** The stronger of "demand's industry ↔ offer's IPC" and "offer's industry ↔ demand's IPC"; undefined when neither pair exists. */
function industrySignal(demand: ItemAttributes, offer: ItemAttributes): { affinity: IndustryIpcAffinity; side: 'demand' | 'offer' } | undefined {
  const fromDemand = demand.industries && offer.ipc.length ? industryIpcAffinity(demand.industries, offer.ipc) : undefined;
  const fromOffer = offer.industries && demand.ipc.length ? industryIpcAffinity(offer.industries, demand.ipc) : undefined;
  if (fromOffer && (!fromDemand || fromOffer.value > fromDemand.value)) return { affinity: fromOffer, side: 'offer' };
  return fromDemand ? { affinity: fromDemand, side: 'demand' } : undefined;
}

function industryWhy(a: IndustryIpcAffinity, side: 'demand' | 'offer'): string {
  const percent = Math.round(a.share * 100);
  const en = a.industry.nace.map((n) => naceTitle(n)).filter(Boolean).join('; ');
  return `${side === 'demand' ? '需求方' : '供给方'}所属行业 ${a.industry.code} ${a.industry.zh} 持有 IPC ${a.ipcClass} 类约 ${percent}% 的专利（行业—专利对照表） / `
    + `the ${side === 'demand' ? "demand's" : "offer's"} industry ${a.industry.code} (${en}) holds ~${percent}% of IPC class ${a.ipcClass} patents (industry–patent concordance)`;
}

const IPC_LEVEL_NAMES = { section: 'section', class: 'class', subclass: 'subclass', group: 'group', subgroup: 'subgroup' } as const;

/**
 * Non-text signals between a demand and an offer (always in that order, whichever side
 * asked). Signals whose inputs are missing on either side are left out, not scored as zero.
 * `explain: false` skips writing the reasons (re-ranking scores many more candidates than it returns).
 */
export function fitSignals(demand: ItemAttributes, offer: ItemAttributes, explain = true): Signal[] {
  const signals: Signal[] = [];

  // Stated fields, refined to sub-fields through the IPC crosswalk when a side states no sub-field of its own.
  const demandFields = fieldsWithIpcSubFields(demand.fields, demand.ipc);
  const offerFields = fieldsWithIpcSubFields(offer.fields, offer.ipc);
  const field = fieldSimilarity(demandFields, offerFields);
  if (field) {
    const name = field.shared ? HIGH_TECH_FIELDS[field.shared] : undefined;
    // A shared code one side only has through its IPC is named as such, and only if that side's IPC may be named.
    const viaIpc = !!field.shared && !(states(demand.fields, field.shared) && states(offer.fields, field.shared));
    const named = both(explain, demand, offer, 'fields') && (!viaIpc || ipcNamed(demand, offer));
    const why = field.shared && name && named
      ? `同属高新技术领域 ${field.shared} ${name.zh}${viaIpc ? '（据 IPC 对照）' : ''} / same high-tech field ${field.shared} ${name.en}${viaIpc ? ' (via the IPC crosswalk)' : ''}`
      : undefined;
    signals.push({ name: 'field', value: field.score, why });
  }

  const ipc = ipcSimilarity(demand.ipc, offer.ipc);
  if (ipc) {
    // Codes read from a text may only be named when that text may be.
    const fromText = demand.ipcFromText || offer.ipcFromText;
    const named = ipcNamed(demand, offer) && explain;
    const why = ipc.shared && ipc.score >= 0.5 && named ? `IPC 分类相同 ${ipc.shared.code}${fromText ? '（据文中所列 IPC）' : ''} / same IPC ${IPC_LEVEL_NAMES[ipc.shared.level]} ${ipc.shared.code}${fromText ? ' (IPC stated in the text)' : ''}` : undefined;
    signals.push({ name: 'ipc', value: ipc.score, why });
  }

  const industry = industrySignal(demand, offer);
  if (industry) {
    const { affinity, side } = industry;
    const owner = side === 'demand' ? demand : offer;
    const named = explain && affinity.value >= INDUSTRY_EXPLAIN_AT && owner.explainable.has('industries') && ipcNamed(demand, offer);
    signals.push({ name: 'industry', value: affinity.value, why: named ? industryWhy(affinity, side) : undefined });
  }

  if (demand.trl !== undefined && offer.trl !== undefined) {
    const gap = demand.trl - offer.trl;
    const value = gap <= 0 ? 1 : Math.max(0, 1 - 0.25 * gap);
    const why = both(explain, demand, offer, 'trl') ? `成熟度 TRL ${offer.trl} ${gap <= 0 ? '满足' : '低于'}要求 ≥${demand.trl} / TRL ${offer.trl} ${gap <= 0 ? 'meets' : 'below'} required ≥${demand.trl}` : undefined;
    signals.push({ name: 'trl', value, why });
  }

  if (demand.budget !== undefined && offer.price !== undefined) {
    const within = offer.price <= demand.budget;
    const value = within ? 1 : demand.budget / offer.price;
    const why = explain && offer.explainable.has('price') && demand.explainable.has('budget') ? (within ? '价格在预算内 / price within budget' : '价格高于预算 / price above budget') : undefined;
    signals.push({ name: 'budget', value, why });
  }

  if (sameOrPairedZone(demand, offer)) {
    signals.push({ name: 'zone', value: 1, why: both(explain, demand, offer, 'zone') ? '同一或结对园区 / same partner zone' : undefined });
  } else if (demand.coords && offer.coords) {
    const km = distanceKm(demand.coords, offer.coords);
    const why = both(explain, demand, offer, 'zone') && km < 500 ? `园区相距约 ${Math.round(km)} 公里 / partner zones ~${Math.round(km)} km apart` : undefined;
    signals.push({ name: 'zone', value: Math.exp(-km / ZONE_DISTANCE_SCALE_KM), why });
  }
  return signals;
}
