/**
 * The indicator framework (tree). Validation happens once, up front, so the later stages can
 * assume a well-formed tree: unique codes, known parents, no cycles, each parent exactly one
 * level above its children, every aggregate with at least one child, a single top level.
 */
import { CompositeError } from './errors';
import type { FrameworkNode } from './types';

export interface Framework {
  nodes: FrameworkNode[];
  byCode: Map<string, FrameworkNode>;
  /** Level-1 iCodes in framework order. */
  indicators: string[];
  maxLevel: number;
  /**
   * Aggregates per level (index 0 = level 2), each level sorted by code. COINr groups children
   * with R's tapply over the parent code, which orders the new columns alphabetically.
   */
  aggregatesByLevel: string[][];
  /** Direct children of each aggregate, in framework order. */
  children: Map<string, string[]>;
}

/** Plain code-point comparison, so column order does not depend on the machine's locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildFramework(nodes: FrameworkNode[]): Framework {
  const byCode = new Map<string, FrameworkNode>();
  for (const n of nodes) {
    if (byCode.has(n.iCode)) throw new CompositeError('DUPLICATE_CODE', n.iCode, 'iCode appears twice in the framework');
    if (!Number.isInteger(n.level) || n.level < 1) {
      throw new CompositeError('LEVEL_MISMATCH', n.iCode, `level must be an integer >= 1, got ${n.level}`);
    }
    byCode.set(n.iCode, n);
  }
  for (const n of nodes) {
    if (n.parent !== null && !byCode.has(n.parent)) {
      throw new CompositeError('UNKNOWN_PARENT', n.iCode, `parent "${n.parent}" is not in the framework`);
    }
  }
  detectCycles(nodes, byCode);
  const maxLevel = Math.max(...nodes.map((n) => n.level));
  for (const n of nodes) {
    if (n.parent === null) {
      if (n.level !== maxLevel) {
        throw new CompositeError('NO_ROOT', n.iCode, `has no parent but is at level ${n.level}, below the top level ${maxLevel}`);
      }
      continue;
    }
    const p = byCode.get(n.parent) as FrameworkNode;
    if (p.level !== n.level + 1) {
      throw new CompositeError('LEVEL_MISMATCH', n.iCode, `parent "${p.iCode}" is at level ${p.level}, expected ${n.level + 1}`);
    }
  }
  const roots = nodes.filter((n) => n.parent === null);
  if (maxLevel > 1 && roots.length !== 1) {
    throw new CompositeError('NO_ROOT', roots.map((r) => r.iCode).join(','), 'the framework needs exactly one top-level node');
  }
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.level > 1) children.set(n.iCode, []);
  for (const n of nodes) if (n.parent !== null) (children.get(n.parent) as string[]).push(n.iCode);
  for (const [code, kids] of children) {
    if (kids.length === 0) throw new CompositeError('EMPTY_AGGREGATE', code, 'aggregate has no children');
  }
  const aggregatesByLevel: string[][] = [];
  for (let lev = 2; lev <= maxLevel; lev++) {
    aggregatesByLevel.push(nodes.filter((n) => n.level === lev).map((n) => n.iCode).sort(compareCodes));
  }
  return {
    nodes,
    byCode,
    indicators: nodes.filter((n) => n.level === 1).map((n) => n.iCode),
    maxLevel,
    aggregatesByLevel,
    children,
  };
}

function detectCycles(nodes: FrameworkNode[], byCode: Map<string, FrameworkNode>): void {
  for (const start of nodes) {
    const seen = new Set<string>([start.iCode]);
    let cur = start.parent;
    while (cur !== null) {
      if (seen.has(cur)) throw new CompositeError('FRAMEWORK_CYCLE', cur, `parent chain from "${start.iCode}" loops back to "${cur}"`);
      seen.add(cur);
      cur = (byCode.get(cur) as FrameworkNode).parent;
    }
  }
}

/** All aggregate codes in output order: level 2 first, each level alphabetical. */
export function aggregateOrder(fw: Framework): string[] {
  return fw.aggregatesByLevel.flat();
}
