import { actOnContact, type ContactDeps } from "./act-on-contact";
import { findMemberByAddress } from "./find-member";

/** Adds the member someone typed (a number, keypad letters, or an address): a request, or a contact at once if they asked first. */
export async function addContact(deps: ContactDeps, input: { memberId: string; to: string }) {
  const otherId = await findMemberByAddress(deps.db, input.to);
  return actOnContact(deps, { memberId: input.memberId, otherId, action: "request" });
}
