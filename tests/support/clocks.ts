/**
 * The clocks of the test stacks: shorter than the product's defaults (rings of 30 s and 15 s, a
 * message digest after 10 minutes away) so the specs that wait for them spend less of CI's time
 * waiting, and read from here so their expectations follow. A call rings 25 s: on a loaded CI machine
 * a callee's page took most of 15 s to show the call and its preview before the spec could accept;
 * only one spec waits a ring out.
 */
export const STACK_CLOCKS = { CALL_RING_SECONDS: 25, MALL_AGENT_RING_SECONDS: 8, MESSAGE_DIGEST_AFTER_SECONDS: 3 } as const;
