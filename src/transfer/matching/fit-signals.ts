import { fieldSimilarity, HIGH_TECH_FIELDS } from './high-tech-fields';
import { ipcSimilarity } from './ipc';
import type { ItemField } from './match-item.schema';
import type { ItemAttributes } from './prepare-item';

export type SignalName = 'field' | 'ipc' | 'trl' | 'budget' | 'zone';

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

const IPC_LEVEL_NAMES = { section: 'section', class: 'class', subclass: 'subclass', group: 'group', subgroup: 'subgroup' } as const;

/**
 * Non-text signals between a demand and an offer (always in that order, whichever side
 * asked). Signals whose inputs are missing on either side are left out, not scored as zero.
 * `explain: false` skips writing the reasons (re-ranking scores many more candidates than it returns).
 */
export function fitSignals(demand: ItemAttributes, offer: ItemAttributes, explain = true): Signal[] {
  const signals: Signal[] = [];

  const field = fieldSimilarity(demand.fields, offer.fields);
  if (field) {
    const name = field.shared ? HIGH_TECH_FIELDS[field.shared] : undefined;
    const why = field.shared && name && both(explain, demand, offer, 'fields') ? `同属高新技术领域 ${field.shared} ${name.zh} / same high-tech field ${field.shared} ${name.en}` : undefined;
    signals.push({ name: 'field', value: field.score, why });
  }

  const ipc = ipcSimilarity(demand.ipc, offer.ipc);
  if (ipc) {
    // Codes read from a text may only be named when that text may be.
    const fromText = demand.ipcFromText || offer.ipcFromText;
    const named = both(explain, demand, offer, 'ipc') && (!demand.ipcFromText || demand.explainable.has('text')) && (!offer.ipcFromText || offer.explainable.has('text'));
    const why = ipc.shared && ipc.score >= 0.5 && named ? `IPC 分类相同 ${ipc.shared.code}${fromText ? '（据文中所列 IPC）' : ''} / same IPC ${IPC_LEVEL_NAMES[ipc.shared.level]} ${ipc.shared.code}${fromText ? ' (IPC stated in the text)' : ''}` : undefined;
    signals.push({ name: 'ipc', value: ipc.score, why });
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
