import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { ContactsPage } from "@/components/contacts/contacts-page";

export const metadata: Metadata = { title: "Contacts" };

export default async function Contacts() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/contacts");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Contacts</h1>
      <ContactsPage />
    </div>
  );
}
