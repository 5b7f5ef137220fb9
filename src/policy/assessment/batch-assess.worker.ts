/** Worker thread: assesses batches of aggregated registry rows (compact text) against the compiled versions in force. */
import { parentPort, workerData } from 'node:worker_threads';
import { assessRows } from './batch-assess';
import { compiledInForce, parseVersionFile } from './engine';
import { type AggregateText, rowsFromText } from './registry-cases.batch';
import type { PolicyCaseInput } from '../rules/case';
import type { Programme } from './tiers';

const { date, programmes, extraDefinitions, given } = workerData as { date: string; programmes: Programme[]; extraDefinitions: unknown[]; given?: PolicyCaseInput };
const extras = extraDefinitions.map(parseVersionFile);
const versions = programmes.map((programme) => ({ programme, compiled: compiledInForce(programme, date, extras.filter((v) => v.programme === programme)) }));

parentPort!.postMessage({ ready: true });

parentPort!.on('message', (msg: { id: number; text: AggregateText }) => {
  try {
    const rows = rowsFromText(msg.text);
    parentPort!.postMessage({ id: msg.id, ok: true, n: rows.length, counts: assessRows(rows, date, versions, given) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
