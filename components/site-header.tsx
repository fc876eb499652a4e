import Link from "next/link";
import { db } from "@/lib/db/client";
import type { MemberProfile } from "@/lib/members/get-member";
import { headerCounts } from "@/lib/members/header-counts";
import { CallsLink } from "./calls/calls-link";
import { MailboxLink } from "./mailbox/mailbox-link";
import { MessagesLink } from "./messages/messages-link";
import { CallbackNotice } from "./mall/callback-notice";
import { Avatar } from "./avatar";
import { Logo } from "./logo";
import { type MenuLink, PhoneMenu } from "./phone-menu";
import { OpenContactsButton } from "./contacts/open-contacts-button";
import { StatusMenu } from "./presence/status-menu";
import { SignOutButton } from "./sign-out-button";
import { NumberDisplay } from "@/components/number-display";

/** What the phone menu lists: the main links, which do not fit the header below 640 px. */
function menuLinks(member: MemberProfile | null, staff: boolean): MenuLink[] {
  const common = [
    { href: "/directory", label: "Directory" },
    { href: "/mall", label: "Mall" },
  ];
  if (!member) return common;
  return [
    { href: "/call", label: "Call a number" },
    ...common,
    { href: "/contacts", label: "Contacts" },
    { href: "/calls", label: "Recent calls" },
    { href: "/messages", label: "Messages" },
    { href: "/mailbox", label: "Mailbox" },
    { href: "/settings/calls", label: "Call routing" },
    ...(staff ? [{ href: "/console", label: "Console" }] : []),
  ];
}

/** The header for whoever is signed in (the layout passes them: components do not read the session). */
export async function SiteHeader({ member }: { member: MemberProfile | null }) {
  const { missed, unread, chats, staff } = member
    ? await headerCounts(await db(), member.id)
    : { missed: 0, unread: 0, chats: 0, staff: false };
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      {member && <CallbackNotice />}
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-3 sm:gap-4 sm:px-6">
        <PhoneMenu links={menuLinks(member, staff)}>{member && <SignOutButton wide />}</PhoneMenu>
        <Link href="/" className="flex items-center gap-2 rounded font-semibold text-slate-900" aria-label="Portal home">
          <Logo />
          <span className="hidden text-lg tracking-tight min-[420px]:inline">Portal</span>
        </Link>
        <nav aria-label="Main" className="mr-auto ml-4 hidden items-center gap-1 sm:flex">
          <Link href="/directory" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Directory
          </Link>
          <Link href="/mall" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Mall
          </Link>
          {member && (
            <>
              <Link href="/call" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Call
              </Link>
              <Link
                href="/contacts"
                className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
                data-testid="nav-contacts"
              >
                Contacts
              </Link>
              <CallsLink initial={missed} />
              {/* Icon only, from 1280 px: the row has 35 px to spare there (none at 390 px), too little for a word. */}
              <Link
                href="/settings/calls"
                aria-label="Call routing"
                title="Call routing"
                className="hidden rounded-lg px-1.5 py-2 text-slate-700 hover:bg-slate-100 xl:inline-flex"
                data-testid="nav-routing"
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M4 21v-9a7 7 0 0 1 7-7h9M17 2l3 3-3 3M4 15h10M11 12l3 3-3 3" />
                </svg>
              </Link>
              <MessagesLink initial={chats} />
              <MailboxLink initial={unread} />
              {staff && (
                <Link
                  href="/console"
                  className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
                  data-testid="nav-console"
                >
                  Console
                </Link>
              )}
            </>
          )}
        </nav>
        {member ? (
          <div className="flex items-center gap-0.5 sm:gap-3">
            <CallsLink initial={missed} compact />
            <MessagesLink initial={chats} compact />
            <MailboxLink initial={unread} compact />
            <OpenContactsButton />
            <StatusMenu initial={member.presenceSetting} />
            <Link
              href={`/${member.handle}`}
              className="flex items-center gap-2 rounded-full p-1 hover:bg-slate-100 sm:pr-3"
              data-testid="header-member"
            >
              <Avatar name={member.displayName} photoUrl={member.photoUrl} size={32} />
              <span className="hidden text-sm sm:block">
                <span className="block font-medium leading-tight">{member.displayName}</span>
                <span className="block text-xs leading-tight text-slate-600">
                  {member.formattedNumber && <NumberDisplay spelled={member.formattedNumber} className="" />}
                </span>
              </span>
            </Link>
            {/* On a phone it is in the menu: the row has no room for it. */}
            <div className="hidden sm:block">
              <SignOutButton />
            </div>
          </div>
        ) : (
          <nav className="flex items-center gap-2" aria-label="Account">
            <Link href="/signin" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              Sign in
            </Link>
            <Link href="/register" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Get your number
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
