/**
 * The clocks of the test stacks: shorter than the product's defaults (rings of 30 s and 15 s, a
 * message digest after 10 minutes away) so the specs that wait for them spend less of CI's time
 * waiting, and read from here so their expectations follow.
 */
export const STACK_CLOCKS = { CALL_RING_SECONDS: 15, MALL_AGENT_RING_SECONDS: 8, MESSAGE_DIGEST_AFTER_SECONDS: 3 } as const;
