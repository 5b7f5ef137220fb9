import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { setPublished } from '../../evaluation/indicators/publication.service';
import { annualStatistics, organizations, qualifications, zones } from '../entities';
import { importRecords } from './load-demo';
import { generateOrganizations, generateQualifications, generateStatistics } from './generator';
import peerData from './peer-zones.json' with { type: 'json' };

export const PEER_ZONES: readonly { code: string; kind: string; name_zh: string; name_en: string }[] = peerData.zones;

/**
 * The demo's peer group: real national high-tech zones and state-level new areas (peer-zones.json), each with a few
 * GENERATED organisations, statistics and qualifications, so that an evaluation of 兰州新区 or 兰州高新区 ranks
 * against a group worth comparing with. Their indicator values are published, as a real peer's official figures
 * would be, so a zone operator sees them beside their own unpublished ones. Not part of the test demo (loadDemo).
 */
export async function loadDemoPeers(db: Db, options: { orgsPerZone?: number; firstYear: number; lastYear: number }): Promise<number> {
  const [admin] = await db.query<{ id: number; username: string }>(`select id, username from users where role = 'admin' order by id limit 1`);
  if (!admin) throw new Error('the demo peers need the demo admin: load the demo first');
  const actor: Actor = { userId: admin.id, username: admin.username, role: 'admin', zoneId: null, organizationId: null };
  await importRecords(db, actor, zones, PEER_ZONES.map((z) => ({ ...z, parent_id: null, description: `${peerData.description.zh} / ${peerData.description.en}` })));
  const codes = PEER_ZONES.map((z) => z.code);
  // A separate offset keeps the generated credit codes apart from the seed demo's.
  const orgs = [...generateOrganizations((options.orgsPerZone ?? 12) * codes.length, codes, 11, 500_000)];
  await importRecords(db, actor, organizations, orgs);
  await importRecords(db, actor, qualifications, generateQualifications(orgs, options.firstYear, options.lastYear, 13));
  await importRecords(db, actor, annualStatistics, generateStatistics(orgs, options.firstYear, options.lastYear, 12));
  await setPublished(db, actor, { zones: codes, years: { from: options.firstYear, to: options.lastYear } }, true);
  return codes.length;
}
