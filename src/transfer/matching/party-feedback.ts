export interface FeedbackEvent {
  /** Party whose item was shown as a match. */
  party: string;
  outcome: 'accepted' | 'rejected';
}

/**
 * Turns past feedback into per-party weights in 0..2 (1 = neutral) with a Laplace prior, so one
 * rejection does not bury a party: weight = 2 × (accepted + 1) / (accepted + rejected + 2).
 */
export function feedbackToPartyWeights(events: readonly FeedbackEvent[]): Record<string, number> {
  const tally = new Map<string, { accepted: number; rejected: number }>();
  for (const { party, outcome } of events) {
    const entry = tally.get(party) ?? { accepted: 0, rejected: 0 };
    entry[outcome]++;
    tally.set(party, entry);
  }
  const weights: Record<string, number> = {};
  for (const [party, { accepted, rejected }] of tally) weights[party] = (2 * (accepted + 1)) / (accepted + rejected + 2);
  return weights;
}
