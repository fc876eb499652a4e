/**
 * The ring clocks of the test stacks: shorter than the product's defaults (30 s and 15 s) so the
 * specs that wait for a ring to run out spend less of CI's time waiting, and read from here so
 * their expectations follow.
 */
export const STACK_CLOCKS = { CALL_RING_SECONDS: 15, MALL_AGENT_RING_SECONDS: 8 } as const;
