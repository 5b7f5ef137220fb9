/**
 * Risk-compensation arithmetic (pure). A pool compensates a defaulted loan at its share of the loss, but never more
 * than the per-loan cap and never more than what is left in the pool. Integer fen throughout; the share is in basis
 * points (5000 = 50 %) and the share of a loss is rounded down, so the pool never pays a fraction of a fen more than
 * its share.
 */
export interface Compensation {
  shareFen: number;
  compensatedFen: number;
  /** Which limit decided the amount: the share itself, the per-loan cap or the pool's remaining balance. */
  limitedBy: 'share' | 'loan_cap' | 'balance';
}

export function compensationFor(lossFen: number, shareBp: number, loanCapFen: number, balanceFen: number): Compensation {
  for (const [name, v] of [['lossFen', lossFen], ['shareBp', shareBp], ['loanCapFen', loanCapFen], ['balanceFen', balanceFen]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${v}`);
  }
  // BigInt keeps loss × share exact even for losses near 2^53 fen.
  const shareFen = Number((BigInt(lossFen) * BigInt(shareBp)) / 10000n);
  let compensatedFen = shareFen;
  let limitedBy: Compensation['limitedBy'] = 'share';
  if (loanCapFen < compensatedFen) {
    compensatedFen = loanCapFen;
    limitedBy = 'loan_cap';
  }
  if (balanceFen < compensatedFen) {
    compensatedFen = balanceFen;
    limitedBy = 'balance';
  }
  return { shareFen, compensatedFen, limitedBy };
}
