var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lib/db/generated/postgres/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
function getPrismaClientClass(dirname3) {
  config.dirname = dirname3;
  return runtime.getPrismaClient(config);
}
var config;
var init_class = __esm({
  "lib/db/generated/postgres/internal/class.ts"() {
    "use strict";
    config = {
      "generator": {
        "name": "client",
        "provider": {
          "fromEnvVar": null,
          "value": "prisma-client"
        },
        "output": {
          "value": "/work/main/lib/db/generated/postgres",
          "fromEnvVar": null
        },
        "config": {
          "moduleFormat": "esm",
          "engineType": "client",
          "runtime": "nodejs"
        },
        "binaryTargets": [
          {
            "fromEnvVar": null,
            "value": "debian-openssl-3.0.x",
            "native": true
          }
        ],
        "previewFeatures": [],
        "sourceFilePath": "/work/main/prisma/postgres/schema.prisma",
        "isCustomOutput": true
      },
      "relativePath": "../../../../prisma/postgres",
      "clientVersion": "6.19.3",
      "engineVersion": "c2990dca591cba766e3b7ef5d9e8a84796e47ab7",
      "datasourceNames": [
        "db"
      ],
      "activeProvider": "postgresql",
      "postinstall": false,
      "inlineDatasources": {
        "db": {
          "url": {
            "fromEnvVar": null,
            "value": "postgresql://unused"
          }
        }
      },
      "inlineSchema": `// GENERATED from prisma/schema.prisma by scripts/db/gen-postgres-schema.ts: do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/db/generated/postgres"
  engineType   = "client"
  runtime      = "nodejs"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
  // Unused: prisma.config.ts connects through a driver adapter built from DATABASE_URL.
  url      = "postgresql://unused"
}

/// A registered person. Keys (\`handleKey\`, \`emailKey\`) hold the normalised,
/// case-folded form so that uniqueness is enforced by the database itself.
model Member {
  id                     String                @id @default(cuid())
  handle                 String
  handleKey              String                @unique
  email                  String
  emailKey               String                @unique
  passwordHash           String
  displayName            String
  birthDate              DateTime
  city                   String
  /// JSON array of strings.
  interests              String                @default("[]")
  photoKey               String?
  listed                 Boolean               @default(true)
  /// Whether /<email> may redirect to this member's page.
  emailAddressable       Boolean               @default(false)
  /// Search keys: " word word" lower-cased without accents, so a name prefix is a substring " pre".
  nameKey                String                @default("")
  cityKey                String                @default("")
  /// The status the member chose: online, away, dnd or invisible (busy is automatic).
  presenceSetting        String                @default("online")
  /// When the member's last presence connection closed: a call placed within the reconnect grace
  /// (a page reloading, a short network drop) still rings instead of ending "unavailable".
  presenceSeenAt         DateTime?
  /// When the member proved the address by the mailed link; until then only that link is mailed to it.
  emailVerifiedAt        DateTime?
  /// False: guests (signed out) cannot leave messages; members still can, unless blocked.
  acceptsGuestMessages   Boolean               @default(true)
  /// Unread instant messages by email after MESSAGE_DIGEST_AFTER_SECONDS away (lib/messages/digest.ts).
  messageDigests         Boolean               @default(true)
  /// When the last digest went out: none again until the member has been back (presenceSeenAt later).
  messageDigestSentAt    DateTime?
  /// Who sees the member's presence (lib/presence/visibility.ts): everyone, contacts or nobody;
  /// the detail for people who are not contacts, and for contacts whose groups set none: full or basic.
  presenceAudience       String                @default("everyone")
  presenceEveryoneDetail String                @default("full")
  presenceContactDetail  String                @default("full")
  /// Bumped on every change to the member's address book; each entry keeps the version it changed at.
  rosterVersion          Int                   @default(0)
  createdAt              DateTime              @default(now())
  updatedAt              DateTime              @updatedAt
  number                 PhoneNumber?
  connections            PresenceConnection[]
  nameWords              MemberNameWord[]
  callsMade              Call[]                @relation("caller")
  callsReceived          Call[]                @relation("callee")
  blocking               Block[]               @relation("blocker")
  blockedBy              Block[]               @relation("blocked")
  mailbox                Message[]             @relation("owner")
  staffOf                MerchantStaff[]
  messagesSent           Message[]             @relation("sender")
  greetings              Greeting[]
  emailVerifications     EmailVerification[]
  contacts               Contact[]             @relation("contactOwner")
  contactOf              Contact[]             @relation("contactOf")
  contactGroups          ContactGroup[]
  hiddenFrom             PresenceBlind[]       @relation("blindOwner")
  blindedBy              PresenceBlind[]       @relation("blindHidden")
  availabilityAsks       AvailabilityWatch[]   @relation("asker")
  availabilityWatched    AvailabilityWatch[]   @relation("watched")
  conversations          ConversationMember[]
  chatSent               ConversationMessage[]
  handleClaim            Handle?
  groups                 GroupMember[]
  routingRules           RoutingRules?
  callLegs               CallLeg[]

  /// Both read in order by directory searches (lib/directory/search-members.ts), so they end in id.
  /// \`listed\` is left out on purpose: nearly everyone is listed, and an index that starts with it
  /// lured SQLite's planner away from the city index when statistics were missing.
  @@index([cityKey, nameKey, id])
  @@index([nameKey, id])
}

/// One direction of a presence subscription, "owner sees contact" (lib/contacts/subscription.ts), and
/// the owner's address-book entry for the contact. A pair is two rows, always written together under
/// a lock on both members; a row may exist outside the book only to hold the other direction.
model Contact {
  ownerId     String
  owner       Member              @relation("contactOwner", fields: [ownerId], references: [id], onDelete: Cascade)
  contactId   String
  contact     Member              @relation("contactOf", fields: [contactId], references: [id], onDelete: Cascade)
  /// none, pending or approved.
  sees        String              @default("none")
  /// The contact agreed in advance that the owner may see them.
  preapproved Boolean             @default(false)
  requestedAt DateTime?
  /// Shown in the owner's address book.
  inBook      Boolean             @default(false)
  nickname    String              @default("")
  note        String              @default("")
  favourite   Boolean             @default(false)
  /// The owner's rosterVersion when this row last changed (a client fetches what changed since).
  version     Int                 @default(0)
  createdAt   DateTime            @default(now())
  updatedAt   DateTime            @updatedAt
  groups      ContactGroupEntry[]

  @@id([ownerId, contactId])
  @@index([contactId])
  @@index([ownerId, version])
}

/// A named group of the owner's contacts (Family, Work\u2026), with its own presence detail or none.
model ContactGroup {
  id        String              @id @default(cuid())
  ownerId   String
  owner     Member              @relation(fields: [ownerId], references: [id], onDelete: Cascade)
  name      String
  /// The name lower-cased without accents: one group per name.
  nameKey   String
  /// full, basic, or "" for the owner's detail for contacts.
  detail    String              @default("")
  position  Int                 @default(0)
  createdAt DateTime            @default(now())
  entries   ContactGroupEntry[]

  @@unique([ownerId, nameKey])
}

model ContactGroupEntry {
  groupId   String
  group     ContactGroup @relation(fields: [groupId], references: [id], onDelete: Cascade)
  ownerId   String
  contactId String
  contact   Contact      @relation(fields: [ownerId, contactId], references: [ownerId, contactId], onDelete: Cascade)

  @@id([groupId, contactId])
  @@index([ownerId, contactId])
}

/// "Appear offline to": the owner's presence never reaches this member, whatever else holds.
model PresenceBlind {
  ownerId      String
  owner        Member   @relation("blindOwner", fields: [ownerId], references: [id], onDelete: Cascade)
  hiddenFromId String
  hiddenFrom   Member   @relation("blindHidden", fields: [hiddenFromId], references: [id], onDelete: Cascade)
  createdAt    DateTime @default(now())

  @@id([ownerId, hiddenFromId])
  @@index([hiddenFromId])
}

/// "Tell me when available": one-shot, until firedAt or expiresAt; one open ask per pair.
model AvailabilityWatch {
  id         String    @id @default(cuid())
  askerId    String
  asker      Member    @relation("asker", fields: [askerId], references: [id], onDelete: Cascade)
  watchedId  String
  watched    Member    @relation("watched", fields: [watchedId], references: [id], onDelete: Cascade)
  createdAt  DateTime  @default(now())
  expiresAt  DateTime
  /// When the notice went out (live, or by email to a verified address), or null while open.
  firedAt    DateTime?
  /// "live" or "email".
  firedBy    String?
  canceledAt DateTime?
  /// askerId + watchedId while open, null once fired or canceled: the unique key allows one open ask.
  openKey    String?   @unique
  /// "notify" (tell me when available) or "callback" (call me when free, asked after a call; the
  /// member asked about sees it, and both are offered the call).
  kind       String    @default("notify")
  /// The call that ended unanswered, for a callback.
  callId     String?

  @@index([watchedId, firedAt])
  @@index([askerId, createdAt])
}

/// Search index for names: one row per word of the name, holding the name from
/// that word on ("chloe dubois", "dubois"), so a prefix of any word is a range scan.
model MemberNameWord {
  word     String
  memberId String
  member   Member @relation(fields: [memberId], references: [id], onDelete: Cascade)

  @@id([word, memberId])
  @@index([memberId])
}

/// Search index for digits inside numbers: every suffix of two or more digits,
/// so "contains 5563" is a range scan on suffixes starting with 5563.
model NumberSuffix {
  suffix String
  digits String
  number PhoneNumber @relation(fields: [digits], references: [digits], onDelete: Cascade)

  @@id([suffix, digits])
  @@index([digits])
}

/// A permanent communication number. Rows are never deleted: a number whose
/// member is gone keeps its row (memberId null), so it can never be handed out again.
model PhoneNumber {
  digits     String         @id
  memberId   String?        @unique
  member     Member?        @relation(fields: [memberId], references: [id], onDelete: SetNull)
  /// A group's number: from the same sequence and picker as members', so a number names one or the other.
  groupId    String?        @unique
  group      Group?         @relation(fields: [groupId], references: [id], onDelete: SetNull)
  /// "sequential" or "vanity"
  kind       String
  /// The number as its owner shows it, keypad letters in place ("2222222PIZZA"); null: digits only.
  spelled    String?
  /// The letters of \`spelled\` from the first to the last ("PIZZA"): dialled and addressed on their own.
  word       String?
  assignedAt DateTime       @default(now())
  suffixes   NumberSuffix[]

  @@index([word])
}

/// A vanity number reserved for one browser while its owner finishes registering.
model NumberHold {
  digits      String   @id
  /// The picker's spelling ("2222222PIZZA"): the registered number keeps it.
  spelled     String?
  holderToken String
  expiresAt   DateTime
  createdAt   DateTime @default(now())

  @@index([holderToken])
  @@index([expiresAt])
}

/// A mailed email-verification link: only the token's SHA-256 is stored; deleted when used.
model EmailVerification {
  tokenHash String   @id
  memberId  String
  member    Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// The address the link was sent to: changing the email later does not verify the new one.
  emailKey  String
  expiresAt DateTime
  createdAt DateTime @default(now())

  @@index([memberId])
}

/// One row per sender of messages, locked (upserted) before counting their last hour, so that
/// concurrent uploads from one sender are counted one after another.
model SenderQuota {
  senderKey String   @id
  touchedAt DateTime
}

/// Named monotonic counters (the number sequence).
model Counter {
  name  String @id
  value Int    @default(0)
}

/// One held-open connection to a presence node. Written in batches by the node;
/// refreshed on the node's heartbeat. A row whose lastSeenAt is older than the
/// expiry (lib/presence/constants.ts) counts for nothing, so a crashed node's
/// members fall offline on their own.
model PresenceConnection {
  id          String   @id
  memberId    String?
  member      Member?  @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// Guests (mall shoppers, mailbox visitors) have an id but no member row.
  guestId     String?
  nodeId      String
  deviceId    String
  address     String
  userAgent   String
  /// No input on this connection for the auto-away time.
  idle        Boolean  @default(false)
  connectedAt DateTime
  /// Rewritten for every row of a node by its heartbeat (every 15 s): no index holds it, so that
  /// write touches the rows alone (a third of the time with 16,000 rows on SQLite, bench/presence.ts).
  lastSeenAt  DateTime

  @@index([memberId])
  @@index([nodeId])
}

/// One call between two members, and its LiveKit room ("call-<id>"). The state
/// machine is lib/calls/state.ts; a transition is stored only if \`status\` is still
/// what it was computed from, which settles races between devices.
/// A member's call routing rules: one JSON document (lib/calls/routing/rules.ts), versioned so that
/// two editors cannot overwrite each other unseen.
model RoutingRules {
  memberId  String   @id
  member    Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  version   Int      @default(1)
  doc       String
  /// The document's away auto-reply, also here so that senders find who has one without parsing documents.
  awayReply String   @default("")
  updatedAt DateTime @updatedAt
}

/// One step of a call's path, in order: whose devices rang (or whose rules sent it on) and how it ended.
model CallLeg {
  id        String    @id @default(cuid())
  callId    String
  call      Call      @relation(fields: [callId], references: [id], onDelete: Cascade)
  position  Int
  memberId  String
  member    Member    @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// The devices that rang, as labels joined by ", " ("" when nothing rang).
  rang      String    @default("")
  startedAt DateTime
  endedAt   DateTime?
  /// Once over: answered, forwarded, missed, declined, canceled, busy, unavailable, mailbox or loop.
  result    String?
  /// Why the rules did what they did ("Rule \u201COffice hours\u201D").
  reason    String    @default("")

  @@unique([callId, position])
  @@index([memberId, startedAt])
}

model Call {
  id             String    @id @default(cuid())
  callerId       String
  caller         Member    @relation("caller", fields: [callerId], references: [id], onDelete: Cascade)
  calleeId       String
  callee         Member    @relation("callee", fields: [calleeId], references: [id], onDelete: Cascade)
  /// "video" or "voice"
  kind           String
  /// "ringing", "connected" or "ended"
  status         String
  /// completed, missed, declined, canceled, busy or unavailable, once ended
  outcome        String?
  createdAt      DateTime  @default(now())
  ringUntil      DateTime
  answeredAt     DateTime?
  answeredDevice String?
  endedAt        DateTime?
  endedBy        String?
  /// From LiveKit's webhooks: when each party's media joined the room.
  callerJoinedAt DateTime?
  calleeJoinedAt DateTime?
  /// A missed call stays marked in the callee's history until they have looked.
  calleeSeen     Boolean   @default(true)
  /// The member first called, when routing rules forwarded the call on (calleeId is who it rings now).
  meantForId     String?
  /// The one device ringing now when the callee's rules ring devices in turn; null rings them all.
  ringDevice     String?
  /// What follows when ringUntil passes, as JSON (lib/calls/routing/plan.ts); null: the call is missed.
  plan           String?
  /// The text a rule declined the call with, shown to the caller.
  note           String?
  /// The greeting slot a rule chose for the caller's message (standard or temporary); null: the current one.
  greeting       String?
  legs           CallLeg[]

  @@index([callerId, createdAt])
  @@index([calleeId, createdAt])
  @@index([status, ringUntil])
}

/// \`blocker\` takes no calls (and later no messages) from \`blocked\`.
model Block {
  blockerId String
  blocker   Member   @relation("blocker", fields: [blockerId], references: [id], onDelete: Cascade)
  blockedId String
  blocked   Member   @relation("blocked", fields: [blockedId], references: [id], onDelete: Cascade)
  createdAt DateTime @default(now())

  @@id([blockerId, blockedId])
  @@index([blockedId])
}

/// A recording on its way in: bytes land in the data folder's upload area until \`length\` arrive.
/// The token (hashed) lets whoever created it, signed in or not, append and nobody else.
model Upload {
  id         String    @id @default(cuid())
  tokenHash  String
  /// "message" for someone's mailbox, "greeting" for the owner's own greeting.
  purpose    String
  ownerId    String
  senderId   String?
  /// Who to count against the hourly limit: "m:<member id>" or "ip:<address>" for a guest.
  senderKey  String
  guestName  String?
  guestEmail String?
  callId     String?
  kind       String
  length     Int
  offset     Int       @default(0)
  /// For a greeting: "standard" or "temporary", and until when a temporary one plays.
  slot       String?
  endsAt     DateTime?
  createdAt  DateTime  @default(now())
  expiresAt  DateTime

  @@index([expiresAt])
  @@index([senderKey, createdAt])
}

/// A finalized recording in a member's mailbox. \`deletedAt\` puts it in the trash for 30 days.
model Message {
  id         String    @id @default(cuid())
  ownerId    String
  owner      Member    @relation("owner", fields: [ownerId], references: [id], onDelete: Cascade)
  senderId   String?
  sender     Member?   @relation("sender", fields: [senderId], references: [id], onDelete: SetNull)
  senderKey  String
  guestName  String?
  guestEmail String?
  callId     String?
  kind       String
  mediaKey   String
  mime       String
  thumbKey   String?
  durationMs Int
  sizeBytes  Int
  createdAt  DateTime  @default(now())
  readAt     DateTime?
  deletedAt  DateTime?

  @@index([ownerId, deletedAt, createdAt])
  @@index([senderKey, createdAt])
  @@index([deletedAt])
}

/// The owner's greeting: a standard one, and a temporary one that overrides it until \`endsAt\`.
model Greeting {
  id         String    @id @default(cuid())
  memberId   String
  member     Member    @relation(fields: [memberId], references: [id], onDelete: Cascade)
  slot       String
  kind       String
  mediaKey   String
  mime       String
  durationMs Int
  endsAt     DateTime?
  createdAt  DateTime  @default(now())

  @@unique([memberId, slot])
}

/// A shop in the mall. Its mailbox is its owner's (messages when no agent is free).
model Merchant {
  id             String            @id @default(cuid())
  slug           String            @unique
  name           String
  category       String
  tagline        String
  /// Brand colours for the logo and the building (hex, "#rrggbb").
  color          String
  accent         String
  /// A short mark drawn on the logo (1\u20133 characters or an emoji).
  mark           String
  createdAt      DateTime          @default(now())
  /// Bumped by every routing step: the row lock that serializes them on PostgreSQL.
  routingVersion Int               @default(0)
  staff          MerchantStaff[]
  categories     ProductCategory[]
  products       Product[]
  mallCalls      MallCall[]
  orders         Order[]
}

/// A member working for a merchant: "owner" manages the storefront and agents; "agent" takes calls.
model MerchantStaff {
  id          String   @id @default(cuid())
  merchantId  String
  merchant    Merchant @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  memberId    String
  member      Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  role        String
  /// The agent's own choice at the console: "available" or "away" (busy comes from calls).
  status      String   @default("away")
  idleSince   DateTime @default(now())
  missedInRow Int      @default(0)

  @@unique([merchantId, memberId])
  @@index([memberId])
}

model ProductCategory {
  id         String    @id @default(cuid())
  merchantId String
  merchant   Merchant  @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  name       String
  position   Int       @default(0)
  products   Product[]

  @@unique([merchantId, name])
}

model Product {
  id            String          @id @default(cuid())
  merchantId    String
  merchant      Merchant        @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  categoryId    String
  category      ProductCategory @relation(fields: [categoryId], references: [id], onDelete: Cascade)
  slug          String
  name          String
  description   String
  priceCents    Int
  currency      String          @default("EUR")
  ageRestricted Boolean         @default(false)
  /// A picture uploaded by the owner (storage key), else one drawn from \`emoji\` and the merchant's colours.
  imageKey      String?
  emoji         String
  createdAt     DateTime        @default(now())

  @@unique([merchantId, slug])
  @@index([categoryId])
}

/// A shopper's request to talk to a merchant: queued, ringing an agent, connected, then ended.
/// kind "callback": a shopper who left a message asked to be called back.
model MallCall {
  id              String     @id @default(cuid())
  merchantId      String
  merchant        Merchant   @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  kind            String     @default("call")
  shopperMemberId String?
  shopperGuestId  String?
  /// The client address a guest called from: open guest calls are bounded per address.
  shopperAddress  String?
  shopperName     String
  /// The page the shopper called from.
  fromPath        String
  status          String
  /// completed, left (the shopper gave up), closed (nobody online), message (left a message instead).
  outcome         String?
  /// The agent (member id) being rung or talking.
  agentId         String?
  ringUntil       DateTime?
  /// JSON array of member ids already rung for this request.
  tried           String     @default("[]")
  queuedAt        DateTime   @default(now())
  answeredAt      DateTime?
  endedAt         DateTime?
  endedBy         String?
  /// The product the agent last pushed to the shopper's screen.
  shownProductId  String?
  shopperCameraOn Boolean    @default(false)
  /// Refreshed while the shopper's page is open: a queue entry nobody is watching is dropped.
  shopperSeenAt   DateTime   @default(now())
  rings           MallRing[]
  order           Order?

  @@index([merchantId, status])
  @@index([agentId, status])
  @@index([shopperMemberId, status])
  @@index([shopperGuestId, status])
  @@index([shopperAddress, status])
}

/// One agent rung for one call, and what came of it: the figures per agent come from here.
model MallRing {
  id         String   @id @default(cuid())
  callId     String
  call       MallCall @relation(fields: [callId], references: [id], onDelete: Cascade)
  merchantId String
  agentId    String
  at         DateTime @default(now())
  /// ringing, answered, missed, declined, canceled
  result     String   @default("ringing")

  @@index([merchantId, at])
  @@index([callId])
}

model Order {
  id               String       @id @default(cuid())
  /// What the shopper quotes: short, readable.
  reference        String       @unique
  callId           String       @unique
  call             MallCall     @relation(fields: [callId], references: [id], onDelete: Cascade)
  merchantId       String
  merchant         Merchant     @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  agentId          String
  shopperMemberId  String?
  shopperGuestId   String?
  /// open, placed, abandoned
  status           String       @default("open")
  /// none, requested, verified, refused
  ageCheck         String       @default("none")
  signedName       String?
  /// Where the confirmation goes: the member's address, or the one a guest gave when signing.
  email            String?
  signedAt         DateTime?
  agentConfirmedAt DateTime?
  placedAt         DateTime?
  totalCents       Int          @default(0)
  currency         String       @default("EUR")
  /// No real payment is taken: a placed order records that payment is due.
  payment          String       @default("due")
  version          Int          @default(0)
  createdAt        DateTime     @default(now())
  items            OrderItem[]
  events           OrderEvent[]

  @@index([merchantId, createdAt])
  @@index([shopperMemberId])
}

model OrderItem {
  id            String  @id @default(cuid())
  orderId       String
  order         Order   @relation(fields: [orderId], references: [id], onDelete: Cascade)
  productId     String
  name          String
  priceCents    Int
  quantity      Int
  ageRestricted Boolean

  @@unique([orderId, productId])
}

/// The order's trail: every change and every verification step, with who took it.
model OrderEvent {
  id      String   @id @default(cuid())
  orderId String
  order   Order    @relation(fields: [orderId], references: [id], onDelete: Cascade)
  at      DateTime @default(now())
  /// agent, shopper or system
  actor   String
  actorId String?
  type    String
  detail  String   @default("")

  @@index([orderId, at])
}

/// Who is walking the mall now (for the avatars on the skyline): refreshed by their page, gone when stale.
model MallVisit {
  visitor      String   @id
  name         String
  merchantSlug String?
  lastSeenAt   DateTime @default(now())

  @@index([lastSeenAt])
}

/// Instant messages (issue 13): two members ("direct", one per pair) or a group of up to 100.
model Conversation {
  id            String                @id @default(cuid())
  /// direct or group.
  kind          String
  /// For a direct conversation, both member ids in order: one conversation per pair.
  directKey     String?               @unique
  title         String                @default("")
  /// The last sequence number given; the messages are 1 \u2026 lastSeq with no gap.
  lastSeq       Int                   @default(0)
  lastMessageAt DateTime?
  createdAt     DateTime              @default(now())
  members       ConversationMember[]
  messages      ConversationMessage[]
  group         Group?
}

model ConversationMember {
  conversationId String
  conversation   Conversation @relation(fields: [conversationId], references: [id], onDelete: Cascade)
  memberId       String
  member         Member       @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// Read up to here, on any of the member's devices. Only moves forward.
  readSeq        Int          @default(0)
  /// Reached one of the member's devices up to here. Only moves forward.
  deliveredSeq   Int          @default(0)
  /// accepted; request (someone not in the member's book wrote first: listed under "Requests"); or
  /// declined (hidden, and the member's devices are not told of new messages).
  state          String       @default("accepted")
  joinedAt       DateTime     @default(now())
  /// When this member's away auto-reply last went to this conversation (at most one an hour).
  autoRepliedAt  DateTime?

  @@id([conversationId, memberId])
  @@index([memberId])
}

model ConversationMessage {
  id             String       @id @default(cuid())
  conversationId String
  conversation   Conversation @relation(fields: [conversationId], references: [id], onDelete: Cascade)
  /// Its place in the conversation: given in the transaction that stores it, so 1, 2, 3 \u2026 with no gap.
  seq            Int
  senderId       String
  sender         Member       @relation(fields: [senderId], references: [id], onDelete: Cascade)
  /// The sender's own id for it (a UUIDv7): sending again with the same id is the same message.
  clientId       String
  /// text or file: shown in the thread; edit or delete: a change to the sender's message at
  /// targetSeq, given its own sequence so that a device catching up by sequence learns of it.
  kind           String       @default("text")
  targetSeq      Int?
  /// For text and edit: the text (an edit's is the new text). Emptied when the message is deleted.
  body           String
  replyToSeq     Int?
  /// For a file: where it is stored, its name as sent, its type from its bytes, its size; for an
  /// image also a thumbnail and its size in pixels.
  fileKey        String?
  fileName       String?
  fileType       String?
  fileSize       Int?
  thumbKey       String?
  width          Int?
  height         Int?
  editedAt       DateTime?
  deletedAt      DateTime?
  createdAt      DateTime     @default(now())

  @@unique([conversationId, seq])
  @@unique([senderId, clientId])
}

/// Every handle in use, a member's or a group's: one namespace, so /<handle> names one or the other,
/// and two claiming the same handle at once cannot both succeed (the key is this table's).
model Handle {
  handleKey String  @id
  memberId  String? @unique
  member    Member? @relation(fields: [memberId], references: [id], onDelete: Cascade)
  groupId   String? @unique
  group     Group?  @relation(fields: [groupId], references: [id], onDelete: Cascade)
}

/// A team, club, company or family: its own address, number, page, conversation and room.
model Group {
  id             String        @id @default(cuid())
  handle         String
  handleKey      String        @unique
  name           String
  /// " word word" lower-cased without accents, as Member.nameKey.
  nameKey        String        @default("")
  description    String        @default("")
  photoKey       String?
  /// In the directory's Groups, or reachable only by its address and number.
  listed         Boolean       @default(true)
  /// open: any signed-in member joins; request: admins approve; invite: by an invitation link only.
  access         String        @default("open")
  /// argon2id; asked of everyone who joins (not of invited people), when set.
  passwordHash   String?
  conversationId String?       @unique
  conversation   Conversation? @relation(fields: [conversationId], references: [id], onDelete: SetNull)
  createdAt      DateTime      @default(now())
  number         PhoneNumber?
  handleClaim    Handle?
  members        GroupMember[]
  invites        GroupInvite[]

  @@index([nameKey])
}

model GroupMember {
  groupId  String
  group    Group    @relation(fields: [groupId], references: [id], onDelete: Cascade)
  memberId String
  member   Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// owner (one per group), admin, member; or requested: asked to join, waiting for an admin.
  role     String   @default("member")
  joinedAt DateTime @default(now())

  @@id([groupId, memberId])
  @@index([memberId])
}

/// A link that lets people join (also a group by invitation only), until it expires, is used up or revoked.
model GroupInvite {
  id          String    @id @default(cuid())
  groupId     String
  group       Group     @relation(fields: [groupId], references: [id], onDelete: Cascade)
  /// SHA-256 of the link's secret: the database never holds a usable link.
  tokenHash   String    @unique
  createdById String
  expiresAt   DateTime
  maxUses     Int?
  uses        Int       @default(0)
  revokedAt   DateTime?
  createdAt   DateTime  @default(now())

  @@index([groupId])
}
`,
      "inlineSchemaHash": "7e1c793c6547340ee03aff91d6b92dc197d93e5d9e06000800de84d67c470d77",
      "copyEngine": true,
      "runtimeDataModel": {
        "models": {},
        "enums": {},
        "types": {}
      },
      "dirname": ""
    };
    config.runtimeDataModel = JSON.parse('{"models":{"Member":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"handle","kind":"scalar","type":"String"},{"name":"handleKey","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailKey","kind":"scalar","type":"String"},{"name":"passwordHash","kind":"scalar","type":"String"},{"name":"displayName","kind":"scalar","type":"String"},{"name":"birthDate","kind":"scalar","type":"DateTime"},{"name":"city","kind":"scalar","type":"String"},{"name":"interests","kind":"scalar","type":"String"},{"name":"photoKey","kind":"scalar","type":"String"},{"name":"listed","kind":"scalar","type":"Boolean"},{"name":"emailAddressable","kind":"scalar","type":"Boolean"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"cityKey","kind":"scalar","type":"String"},{"name":"presenceSetting","kind":"scalar","type":"String"},{"name":"presenceSeenAt","kind":"scalar","type":"DateTime"},{"name":"emailVerifiedAt","kind":"scalar","type":"DateTime"},{"name":"acceptsGuestMessages","kind":"scalar","type":"Boolean"},{"name":"messageDigests","kind":"scalar","type":"Boolean"},{"name":"messageDigestSentAt","kind":"scalar","type":"DateTime"},{"name":"presenceAudience","kind":"scalar","type":"String"},{"name":"presenceEveryoneDetail","kind":"scalar","type":"String"},{"name":"presenceContactDetail","kind":"scalar","type":"String"},{"name":"rosterVersion","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"MemberToPhoneNumber"},{"name":"connections","kind":"object","type":"PresenceConnection","relationName":"MemberToPresenceConnection"},{"name":"nameWords","kind":"object","type":"MemberNameWord","relationName":"MemberToMemberNameWord"},{"name":"callsMade","kind":"object","type":"Call","relationName":"caller"},{"name":"callsReceived","kind":"object","type":"Call","relationName":"callee"},{"name":"blocking","kind":"object","type":"Block","relationName":"blocker"},{"name":"blockedBy","kind":"object","type":"Block","relationName":"blocked"},{"name":"mailbox","kind":"object","type":"Message","relationName":"owner"},{"name":"staffOf","kind":"object","type":"MerchantStaff","relationName":"MemberToMerchantStaff"},{"name":"messagesSent","kind":"object","type":"Message","relationName":"sender"},{"name":"greetings","kind":"object","type":"Greeting","relationName":"GreetingToMember"},{"name":"emailVerifications","kind":"object","type":"EmailVerification","relationName":"EmailVerificationToMember"},{"name":"contacts","kind":"object","type":"Contact","relationName":"contactOwner"},{"name":"contactOf","kind":"object","type":"Contact","relationName":"contactOf"},{"name":"contactGroups","kind":"object","type":"ContactGroup","relationName":"ContactGroupToMember"},{"name":"hiddenFrom","kind":"object","type":"PresenceBlind","relationName":"blindOwner"},{"name":"blindedBy","kind":"object","type":"PresenceBlind","relationName":"blindHidden"},{"name":"availabilityAsks","kind":"object","type":"AvailabilityWatch","relationName":"asker"},{"name":"availabilityWatched","kind":"object","type":"AvailabilityWatch","relationName":"watched"},{"name":"conversations","kind":"object","type":"ConversationMember","relationName":"ConversationMemberToMember"},{"name":"chatSent","kind":"object","type":"ConversationMessage","relationName":"ConversationMessageToMember"},{"name":"handleClaim","kind":"object","type":"Handle","relationName":"HandleToMember"},{"name":"groups","kind":"object","type":"GroupMember","relationName":"GroupMemberToMember"},{"name":"routingRules","kind":"object","type":"RoutingRules","relationName":"MemberToRoutingRules"},{"name":"callLegs","kind":"object","type":"CallLeg","relationName":"CallLegToMember"}],"dbName":null},"Contact":{"fields":[{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"contactOwner"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"contact","kind":"object","type":"Member","relationName":"contactOf"},{"name":"sees","kind":"scalar","type":"String"},{"name":"preapproved","kind":"scalar","type":"Boolean"},{"name":"requestedAt","kind":"scalar","type":"DateTime"},{"name":"inBook","kind":"scalar","type":"Boolean"},{"name":"nickname","kind":"scalar","type":"String"},{"name":"note","kind":"scalar","type":"String"},{"name":"favourite","kind":"scalar","type":"Boolean"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"groups","kind":"object","type":"ContactGroupEntry","relationName":"ContactToContactGroupEntry"}],"dbName":null},"ContactGroup":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"ContactGroupToMember"},{"name":"name","kind":"scalar","type":"String"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"detail","kind":"scalar","type":"String"},{"name":"position","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"entries","kind":"object","type":"ContactGroupEntry","relationName":"ContactGroupToContactGroupEntry"}],"dbName":null},"ContactGroupEntry":{"fields":[{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"ContactGroup","relationName":"ContactGroupToContactGroupEntry"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"contact","kind":"object","type":"Contact","relationName":"ContactToContactGroupEntry"}],"dbName":null},"PresenceBlind":{"fields":[{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"blindOwner"},{"name":"hiddenFromId","kind":"scalar","type":"String"},{"name":"hiddenFrom","kind":"object","type":"Member","relationName":"blindHidden"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"AvailabilityWatch":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"askerId","kind":"scalar","type":"String"},{"name":"asker","kind":"object","type":"Member","relationName":"asker"},{"name":"watchedId","kind":"scalar","type":"String"},{"name":"watched","kind":"object","type":"Member","relationName":"watched"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"firedAt","kind":"scalar","type":"DateTime"},{"name":"firedBy","kind":"scalar","type":"String"},{"name":"canceledAt","kind":"scalar","type":"DateTime"},{"name":"openKey","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"}],"dbName":null},"MemberNameWord":{"fields":[{"name":"word","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToMemberNameWord"}],"dbName":null},"NumberSuffix":{"fields":[{"name":"suffix","kind":"scalar","type":"String"},{"name":"digits","kind":"scalar","type":"String"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"NumberSuffixToPhoneNumber"}],"dbName":null},"PhoneNumber":{"fields":[{"name":"digits","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToPhoneNumber"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToPhoneNumber"},{"name":"kind","kind":"scalar","type":"String"},{"name":"spelled","kind":"scalar","type":"String"},{"name":"word","kind":"scalar","type":"String"},{"name":"assignedAt","kind":"scalar","type":"DateTime"},{"name":"suffixes","kind":"object","type":"NumberSuffix","relationName":"NumberSuffixToPhoneNumber"}],"dbName":null},"NumberHold":{"fields":[{"name":"digits","kind":"scalar","type":"String"},{"name":"spelled","kind":"scalar","type":"String"},{"name":"holderToken","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"EmailVerification":{"fields":[{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"EmailVerificationToMember"},{"name":"emailKey","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"SenderQuota":{"fields":[{"name":"senderKey","kind":"scalar","type":"String"},{"name":"touchedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Counter":{"fields":[{"name":"name","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"Int"}],"dbName":null},"PresenceConnection":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToPresenceConnection"},{"name":"guestId","kind":"scalar","type":"String"},{"name":"nodeId","kind":"scalar","type":"String"},{"name":"deviceId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String"},{"name":"idle","kind":"scalar","type":"Boolean"},{"name":"connectedAt","kind":"scalar","type":"DateTime"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"}],"dbName":null},"RoutingRules":{"fields":[{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToRoutingRules"},{"name":"version","kind":"scalar","type":"Int"},{"name":"doc","kind":"scalar","type":"String"},{"name":"awayReply","kind":"scalar","type":"String"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"CallLeg":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"Call","relationName":"CallToCallLeg"},{"name":"position","kind":"scalar","type":"Int"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"CallLegToMember"},{"name":"rang","kind":"scalar","type":"String"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"result","kind":"scalar","type":"String"},{"name":"reason","kind":"scalar","type":"String"}],"dbName":null},"Call":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callerId","kind":"scalar","type":"String"},{"name":"caller","kind":"object","type":"Member","relationName":"caller"},{"name":"calleeId","kind":"scalar","type":"String"},{"name":"callee","kind":"object","type":"Member","relationName":"callee"},{"name":"kind","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"outcome","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"ringUntil","kind":"scalar","type":"DateTime"},{"name":"answeredAt","kind":"scalar","type":"DateTime"},{"name":"answeredDevice","kind":"scalar","type":"String"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"endedBy","kind":"scalar","type":"String"},{"name":"callerJoinedAt","kind":"scalar","type":"DateTime"},{"name":"calleeJoinedAt","kind":"scalar","type":"DateTime"},{"name":"calleeSeen","kind":"scalar","type":"Boolean"},{"name":"meantForId","kind":"scalar","type":"String"},{"name":"ringDevice","kind":"scalar","type":"String"},{"name":"plan","kind":"scalar","type":"String"},{"name":"note","kind":"scalar","type":"String"},{"name":"greeting","kind":"scalar","type":"String"},{"name":"legs","kind":"object","type":"CallLeg","relationName":"CallToCallLeg"}],"dbName":null},"Block":{"fields":[{"name":"blockerId","kind":"scalar","type":"String"},{"name":"blocker","kind":"object","type":"Member","relationName":"blocker"},{"name":"blockedId","kind":"scalar","type":"String"},{"name":"blocked","kind":"object","type":"Member","relationName":"blocked"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Upload":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"purpose","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"senderKey","kind":"scalar","type":"String"},{"name":"guestName","kind":"scalar","type":"String"},{"name":"guestEmail","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"length","kind":"scalar","type":"Int"},{"name":"offset","kind":"scalar","type":"Int"},{"name":"slot","kind":"scalar","type":"String"},{"name":"endsAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Message":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"owner"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"sender","kind":"object","type":"Member","relationName":"sender"},{"name":"senderKey","kind":"scalar","type":"String"},{"name":"guestName","kind":"scalar","type":"String"},{"name":"guestEmail","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"mediaKey","kind":"scalar","type":"String"},{"name":"mime","kind":"scalar","type":"String"},{"name":"thumbKey","kind":"scalar","type":"String"},{"name":"durationMs","kind":"scalar","type":"Int"},{"name":"sizeBytes","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"readAt","kind":"scalar","type":"DateTime"},{"name":"deletedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Greeting":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"GreetingToMember"},{"name":"slot","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"mediaKey","kind":"scalar","type":"String"},{"name":"mime","kind":"scalar","type":"String"},{"name":"durationMs","kind":"scalar","type":"Int"},{"name":"endsAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Merchant":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"category","kind":"scalar","type":"String"},{"name":"tagline","kind":"scalar","type":"String"},{"name":"color","kind":"scalar","type":"String"},{"name":"accent","kind":"scalar","type":"String"},{"name":"mark","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"routingVersion","kind":"scalar","type":"Int"},{"name":"staff","kind":"object","type":"MerchantStaff","relationName":"MerchantToMerchantStaff"},{"name":"categories","kind":"object","type":"ProductCategory","relationName":"MerchantToProductCategory"},{"name":"products","kind":"object","type":"Product","relationName":"MerchantToProduct"},{"name":"mallCalls","kind":"object","type":"MallCall","relationName":"MallCallToMerchant"},{"name":"orders","kind":"object","type":"Order","relationName":"MerchantToOrder"}],"dbName":null},"MerchantStaff":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToMerchantStaff"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToMerchantStaff"},{"name":"role","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"idleSince","kind":"scalar","type":"DateTime"},{"name":"missedInRow","kind":"scalar","type":"Int"}],"dbName":null},"ProductCategory":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToProductCategory"},{"name":"name","kind":"scalar","type":"String"},{"name":"position","kind":"scalar","type":"Int"},{"name":"products","kind":"object","type":"Product","relationName":"ProductToProductCategory"}],"dbName":null},"Product":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToProduct"},{"name":"categoryId","kind":"scalar","type":"String"},{"name":"category","kind":"object","type":"ProductCategory","relationName":"ProductToProductCategory"},{"name":"slug","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"priceCents","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"ageRestricted","kind":"scalar","type":"Boolean"},{"name":"imageKey","kind":"scalar","type":"String"},{"name":"emoji","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"MallCall":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MallCallToMerchant"},{"name":"kind","kind":"scalar","type":"String"},{"name":"shopperMemberId","kind":"scalar","type":"String"},{"name":"shopperGuestId","kind":"scalar","type":"String"},{"name":"shopperAddress","kind":"scalar","type":"String"},{"name":"shopperName","kind":"scalar","type":"String"},{"name":"fromPath","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"outcome","kind":"scalar","type":"String"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"ringUntil","kind":"scalar","type":"DateTime"},{"name":"tried","kind":"scalar","type":"String"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"answeredAt","kind":"scalar","type":"DateTime"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"endedBy","kind":"scalar","type":"String"},{"name":"shownProductId","kind":"scalar","type":"String"},{"name":"shopperCameraOn","kind":"scalar","type":"Boolean"},{"name":"shopperSeenAt","kind":"scalar","type":"DateTime"},{"name":"rings","kind":"object","type":"MallRing","relationName":"MallCallToMallRing"},{"name":"order","kind":"object","type":"Order","relationName":"MallCallToOrder"}],"dbName":null},"MallRing":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"MallCall","relationName":"MallCallToMallRing"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"result","kind":"scalar","type":"String"}],"dbName":null},"Order":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"reference","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"MallCall","relationName":"MallCallToOrder"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToOrder"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"shopperMemberId","kind":"scalar","type":"String"},{"name":"shopperGuestId","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"ageCheck","kind":"scalar","type":"String"},{"name":"signedName","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"signedAt","kind":"scalar","type":"DateTime"},{"name":"agentConfirmedAt","kind":"scalar","type":"DateTime"},{"name":"placedAt","kind":"scalar","type":"DateTime"},{"name":"totalCents","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"payment","kind":"scalar","type":"String"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"items","kind":"object","type":"OrderItem","relationName":"OrderToOrderItem"},{"name":"events","kind":"object","type":"OrderEvent","relationName":"OrderToOrderEvent"}],"dbName":null},"OrderItem":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"orderId","kind":"scalar","type":"String"},{"name":"order","kind":"object","type":"Order","relationName":"OrderToOrderItem"},{"name":"productId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"priceCents","kind":"scalar","type":"Int"},{"name":"quantity","kind":"scalar","type":"Int"},{"name":"ageRestricted","kind":"scalar","type":"Boolean"}],"dbName":null},"OrderEvent":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"orderId","kind":"scalar","type":"String"},{"name":"order","kind":"object","type":"Order","relationName":"OrderToOrderEvent"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"actor","kind":"scalar","type":"String"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"type","kind":"scalar","type":"String"},{"name":"detail","kind":"scalar","type":"String"}],"dbName":null},"MallVisit":{"fields":[{"name":"visitor","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"merchantSlug","kind":"scalar","type":"String"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Conversation":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"directKey","kind":"scalar","type":"String"},{"name":"title","kind":"scalar","type":"String"},{"name":"lastSeq","kind":"scalar","type":"Int"},{"name":"lastMessageAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"members","kind":"object","type":"ConversationMember","relationName":"ConversationToConversationMember"},{"name":"messages","kind":"object","type":"ConversationMessage","relationName":"ConversationToConversationMessage"},{"name":"group","kind":"object","type":"Group","relationName":"ConversationToGroup"}],"dbName":null},"ConversationMember":{"fields":[{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToConversationMember"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"ConversationMemberToMember"},{"name":"readSeq","kind":"scalar","type":"Int"},{"name":"deliveredSeq","kind":"scalar","type":"Int"},{"name":"state","kind":"scalar","type":"String"},{"name":"joinedAt","kind":"scalar","type":"DateTime"},{"name":"autoRepliedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"ConversationMessage":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToConversationMessage"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"sender","kind":"object","type":"Member","relationName":"ConversationMessageToMember"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"targetSeq","kind":"scalar","type":"Int"},{"name":"body","kind":"scalar","type":"String"},{"name":"replyToSeq","kind":"scalar","type":"Int"},{"name":"fileKey","kind":"scalar","type":"String"},{"name":"fileName","kind":"scalar","type":"String"},{"name":"fileType","kind":"scalar","type":"String"},{"name":"fileSize","kind":"scalar","type":"Int"},{"name":"thumbKey","kind":"scalar","type":"String"},{"name":"width","kind":"scalar","type":"Int"},{"name":"height","kind":"scalar","type":"Int"},{"name":"editedAt","kind":"scalar","type":"DateTime"},{"name":"deletedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Handle":{"fields":[{"name":"handleKey","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"HandleToMember"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToHandle"}],"dbName":null},"Group":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"handle","kind":"scalar","type":"String"},{"name":"handleKey","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"photoKey","kind":"scalar","type":"String"},{"name":"listed","kind":"scalar","type":"Boolean"},{"name":"access","kind":"scalar","type":"String"},{"name":"passwordHash","kind":"scalar","type":"String"},{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToGroup"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"GroupToPhoneNumber"},{"name":"handleClaim","kind":"object","type":"Handle","relationName":"GroupToHandle"},{"name":"members","kind":"object","type":"GroupMember","relationName":"GroupToGroupMember"},{"name":"invites","kind":"object","type":"GroupInvite","relationName":"GroupToGroupInvite"}],"dbName":null},"GroupMember":{"fields":[{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToGroupMember"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"GroupMemberToMember"},{"name":"role","kind":"scalar","type":"String"},{"name":"joinedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"GroupInvite":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToGroupInvite"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"createdById","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"maxUses","kind":"scalar","type":"Int"},{"name":"uses","kind":"scalar","type":"Int"},{"name":"revokedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null}},"enums":{},"types":{}}');
    config.engineWasm = void 0;
    config.compilerWasm = {
      getRuntime: async () => await import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs"),
      getQueryCompilerWasmModule: async () => {
        const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs");
        return await decodeBase64AsWasm(wasm);
      }
    };
  }
});

// lib/db/generated/postgres/internal/prismaNamespace.ts
var prismaNamespace_exports = {};
__export(prismaNamespace_exports, {
  AnyNull: () => AnyNull,
  AvailabilityWatchScalarFieldEnum: () => AvailabilityWatchScalarFieldEnum,
  BlockScalarFieldEnum: () => BlockScalarFieldEnum,
  CallLegScalarFieldEnum: () => CallLegScalarFieldEnum,
  CallScalarFieldEnum: () => CallScalarFieldEnum,
  ContactGroupEntryScalarFieldEnum: () => ContactGroupEntryScalarFieldEnum,
  ContactGroupScalarFieldEnum: () => ContactGroupScalarFieldEnum,
  ContactScalarFieldEnum: () => ContactScalarFieldEnum,
  ConversationMemberScalarFieldEnum: () => ConversationMemberScalarFieldEnum,
  ConversationMessageScalarFieldEnum: () => ConversationMessageScalarFieldEnum,
  ConversationScalarFieldEnum: () => ConversationScalarFieldEnum,
  CounterScalarFieldEnum: () => CounterScalarFieldEnum,
  DbNull: () => DbNull,
  Decimal: () => Decimal2,
  EmailVerificationScalarFieldEnum: () => EmailVerificationScalarFieldEnum,
  GreetingScalarFieldEnum: () => GreetingScalarFieldEnum,
  GroupInviteScalarFieldEnum: () => GroupInviteScalarFieldEnum,
  GroupMemberScalarFieldEnum: () => GroupMemberScalarFieldEnum,
  GroupScalarFieldEnum: () => GroupScalarFieldEnum,
  HandleScalarFieldEnum: () => HandleScalarFieldEnum,
  JsonNull: () => JsonNull,
  MallCallScalarFieldEnum: () => MallCallScalarFieldEnum,
  MallRingScalarFieldEnum: () => MallRingScalarFieldEnum,
  MallVisitScalarFieldEnum: () => MallVisitScalarFieldEnum,
  MemberNameWordScalarFieldEnum: () => MemberNameWordScalarFieldEnum,
  MemberScalarFieldEnum: () => MemberScalarFieldEnum,
  MerchantScalarFieldEnum: () => MerchantScalarFieldEnum,
  MerchantStaffScalarFieldEnum: () => MerchantStaffScalarFieldEnum,
  MessageScalarFieldEnum: () => MessageScalarFieldEnum,
  ModelName: () => ModelName,
  NullTypes: () => NullTypes,
  NullsOrder: () => NullsOrder,
  NumberHoldScalarFieldEnum: () => NumberHoldScalarFieldEnum,
  NumberSuffixScalarFieldEnum: () => NumberSuffixScalarFieldEnum,
  OrderEventScalarFieldEnum: () => OrderEventScalarFieldEnum,
  OrderItemScalarFieldEnum: () => OrderItemScalarFieldEnum,
  OrderScalarFieldEnum: () => OrderScalarFieldEnum,
  PhoneNumberScalarFieldEnum: () => PhoneNumberScalarFieldEnum,
  PresenceBlindScalarFieldEnum: () => PresenceBlindScalarFieldEnum,
  PresenceConnectionScalarFieldEnum: () => PresenceConnectionScalarFieldEnum,
  PrismaClientInitializationError: () => PrismaClientInitializationError2,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError2,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError2,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError2,
  PrismaClientValidationError: () => PrismaClientValidationError2,
  ProductCategoryScalarFieldEnum: () => ProductCategoryScalarFieldEnum,
  ProductScalarFieldEnum: () => ProductScalarFieldEnum,
  QueryMode: () => QueryMode,
  RoutingRulesScalarFieldEnum: () => RoutingRulesScalarFieldEnum,
  SenderQuotaScalarFieldEnum: () => SenderQuotaScalarFieldEnum,
  SortOrder: () => SortOrder,
  Sql: () => Sql2,
  TransactionIsolationLevel: () => TransactionIsolationLevel,
  UploadScalarFieldEnum: () => UploadScalarFieldEnum,
  defineExtension: () => defineExtension,
  empty: () => empty2,
  getExtensionContext: () => getExtensionContext,
  join: () => join2,
  prismaVersion: () => prismaVersion,
  raw: () => raw2,
  sql: () => sql
});
import * as runtime2 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError2, PrismaClientUnknownRequestError2, PrismaClientRustPanicError2, PrismaClientInitializationError2, PrismaClientValidationError2, sql, empty2, join2, raw2, Sql2, Decimal2, getExtensionContext, prismaVersion, NullTypes, DbNull, JsonNull, AnyNull, ModelName, TransactionIsolationLevel, MemberScalarFieldEnum, ContactScalarFieldEnum, ContactGroupScalarFieldEnum, ContactGroupEntryScalarFieldEnum, PresenceBlindScalarFieldEnum, AvailabilityWatchScalarFieldEnum, MemberNameWordScalarFieldEnum, NumberSuffixScalarFieldEnum, PhoneNumberScalarFieldEnum, NumberHoldScalarFieldEnum, EmailVerificationScalarFieldEnum, SenderQuotaScalarFieldEnum, CounterScalarFieldEnum, PresenceConnectionScalarFieldEnum, RoutingRulesScalarFieldEnum, CallLegScalarFieldEnum, CallScalarFieldEnum, BlockScalarFieldEnum, UploadScalarFieldEnum, MessageScalarFieldEnum, GreetingScalarFieldEnum, MerchantScalarFieldEnum, MerchantStaffScalarFieldEnum, ProductCategoryScalarFieldEnum, ProductScalarFieldEnum, MallCallScalarFieldEnum, MallRingScalarFieldEnum, OrderScalarFieldEnum, OrderItemScalarFieldEnum, OrderEventScalarFieldEnum, MallVisitScalarFieldEnum, ConversationScalarFieldEnum, ConversationMemberScalarFieldEnum, ConversationMessageScalarFieldEnum, HandleScalarFieldEnum, GroupScalarFieldEnum, GroupMemberScalarFieldEnum, GroupInviteScalarFieldEnum, SortOrder, QueryMode, NullsOrder, defineExtension;
var init_prismaNamespace = __esm({
  "lib/db/generated/postgres/internal/prismaNamespace.ts"() {
    "use strict";
    PrismaClientKnownRequestError2 = runtime2.PrismaClientKnownRequestError;
    PrismaClientUnknownRequestError2 = runtime2.PrismaClientUnknownRequestError;
    PrismaClientRustPanicError2 = runtime2.PrismaClientRustPanicError;
    PrismaClientInitializationError2 = runtime2.PrismaClientInitializationError;
    PrismaClientValidationError2 = runtime2.PrismaClientValidationError;
    sql = runtime2.sqltag;
    empty2 = runtime2.empty;
    join2 = runtime2.join;
    raw2 = runtime2.raw;
    Sql2 = runtime2.Sql;
    Decimal2 = runtime2.Decimal;
    getExtensionContext = runtime2.Extensions.getExtensionContext;
    prismaVersion = {
      client: "6.19.3",
      engine: "c2990dca591cba766e3b7ef5d9e8a84796e47ab7"
    };
    NullTypes = {
      DbNull: runtime2.objectEnumValues.classes.DbNull,
      JsonNull: runtime2.objectEnumValues.classes.JsonNull,
      AnyNull: runtime2.objectEnumValues.classes.AnyNull
    };
    DbNull = runtime2.objectEnumValues.instances.DbNull;
    JsonNull = runtime2.objectEnumValues.instances.JsonNull;
    AnyNull = runtime2.objectEnumValues.instances.AnyNull;
    ModelName = {
      Member: "Member",
      Contact: "Contact",
      ContactGroup: "ContactGroup",
      ContactGroupEntry: "ContactGroupEntry",
      PresenceBlind: "PresenceBlind",
      AvailabilityWatch: "AvailabilityWatch",
      MemberNameWord: "MemberNameWord",
      NumberSuffix: "NumberSuffix",
      PhoneNumber: "PhoneNumber",
      NumberHold: "NumberHold",
      EmailVerification: "EmailVerification",
      SenderQuota: "SenderQuota",
      Counter: "Counter",
      PresenceConnection: "PresenceConnection",
      RoutingRules: "RoutingRules",
      CallLeg: "CallLeg",
      Call: "Call",
      Block: "Block",
      Upload: "Upload",
      Message: "Message",
      Greeting: "Greeting",
      Merchant: "Merchant",
      MerchantStaff: "MerchantStaff",
      ProductCategory: "ProductCategory",
      Product: "Product",
      MallCall: "MallCall",
      MallRing: "MallRing",
      Order: "Order",
      OrderItem: "OrderItem",
      OrderEvent: "OrderEvent",
      MallVisit: "MallVisit",
      Conversation: "Conversation",
      ConversationMember: "ConversationMember",
      ConversationMessage: "ConversationMessage",
      Handle: "Handle",
      Group: "Group",
      GroupMember: "GroupMember",
      GroupInvite: "GroupInvite"
    };
    TransactionIsolationLevel = runtime2.makeStrictEnum({
      ReadUncommitted: "ReadUncommitted",
      ReadCommitted: "ReadCommitted",
      RepeatableRead: "RepeatableRead",
      Serializable: "Serializable"
    });
    MemberScalarFieldEnum = {
      id: "id",
      handle: "handle",
      handleKey: "handleKey",
      email: "email",
      emailKey: "emailKey",
      passwordHash: "passwordHash",
      displayName: "displayName",
      birthDate: "birthDate",
      city: "city",
      interests: "interests",
      photoKey: "photoKey",
      listed: "listed",
      emailAddressable: "emailAddressable",
      nameKey: "nameKey",
      cityKey: "cityKey",
      presenceSetting: "presenceSetting",
      presenceSeenAt: "presenceSeenAt",
      emailVerifiedAt: "emailVerifiedAt",
      acceptsGuestMessages: "acceptsGuestMessages",
      messageDigests: "messageDigests",
      messageDigestSentAt: "messageDigestSentAt",
      presenceAudience: "presenceAudience",
      presenceEveryoneDetail: "presenceEveryoneDetail",
      presenceContactDetail: "presenceContactDetail",
      rosterVersion: "rosterVersion",
      createdAt: "createdAt",
      updatedAt: "updatedAt"
    };
    ContactScalarFieldEnum = {
      ownerId: "ownerId",
      contactId: "contactId",
      sees: "sees",
      preapproved: "preapproved",
      requestedAt: "requestedAt",
      inBook: "inBook",
      nickname: "nickname",
      note: "note",
      favourite: "favourite",
      version: "version",
      createdAt: "createdAt",
      updatedAt: "updatedAt"
    };
    ContactGroupScalarFieldEnum = {
      id: "id",
      ownerId: "ownerId",
      name: "name",
      nameKey: "nameKey",
      detail: "detail",
      position: "position",
      createdAt: "createdAt"
    };
    ContactGroupEntryScalarFieldEnum = {
      groupId: "groupId",
      ownerId: "ownerId",
      contactId: "contactId"
    };
    PresenceBlindScalarFieldEnum = {
      ownerId: "ownerId",
      hiddenFromId: "hiddenFromId",
      createdAt: "createdAt"
    };
    AvailabilityWatchScalarFieldEnum = {
      id: "id",
      askerId: "askerId",
      watchedId: "watchedId",
      createdAt: "createdAt",
      expiresAt: "expiresAt",
      firedAt: "firedAt",
      firedBy: "firedBy",
      canceledAt: "canceledAt",
      openKey: "openKey",
      kind: "kind",
      callId: "callId"
    };
    MemberNameWordScalarFieldEnum = {
      word: "word",
      memberId: "memberId"
    };
    NumberSuffixScalarFieldEnum = {
      suffix: "suffix",
      digits: "digits"
    };
    PhoneNumberScalarFieldEnum = {
      digits: "digits",
      memberId: "memberId",
      groupId: "groupId",
      kind: "kind",
      spelled: "spelled",
      word: "word",
      assignedAt: "assignedAt"
    };
    NumberHoldScalarFieldEnum = {
      digits: "digits",
      spelled: "spelled",
      holderToken: "holderToken",
      expiresAt: "expiresAt",
      createdAt: "createdAt"
    };
    EmailVerificationScalarFieldEnum = {
      tokenHash: "tokenHash",
      memberId: "memberId",
      emailKey: "emailKey",
      expiresAt: "expiresAt",
      createdAt: "createdAt"
    };
    SenderQuotaScalarFieldEnum = {
      senderKey: "senderKey",
      touchedAt: "touchedAt"
    };
    CounterScalarFieldEnum = {
      name: "name",
      value: "value"
    };
    PresenceConnectionScalarFieldEnum = {
      id: "id",
      memberId: "memberId",
      guestId: "guestId",
      nodeId: "nodeId",
      deviceId: "deviceId",
      address: "address",
      userAgent: "userAgent",
      idle: "idle",
      connectedAt: "connectedAt",
      lastSeenAt: "lastSeenAt"
    };
    RoutingRulesScalarFieldEnum = {
      memberId: "memberId",
      version: "version",
      doc: "doc",
      awayReply: "awayReply",
      updatedAt: "updatedAt"
    };
    CallLegScalarFieldEnum = {
      id: "id",
      callId: "callId",
      position: "position",
      memberId: "memberId",
      rang: "rang",
      startedAt: "startedAt",
      endedAt: "endedAt",
      result: "result",
      reason: "reason"
    };
    CallScalarFieldEnum = {
      id: "id",
      callerId: "callerId",
      calleeId: "calleeId",
      kind: "kind",
      status: "status",
      outcome: "outcome",
      createdAt: "createdAt",
      ringUntil: "ringUntil",
      answeredAt: "answeredAt",
      answeredDevice: "answeredDevice",
      endedAt: "endedAt",
      endedBy: "endedBy",
      callerJoinedAt: "callerJoinedAt",
      calleeJoinedAt: "calleeJoinedAt",
      calleeSeen: "calleeSeen",
      meantForId: "meantForId",
      ringDevice: "ringDevice",
      plan: "plan",
      note: "note",
      greeting: "greeting"
    };
    BlockScalarFieldEnum = {
      blockerId: "blockerId",
      blockedId: "blockedId",
      createdAt: "createdAt"
    };
    UploadScalarFieldEnum = {
      id: "id",
      tokenHash: "tokenHash",
      purpose: "purpose",
      ownerId: "ownerId",
      senderId: "senderId",
      senderKey: "senderKey",
      guestName: "guestName",
      guestEmail: "guestEmail",
      callId: "callId",
      kind: "kind",
      length: "length",
      offset: "offset",
      slot: "slot",
      endsAt: "endsAt",
      createdAt: "createdAt",
      expiresAt: "expiresAt"
    };
    MessageScalarFieldEnum = {
      id: "id",
      ownerId: "ownerId",
      senderId: "senderId",
      senderKey: "senderKey",
      guestName: "guestName",
      guestEmail: "guestEmail",
      callId: "callId",
      kind: "kind",
      mediaKey: "mediaKey",
      mime: "mime",
      thumbKey: "thumbKey",
      durationMs: "durationMs",
      sizeBytes: "sizeBytes",
      createdAt: "createdAt",
      readAt: "readAt",
      deletedAt: "deletedAt"
    };
    GreetingScalarFieldEnum = {
      id: "id",
      memberId: "memberId",
      slot: "slot",
      kind: "kind",
      mediaKey: "mediaKey",
      mime: "mime",
      durationMs: "durationMs",
      endsAt: "endsAt",
      createdAt: "createdAt"
    };
    MerchantScalarFieldEnum = {
      id: "id",
      slug: "slug",
      name: "name",
      category: "category",
      tagline: "tagline",
      color: "color",
      accent: "accent",
      mark: "mark",
      createdAt: "createdAt",
      routingVersion: "routingVersion"
    };
    MerchantStaffScalarFieldEnum = {
      id: "id",
      merchantId: "merchantId",
      memberId: "memberId",
      role: "role",
      status: "status",
      idleSince: "idleSince",
      missedInRow: "missedInRow"
    };
    ProductCategoryScalarFieldEnum = {
      id: "id",
      merchantId: "merchantId",
      name: "name",
      position: "position"
    };
    ProductScalarFieldEnum = {
      id: "id",
      merchantId: "merchantId",
      categoryId: "categoryId",
      slug: "slug",
      name: "name",
      description: "description",
      priceCents: "priceCents",
      currency: "currency",
      ageRestricted: "ageRestricted",
      imageKey: "imageKey",
      emoji: "emoji",
      createdAt: "createdAt"
    };
    MallCallScalarFieldEnum = {
      id: "id",
      merchantId: "merchantId",
      kind: "kind",
      shopperMemberId: "shopperMemberId",
      shopperGuestId: "shopperGuestId",
      shopperAddress: "shopperAddress",
      shopperName: "shopperName",
      fromPath: "fromPath",
      status: "status",
      outcome: "outcome",
      agentId: "agentId",
      ringUntil: "ringUntil",
      tried: "tried",
      queuedAt: "queuedAt",
      answeredAt: "answeredAt",
      endedAt: "endedAt",
      endedBy: "endedBy",
      shownProductId: "shownProductId",
      shopperCameraOn: "shopperCameraOn",
      shopperSeenAt: "shopperSeenAt"
    };
    MallRingScalarFieldEnum = {
      id: "id",
      callId: "callId",
      merchantId: "merchantId",
      agentId: "agentId",
      at: "at",
      result: "result"
    };
    OrderScalarFieldEnum = {
      id: "id",
      reference: "reference",
      callId: "callId",
      merchantId: "merchantId",
      agentId: "agentId",
      shopperMemberId: "shopperMemberId",
      shopperGuestId: "shopperGuestId",
      status: "status",
      ageCheck: "ageCheck",
      signedName: "signedName",
      email: "email",
      signedAt: "signedAt",
      agentConfirmedAt: "agentConfirmedAt",
      placedAt: "placedAt",
      totalCents: "totalCents",
      currency: "currency",
      payment: "payment",
      version: "version",
      createdAt: "createdAt"
    };
    OrderItemScalarFieldEnum = {
      id: "id",
      orderId: "orderId",
      productId: "productId",
      name: "name",
      priceCents: "priceCents",
      quantity: "quantity",
      ageRestricted: "ageRestricted"
    };
    OrderEventScalarFieldEnum = {
      id: "id",
      orderId: "orderId",
      at: "at",
      actor: "actor",
      actorId: "actorId",
      type: "type",
      detail: "detail"
    };
    MallVisitScalarFieldEnum = {
      visitor: "visitor",
      name: "name",
      merchantSlug: "merchantSlug",
      lastSeenAt: "lastSeenAt"
    };
    ConversationScalarFieldEnum = {
      id: "id",
      kind: "kind",
      directKey: "directKey",
      title: "title",
      lastSeq: "lastSeq",
      lastMessageAt: "lastMessageAt",
      createdAt: "createdAt"
    };
    ConversationMemberScalarFieldEnum = {
      conversationId: "conversationId",
      memberId: "memberId",
      readSeq: "readSeq",
      deliveredSeq: "deliveredSeq",
      state: "state",
      joinedAt: "joinedAt",
      autoRepliedAt: "autoRepliedAt"
    };
    ConversationMessageScalarFieldEnum = {
      id: "id",
      conversationId: "conversationId",
      seq: "seq",
      senderId: "senderId",
      clientId: "clientId",
      kind: "kind",
      targetSeq: "targetSeq",
      body: "body",
      replyToSeq: "replyToSeq",
      fileKey: "fileKey",
      fileName: "fileName",
      fileType: "fileType",
      fileSize: "fileSize",
      thumbKey: "thumbKey",
      width: "width",
      height: "height",
      editedAt: "editedAt",
      deletedAt: "deletedAt",
      createdAt: "createdAt"
    };
    HandleScalarFieldEnum = {
      handleKey: "handleKey",
      memberId: "memberId",
      groupId: "groupId"
    };
    GroupScalarFieldEnum = {
      id: "id",
      handle: "handle",
      handleKey: "handleKey",
      name: "name",
      nameKey: "nameKey",
      description: "description",
      photoKey: "photoKey",
      listed: "listed",
      access: "access",
      passwordHash: "passwordHash",
      conversationId: "conversationId",
      createdAt: "createdAt"
    };
    GroupMemberScalarFieldEnum = {
      groupId: "groupId",
      memberId: "memberId",
      role: "role",
      joinedAt: "joinedAt"
    };
    GroupInviteScalarFieldEnum = {
      id: "id",
      groupId: "groupId",
      tokenHash: "tokenHash",
      createdById: "createdById",
      expiresAt: "expiresAt",
      maxUses: "maxUses",
      uses: "uses",
      revokedAt: "revokedAt",
      createdAt: "createdAt"
    };
    SortOrder = {
      asc: "asc",
      desc: "desc"
    };
    QueryMode = {
      default: "default",
      insensitive: "insensitive"
    };
    NullsOrder = {
      first: "first",
      last: "last"
    };
    defineExtension = runtime2.Extensions.defineExtension;
  }
});

// lib/db/generated/postgres/enums.ts
var enums_exports = {};
var init_enums = __esm({
  "lib/db/generated/postgres/enums.ts"() {
    "use strict";
  }
});

// lib/db/generated/postgres/client.ts
var client_exports = {};
__export(client_exports, {
  $Enums: () => enums_exports,
  Prisma: () => prismaNamespace_exports,
  PrismaClient: () => PrismaClient
});
import * as path2 from "node:path";
import { fileURLToPath } from "node:url";
var PrismaClient;
var init_client = __esm({
  "lib/db/generated/postgres/client.ts"() {
    "use strict";
    init_class();
    init_prismaNamespace();
    init_enums();
    init_enums();
    globalThis["__dirname"] = path2.dirname(fileURLToPath(import.meta.url));
    PrismaClient = getPrismaClientClass(__dirname);
  }
});

// lib/db/generated/sqlite/internal/class.ts
import * as runtime3 from "@prisma/client/runtime/client";
async function decodeBase64AsWasm2(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
function getPrismaClientClass2(dirname3) {
  config2.dirname = dirname3;
  return runtime3.getPrismaClient(config2);
}
var config2;
var init_class2 = __esm({
  "lib/db/generated/sqlite/internal/class.ts"() {
    "use strict";
    config2 = {
      "generator": {
        "name": "client",
        "provider": {
          "fromEnvVar": null,
          "value": "prisma-client"
        },
        "output": {
          "value": "/work/main/lib/db/generated/sqlite",
          "fromEnvVar": null
        },
        "config": {
          "moduleFormat": "esm",
          "engineType": "client",
          "runtime": "nodejs"
        },
        "binaryTargets": [
          {
            "fromEnvVar": null,
            "value": "debian-openssl-3.0.x",
            "native": true
          }
        ],
        "previewFeatures": [],
        "sourceFilePath": "/work/main/prisma/schema.prisma",
        "isCustomOutput": true
      },
      "relativePath": "../../../../prisma",
      "clientVersion": "6.19.3",
      "engineVersion": "c2990dca591cba766e3b7ef5d9e8a84796e47ab7",
      "datasourceNames": [
        "db"
      ],
      "activeProvider": "sqlite",
      "postinstall": false,
      "inlineDatasources": {
        "db": {
          "url": {
            "fromEnvVar": null,
            "value": "file:unused"
          }
        }
      },
      "inlineSchema": `// Source of truth for the data model. prisma/postgres/schema.prisma is generated
// from this file by scripts/db/gen-postgres-schema.ts; edit only this one.

generator client {
  provider     = "prisma-client"
  output       = "../lib/db/generated/sqlite"
  engineType   = "client"
  runtime      = "nodejs"
  moduleFormat = "esm"
}

datasource db {
  provider = "sqlite"
  // Unused: prisma.config.ts connects through a driver adapter built from DATABASE_URL.
  url      = "file:unused"
}

/// A registered person. Keys (\`handleKey\`, \`emailKey\`) hold the normalised,
/// case-folded form so that uniqueness is enforced by the database itself.
model Member {
  id                     String                @id @default(cuid())
  handle                 String
  handleKey              String                @unique
  email                  String
  emailKey               String                @unique
  passwordHash           String
  displayName            String
  birthDate              DateTime
  city                   String
  /// JSON array of strings.
  interests              String                @default("[]")
  photoKey               String?
  listed                 Boolean               @default(true)
  /// Whether /<email> may redirect to this member's page.
  emailAddressable       Boolean               @default(false)
  /// Search keys: " word word" lower-cased without accents, so a name prefix is a substring " pre".
  nameKey                String                @default("")
  cityKey                String                @default("")
  /// The status the member chose: online, away, dnd or invisible (busy is automatic).
  presenceSetting        String                @default("online")
  /// When the member's last presence connection closed: a call placed within the reconnect grace
  /// (a page reloading, a short network drop) still rings instead of ending "unavailable".
  presenceSeenAt         DateTime?
  /// When the member proved the address by the mailed link; until then only that link is mailed to it.
  emailVerifiedAt        DateTime?
  /// False: guests (signed out) cannot leave messages; members still can, unless blocked.
  acceptsGuestMessages   Boolean               @default(true)
  /// Unread instant messages by email after MESSAGE_DIGEST_AFTER_SECONDS away (lib/messages/digest.ts).
  messageDigests         Boolean               @default(true)
  /// When the last digest went out: none again until the member has been back (presenceSeenAt later).
  messageDigestSentAt    DateTime?
  /// Who sees the member's presence (lib/presence/visibility.ts): everyone, contacts or nobody;
  /// the detail for people who are not contacts, and for contacts whose groups set none: full or basic.
  presenceAudience       String                @default("everyone")
  presenceEveryoneDetail String                @default("full")
  presenceContactDetail  String                @default("full")
  /// Bumped on every change to the member's address book; each entry keeps the version it changed at.
  rosterVersion          Int                   @default(0)
  createdAt              DateTime              @default(now())
  updatedAt              DateTime              @updatedAt
  number                 PhoneNumber?
  connections            PresenceConnection[]
  nameWords              MemberNameWord[]
  callsMade              Call[]                @relation("caller")
  callsReceived          Call[]                @relation("callee")
  blocking               Block[]               @relation("blocker")
  blockedBy              Block[]               @relation("blocked")
  mailbox                Message[]             @relation("owner")
  staffOf                MerchantStaff[]
  messagesSent           Message[]             @relation("sender")
  greetings              Greeting[]
  emailVerifications     EmailVerification[]
  contacts               Contact[]             @relation("contactOwner")
  contactOf              Contact[]             @relation("contactOf")
  contactGroups          ContactGroup[]
  hiddenFrom             PresenceBlind[]       @relation("blindOwner")
  blindedBy              PresenceBlind[]       @relation("blindHidden")
  availabilityAsks       AvailabilityWatch[]   @relation("asker")
  availabilityWatched    AvailabilityWatch[]   @relation("watched")
  conversations          ConversationMember[]
  chatSent               ConversationMessage[]
  handleClaim            Handle?
  groups                 GroupMember[]
  routingRules           RoutingRules?
  callLegs               CallLeg[]

  /// Both read in order by directory searches (lib/directory/search-members.ts), so they end in id.
  /// \`listed\` is left out on purpose: nearly everyone is listed, and an index that starts with it
  /// lured SQLite's planner away from the city index when statistics were missing.
  @@index([cityKey, nameKey, id])
  @@index([nameKey, id])
}

/// One direction of a presence subscription, "owner sees contact" (lib/contacts/subscription.ts), and
/// the owner's address-book entry for the contact. A pair is two rows, always written together under
/// a lock on both members; a row may exist outside the book only to hold the other direction.
model Contact {
  ownerId     String
  owner       Member              @relation("contactOwner", fields: [ownerId], references: [id], onDelete: Cascade)
  contactId   String
  contact     Member              @relation("contactOf", fields: [contactId], references: [id], onDelete: Cascade)
  /// none, pending or approved.
  sees        String              @default("none")
  /// The contact agreed in advance that the owner may see them.
  preapproved Boolean             @default(false)
  requestedAt DateTime?
  /// Shown in the owner's address book.
  inBook      Boolean             @default(false)
  nickname    String              @default("")
  note        String              @default("")
  favourite   Boolean             @default(false)
  /// The owner's rosterVersion when this row last changed (a client fetches what changed since).
  version     Int                 @default(0)
  createdAt   DateTime            @default(now())
  updatedAt   DateTime            @updatedAt
  groups      ContactGroupEntry[]

  @@id([ownerId, contactId])
  @@index([contactId])
  @@index([ownerId, version])
}

/// A named group of the owner's contacts (Family, Work\u2026), with its own presence detail or none.
model ContactGroup {
  id        String              @id @default(cuid())
  ownerId   String
  owner     Member              @relation(fields: [ownerId], references: [id], onDelete: Cascade)
  name      String
  /// The name lower-cased without accents: one group per name.
  nameKey   String
  /// full, basic, or "" for the owner's detail for contacts.
  detail    String              @default("")
  position  Int                 @default(0)
  createdAt DateTime            @default(now())
  entries   ContactGroupEntry[]

  @@unique([ownerId, nameKey])
}

model ContactGroupEntry {
  groupId   String
  group     ContactGroup @relation(fields: [groupId], references: [id], onDelete: Cascade)
  ownerId   String
  contactId String
  contact   Contact      @relation(fields: [ownerId, contactId], references: [ownerId, contactId], onDelete: Cascade)

  @@id([groupId, contactId])
  @@index([ownerId, contactId])
}

/// "Appear offline to": the owner's presence never reaches this member, whatever else holds.
model PresenceBlind {
  ownerId      String
  owner        Member   @relation("blindOwner", fields: [ownerId], references: [id], onDelete: Cascade)
  hiddenFromId String
  hiddenFrom   Member   @relation("blindHidden", fields: [hiddenFromId], references: [id], onDelete: Cascade)
  createdAt    DateTime @default(now())

  @@id([ownerId, hiddenFromId])
  @@index([hiddenFromId])
}

/// "Tell me when available": one-shot, until firedAt or expiresAt; one open ask per pair.
model AvailabilityWatch {
  id         String    @id @default(cuid())
  askerId    String
  asker      Member    @relation("asker", fields: [askerId], references: [id], onDelete: Cascade)
  watchedId  String
  watched    Member    @relation("watched", fields: [watchedId], references: [id], onDelete: Cascade)
  createdAt  DateTime  @default(now())
  expiresAt  DateTime
  /// When the notice went out (live, or by email to a verified address), or null while open.
  firedAt    DateTime?
  /// "live" or "email".
  firedBy    String?
  canceledAt DateTime?
  /// askerId + watchedId while open, null once fired or canceled: the unique key allows one open ask.
  openKey    String?   @unique
  /// "notify" (tell me when available) or "callback" (call me when free, asked after a call; the
  /// member asked about sees it, and both are offered the call).
  kind       String    @default("notify")
  /// The call that ended unanswered, for a callback.
  callId     String?

  @@index([watchedId, firedAt])
  @@index([askerId, createdAt])
}

/// Search index for names: one row per word of the name, holding the name from
/// that word on ("chloe dubois", "dubois"), so a prefix of any word is a range scan.
model MemberNameWord {
  word     String
  memberId String
  member   Member @relation(fields: [memberId], references: [id], onDelete: Cascade)

  @@id([word, memberId])
  @@index([memberId])
}

/// Search index for digits inside numbers: every suffix of two or more digits,
/// so "contains 5563" is a range scan on suffixes starting with 5563.
model NumberSuffix {
  suffix String
  digits String
  number PhoneNumber @relation(fields: [digits], references: [digits], onDelete: Cascade)

  @@id([suffix, digits])
  @@index([digits])
}

/// A permanent communication number. Rows are never deleted: a number whose
/// member is gone keeps its row (memberId null), so it can never be handed out again.
model PhoneNumber {
  digits     String         @id
  memberId   String?        @unique
  member     Member?        @relation(fields: [memberId], references: [id], onDelete: SetNull)
  /// A group's number: from the same sequence and picker as members', so a number names one or the other.
  groupId    String?        @unique
  group      Group?         @relation(fields: [groupId], references: [id], onDelete: SetNull)
  /// "sequential" or "vanity"
  kind       String
  /// The number as its owner shows it, keypad letters in place ("2222222PIZZA"); null: digits only.
  spelled    String?
  /// The letters of \`spelled\` from the first to the last ("PIZZA"): dialled and addressed on their own.
  word       String?
  assignedAt DateTime       @default(now())
  suffixes   NumberSuffix[]

  @@index([word])
}

/// A vanity number reserved for one browser while its owner finishes registering.
model NumberHold {
  digits      String   @id
  /// The picker's spelling ("2222222PIZZA"): the registered number keeps it.
  spelled     String?
  holderToken String
  expiresAt   DateTime
  createdAt   DateTime @default(now())

  @@index([holderToken])
  @@index([expiresAt])
}

/// A mailed email-verification link: only the token's SHA-256 is stored; deleted when used.
model EmailVerification {
  tokenHash String   @id
  memberId  String
  member    Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// The address the link was sent to: changing the email later does not verify the new one.
  emailKey  String
  expiresAt DateTime
  createdAt DateTime @default(now())

  @@index([memberId])
}

/// One row per sender of messages, locked (upserted) before counting their last hour, so that
/// concurrent uploads from one sender are counted one after another.
model SenderQuota {
  senderKey String   @id
  touchedAt DateTime
}

/// Named monotonic counters (the number sequence).
model Counter {
  name  String @id
  value Int    @default(0)
}

/// One held-open connection to a presence node. Written in batches by the node;
/// refreshed on the node's heartbeat. A row whose lastSeenAt is older than the
/// expiry (lib/presence/constants.ts) counts for nothing, so a crashed node's
/// members fall offline on their own.
model PresenceConnection {
  id          String   @id
  memberId    String?
  member      Member?  @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// Guests (mall shoppers, mailbox visitors) have an id but no member row.
  guestId     String?
  nodeId      String
  deviceId    String
  address     String
  userAgent   String
  /// No input on this connection for the auto-away time.
  idle        Boolean  @default(false)
  connectedAt DateTime
  /// Rewritten for every row of a node by its heartbeat (every 15 s): no index holds it, so that
  /// write touches the rows alone (a third of the time with 16,000 rows on SQLite, bench/presence.ts).
  lastSeenAt  DateTime

  @@index([memberId])
  @@index([nodeId])
}

/// One call between two members, and its LiveKit room ("call-<id>"). The state
/// machine is lib/calls/state.ts; a transition is stored only if \`status\` is still
/// what it was computed from, which settles races between devices.
/// A member's call routing rules: one JSON document (lib/calls/routing/rules.ts), versioned so that
/// two editors cannot overwrite each other unseen.
model RoutingRules {
  memberId  String   @id
  member    Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  version   Int      @default(1)
  doc       String
  /// The document's away auto-reply, also here so that senders find who has one without parsing documents.
  awayReply String   @default("")
  updatedAt DateTime @updatedAt
}

/// One step of a call's path, in order: whose devices rang (or whose rules sent it on) and how it ended.
model CallLeg {
  id        String    @id @default(cuid())
  callId    String
  call      Call      @relation(fields: [callId], references: [id], onDelete: Cascade)
  position  Int
  memberId  String
  member    Member    @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// The devices that rang, as labels joined by ", " ("" when nothing rang).
  rang      String    @default("")
  startedAt DateTime
  endedAt   DateTime?
  /// Once over: answered, forwarded, missed, declined, canceled, busy, unavailable, mailbox or loop.
  result    String?
  /// Why the rules did what they did ("Rule \u201COffice hours\u201D").
  reason    String    @default("")

  @@unique([callId, position])
  @@index([memberId, startedAt])
}

model Call {
  id             String    @id @default(cuid())
  callerId       String
  caller         Member    @relation("caller", fields: [callerId], references: [id], onDelete: Cascade)
  calleeId       String
  callee         Member    @relation("callee", fields: [calleeId], references: [id], onDelete: Cascade)
  /// "video" or "voice"
  kind           String
  /// "ringing", "connected" or "ended"
  status         String
  /// completed, missed, declined, canceled, busy or unavailable, once ended
  outcome        String?
  createdAt      DateTime  @default(now())
  ringUntil      DateTime
  answeredAt     DateTime?
  answeredDevice String?
  endedAt        DateTime?
  endedBy        String?
  /// From LiveKit's webhooks: when each party's media joined the room.
  callerJoinedAt DateTime?
  calleeJoinedAt DateTime?
  /// A missed call stays marked in the callee's history until they have looked.
  calleeSeen     Boolean   @default(true)
  /// The member first called, when routing rules forwarded the call on (calleeId is who it rings now).
  meantForId     String?
  /// The one device ringing now when the callee's rules ring devices in turn; null rings them all.
  ringDevice     String?
  /// What follows when ringUntil passes, as JSON (lib/calls/routing/plan.ts); null: the call is missed.
  plan           String?
  /// The text a rule declined the call with, shown to the caller.
  note           String?
  /// The greeting slot a rule chose for the caller's message (standard or temporary); null: the current one.
  greeting       String?
  legs           CallLeg[]

  @@index([callerId, createdAt])
  @@index([calleeId, createdAt])
  @@index([status, ringUntil])
}

/// \`blocker\` takes no calls (and later no messages) from \`blocked\`.
model Block {
  blockerId String
  blocker   Member   @relation("blocker", fields: [blockerId], references: [id], onDelete: Cascade)
  blockedId String
  blocked   Member   @relation("blocked", fields: [blockedId], references: [id], onDelete: Cascade)
  createdAt DateTime @default(now())

  @@id([blockerId, blockedId])
  @@index([blockedId])
}

/// A recording on its way in: bytes land in the data folder's upload area until \`length\` arrive.
/// The token (hashed) lets whoever created it, signed in or not, append and nobody else.
model Upload {
  id         String    @id @default(cuid())
  tokenHash  String
  /// "message" for someone's mailbox, "greeting" for the owner's own greeting.
  purpose    String
  ownerId    String
  senderId   String?
  /// Who to count against the hourly limit: "m:<member id>" or "ip:<address>" for a guest.
  senderKey  String
  guestName  String?
  guestEmail String?
  callId     String?
  kind       String
  length     Int
  offset     Int       @default(0)
  /// For a greeting: "standard" or "temporary", and until when a temporary one plays.
  slot       String?
  endsAt     DateTime?
  createdAt  DateTime  @default(now())
  expiresAt  DateTime

  @@index([expiresAt])
  @@index([senderKey, createdAt])
}

/// A finalized recording in a member's mailbox. \`deletedAt\` puts it in the trash for 30 days.
model Message {
  id         String    @id @default(cuid())
  ownerId    String
  owner      Member    @relation("owner", fields: [ownerId], references: [id], onDelete: Cascade)
  senderId   String?
  sender     Member?   @relation("sender", fields: [senderId], references: [id], onDelete: SetNull)
  senderKey  String
  guestName  String?
  guestEmail String?
  callId     String?
  kind       String
  mediaKey   String
  mime       String
  thumbKey   String?
  durationMs Int
  sizeBytes  Int
  createdAt  DateTime  @default(now())
  readAt     DateTime?
  deletedAt  DateTime?

  @@index([ownerId, deletedAt, createdAt])
  @@index([senderKey, createdAt])
  @@index([deletedAt])
}

/// The owner's greeting: a standard one, and a temporary one that overrides it until \`endsAt\`.
model Greeting {
  id         String    @id @default(cuid())
  memberId   String
  member     Member    @relation(fields: [memberId], references: [id], onDelete: Cascade)
  slot       String
  kind       String
  mediaKey   String
  mime       String
  durationMs Int
  endsAt     DateTime?
  createdAt  DateTime  @default(now())

  @@unique([memberId, slot])
}

/// A shop in the mall. Its mailbox is its owner's (messages when no agent is free).
model Merchant {
  id             String            @id @default(cuid())
  slug           String            @unique
  name           String
  category       String
  tagline        String
  /// Brand colours for the logo and the building (hex, "#rrggbb").
  color          String
  accent         String
  /// A short mark drawn on the logo (1\u20133 characters or an emoji).
  mark           String
  createdAt      DateTime          @default(now())
  /// Bumped by every routing step: the row lock that serializes them on PostgreSQL.
  routingVersion Int               @default(0)
  staff          MerchantStaff[]
  categories     ProductCategory[]
  products       Product[]
  mallCalls      MallCall[]
  orders         Order[]
}

/// A member working for a merchant: "owner" manages the storefront and agents; "agent" takes calls.
model MerchantStaff {
  id          String   @id @default(cuid())
  merchantId  String
  merchant    Merchant @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  memberId    String
  member      Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  role        String
  /// The agent's own choice at the console: "available" or "away" (busy comes from calls).
  status      String   @default("away")
  idleSince   DateTime @default(now())
  missedInRow Int      @default(0)

  @@unique([merchantId, memberId])
  @@index([memberId])
}

model ProductCategory {
  id         String    @id @default(cuid())
  merchantId String
  merchant   Merchant  @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  name       String
  position   Int       @default(0)
  products   Product[]

  @@unique([merchantId, name])
}

model Product {
  id            String          @id @default(cuid())
  merchantId    String
  merchant      Merchant        @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  categoryId    String
  category      ProductCategory @relation(fields: [categoryId], references: [id], onDelete: Cascade)
  slug          String
  name          String
  description   String
  priceCents    Int
  currency      String          @default("EUR")
  ageRestricted Boolean         @default(false)
  /// A picture uploaded by the owner (storage key), else one drawn from \`emoji\` and the merchant's colours.
  imageKey      String?
  emoji         String
  createdAt     DateTime        @default(now())

  @@unique([merchantId, slug])
  @@index([categoryId])
}

/// A shopper's request to talk to a merchant: queued, ringing an agent, connected, then ended.
/// kind "callback": a shopper who left a message asked to be called back.
model MallCall {
  id              String     @id @default(cuid())
  merchantId      String
  merchant        Merchant   @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  kind            String     @default("call")
  shopperMemberId String?
  shopperGuestId  String?
  /// The client address a guest called from: open guest calls are bounded per address.
  shopperAddress  String?
  shopperName     String
  /// The page the shopper called from.
  fromPath        String
  status          String
  /// completed, left (the shopper gave up), closed (nobody online), message (left a message instead).
  outcome         String?
  /// The agent (member id) being rung or talking.
  agentId         String?
  ringUntil       DateTime?
  /// JSON array of member ids already rung for this request.
  tried           String     @default("[]")
  queuedAt        DateTime   @default(now())
  answeredAt      DateTime?
  endedAt         DateTime?
  endedBy         String?
  /// The product the agent last pushed to the shopper's screen.
  shownProductId  String?
  shopperCameraOn Boolean    @default(false)
  /// Refreshed while the shopper's page is open: a queue entry nobody is watching is dropped.
  shopperSeenAt   DateTime   @default(now())
  rings           MallRing[]
  order           Order?

  @@index([merchantId, status])
  @@index([agentId, status])
  @@index([shopperMemberId, status])
  @@index([shopperGuestId, status])
  @@index([shopperAddress, status])
}

/// One agent rung for one call, and what came of it: the figures per agent come from here.
model MallRing {
  id         String   @id @default(cuid())
  callId     String
  call       MallCall @relation(fields: [callId], references: [id], onDelete: Cascade)
  merchantId String
  agentId    String
  at         DateTime @default(now())
  /// ringing, answered, missed, declined, canceled
  result     String   @default("ringing")

  @@index([merchantId, at])
  @@index([callId])
}

model Order {
  id               String       @id @default(cuid())
  /// What the shopper quotes: short, readable.
  reference        String       @unique
  callId           String       @unique
  call             MallCall     @relation(fields: [callId], references: [id], onDelete: Cascade)
  merchantId       String
  merchant         Merchant     @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  agentId          String
  shopperMemberId  String?
  shopperGuestId   String?
  /// open, placed, abandoned
  status           String       @default("open")
  /// none, requested, verified, refused
  ageCheck         String       @default("none")
  signedName       String?
  /// Where the confirmation goes: the member's address, or the one a guest gave when signing.
  email            String?
  signedAt         DateTime?
  agentConfirmedAt DateTime?
  placedAt         DateTime?
  totalCents       Int          @default(0)
  currency         String       @default("EUR")
  /// No real payment is taken: a placed order records that payment is due.
  payment          String       @default("due")
  version          Int          @default(0)
  createdAt        DateTime     @default(now())
  items            OrderItem[]
  events           OrderEvent[]

  @@index([merchantId, createdAt])
  @@index([shopperMemberId])
}

model OrderItem {
  id            String  @id @default(cuid())
  orderId       String
  order         Order   @relation(fields: [orderId], references: [id], onDelete: Cascade)
  productId     String
  name          String
  priceCents    Int
  quantity      Int
  ageRestricted Boolean

  @@unique([orderId, productId])
}

/// The order's trail: every change and every verification step, with who took it.
model OrderEvent {
  id      String   @id @default(cuid())
  orderId String
  order   Order    @relation(fields: [orderId], references: [id], onDelete: Cascade)
  at      DateTime @default(now())
  /// agent, shopper or system
  actor   String
  actorId String?
  type    String
  detail  String   @default("")

  @@index([orderId, at])
}

/// Who is walking the mall now (for the avatars on the skyline): refreshed by their page, gone when stale.
model MallVisit {
  visitor      String   @id
  name         String
  merchantSlug String?
  lastSeenAt   DateTime @default(now())

  @@index([lastSeenAt])
}

/// Instant messages (issue 13): two members ("direct", one per pair) or a group of up to 100.
model Conversation {
  id            String                @id @default(cuid())
  /// direct or group.
  kind          String
  /// For a direct conversation, both member ids in order: one conversation per pair.
  directKey     String?               @unique
  title         String                @default("")
  /// The last sequence number given; the messages are 1 \u2026 lastSeq with no gap.
  lastSeq       Int                   @default(0)
  lastMessageAt DateTime?
  createdAt     DateTime              @default(now())
  members       ConversationMember[]
  messages      ConversationMessage[]
  group         Group?
}

model ConversationMember {
  conversationId String
  conversation   Conversation @relation(fields: [conversationId], references: [id], onDelete: Cascade)
  memberId       String
  member         Member       @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// Read up to here, on any of the member's devices. Only moves forward.
  readSeq        Int          @default(0)
  /// Reached one of the member's devices up to here. Only moves forward.
  deliveredSeq   Int          @default(0)
  /// accepted; request (someone not in the member's book wrote first: listed under "Requests"); or
  /// declined (hidden, and the member's devices are not told of new messages).
  state          String       @default("accepted")
  joinedAt       DateTime     @default(now())
  /// When this member's away auto-reply last went to this conversation (at most one an hour).
  autoRepliedAt  DateTime?

  @@id([conversationId, memberId])
  @@index([memberId])
}

model ConversationMessage {
  id             String       @id @default(cuid())
  conversationId String
  conversation   Conversation @relation(fields: [conversationId], references: [id], onDelete: Cascade)
  /// Its place in the conversation: given in the transaction that stores it, so 1, 2, 3 \u2026 with no gap.
  seq            Int
  senderId       String
  sender         Member       @relation(fields: [senderId], references: [id], onDelete: Cascade)
  /// The sender's own id for it (a UUIDv7): sending again with the same id is the same message.
  clientId       String
  /// text or file: shown in the thread; edit or delete: a change to the sender's message at
  /// targetSeq, given its own sequence so that a device catching up by sequence learns of it.
  kind           String       @default("text")
  targetSeq      Int?
  /// For text and edit: the text (an edit's is the new text). Emptied when the message is deleted.
  body           String
  replyToSeq     Int?
  /// For a file: where it is stored, its name as sent, its type from its bytes, its size; for an
  /// image also a thumbnail and its size in pixels.
  fileKey        String?
  fileName       String?
  fileType       String?
  fileSize       Int?
  thumbKey       String?
  width          Int?
  height         Int?
  editedAt       DateTime?
  deletedAt      DateTime?
  createdAt      DateTime     @default(now())

  @@unique([conversationId, seq])
  @@unique([senderId, clientId])
}

/// Every handle in use, a member's or a group's: one namespace, so /<handle> names one or the other,
/// and two claiming the same handle at once cannot both succeed (the key is this table's).
model Handle {
  handleKey String  @id
  memberId  String? @unique
  member    Member? @relation(fields: [memberId], references: [id], onDelete: Cascade)
  groupId   String? @unique
  group     Group?  @relation(fields: [groupId], references: [id], onDelete: Cascade)
}

/// A team, club, company or family: its own address, number, page, conversation and room.
model Group {
  id             String        @id @default(cuid())
  handle         String
  handleKey      String        @unique
  name           String
  /// " word word" lower-cased without accents, as Member.nameKey.
  nameKey        String        @default("")
  description    String        @default("")
  photoKey       String?
  /// In the directory's Groups, or reachable only by its address and number.
  listed         Boolean       @default(true)
  /// open: any signed-in member joins; request: admins approve; invite: by an invitation link only.
  access         String        @default("open")
  /// argon2id; asked of everyone who joins (not of invited people), when set.
  passwordHash   String?
  conversationId String?       @unique
  conversation   Conversation? @relation(fields: [conversationId], references: [id], onDelete: SetNull)
  createdAt      DateTime      @default(now())
  number         PhoneNumber?
  handleClaim    Handle?
  members        GroupMember[]
  invites        GroupInvite[]

  @@index([nameKey])
}

model GroupMember {
  groupId  String
  group    Group    @relation(fields: [groupId], references: [id], onDelete: Cascade)
  memberId String
  member   Member   @relation(fields: [memberId], references: [id], onDelete: Cascade)
  /// owner (one per group), admin, member; or requested: asked to join, waiting for an admin.
  role     String   @default("member")
  joinedAt DateTime @default(now())

  @@id([groupId, memberId])
  @@index([memberId])
}

/// A link that lets people join (also a group by invitation only), until it expires, is used up or revoked.
model GroupInvite {
  id          String    @id @default(cuid())
  groupId     String
  group       Group     @relation(fields: [groupId], references: [id], onDelete: Cascade)
  /// SHA-256 of the link's secret: the database never holds a usable link.
  tokenHash   String    @unique
  createdById String
  expiresAt   DateTime
  maxUses     Int?
  uses        Int       @default(0)
  revokedAt   DateTime?
  createdAt   DateTime  @default(now())

  @@index([groupId])
}
`,
      "inlineSchemaHash": "fd1dc79d9a9469d38577d2ada9a7f71848d258adc66c9a3eb3f5259aca7d2bbd",
      "copyEngine": true,
      "runtimeDataModel": {
        "models": {},
        "enums": {},
        "types": {}
      },
      "dirname": ""
    };
    config2.runtimeDataModel = JSON.parse('{"models":{"Member":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"handle","kind":"scalar","type":"String"},{"name":"handleKey","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"emailKey","kind":"scalar","type":"String"},{"name":"passwordHash","kind":"scalar","type":"String"},{"name":"displayName","kind":"scalar","type":"String"},{"name":"birthDate","kind":"scalar","type":"DateTime"},{"name":"city","kind":"scalar","type":"String"},{"name":"interests","kind":"scalar","type":"String"},{"name":"photoKey","kind":"scalar","type":"String"},{"name":"listed","kind":"scalar","type":"Boolean"},{"name":"emailAddressable","kind":"scalar","type":"Boolean"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"cityKey","kind":"scalar","type":"String"},{"name":"presenceSetting","kind":"scalar","type":"String"},{"name":"presenceSeenAt","kind":"scalar","type":"DateTime"},{"name":"emailVerifiedAt","kind":"scalar","type":"DateTime"},{"name":"acceptsGuestMessages","kind":"scalar","type":"Boolean"},{"name":"messageDigests","kind":"scalar","type":"Boolean"},{"name":"messageDigestSentAt","kind":"scalar","type":"DateTime"},{"name":"presenceAudience","kind":"scalar","type":"String"},{"name":"presenceEveryoneDetail","kind":"scalar","type":"String"},{"name":"presenceContactDetail","kind":"scalar","type":"String"},{"name":"rosterVersion","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"MemberToPhoneNumber"},{"name":"connections","kind":"object","type":"PresenceConnection","relationName":"MemberToPresenceConnection"},{"name":"nameWords","kind":"object","type":"MemberNameWord","relationName":"MemberToMemberNameWord"},{"name":"callsMade","kind":"object","type":"Call","relationName":"caller"},{"name":"callsReceived","kind":"object","type":"Call","relationName":"callee"},{"name":"blocking","kind":"object","type":"Block","relationName":"blocker"},{"name":"blockedBy","kind":"object","type":"Block","relationName":"blocked"},{"name":"mailbox","kind":"object","type":"Message","relationName":"owner"},{"name":"staffOf","kind":"object","type":"MerchantStaff","relationName":"MemberToMerchantStaff"},{"name":"messagesSent","kind":"object","type":"Message","relationName":"sender"},{"name":"greetings","kind":"object","type":"Greeting","relationName":"GreetingToMember"},{"name":"emailVerifications","kind":"object","type":"EmailVerification","relationName":"EmailVerificationToMember"},{"name":"contacts","kind":"object","type":"Contact","relationName":"contactOwner"},{"name":"contactOf","kind":"object","type":"Contact","relationName":"contactOf"},{"name":"contactGroups","kind":"object","type":"ContactGroup","relationName":"ContactGroupToMember"},{"name":"hiddenFrom","kind":"object","type":"PresenceBlind","relationName":"blindOwner"},{"name":"blindedBy","kind":"object","type":"PresenceBlind","relationName":"blindHidden"},{"name":"availabilityAsks","kind":"object","type":"AvailabilityWatch","relationName":"asker"},{"name":"availabilityWatched","kind":"object","type":"AvailabilityWatch","relationName":"watched"},{"name":"conversations","kind":"object","type":"ConversationMember","relationName":"ConversationMemberToMember"},{"name":"chatSent","kind":"object","type":"ConversationMessage","relationName":"ConversationMessageToMember"},{"name":"handleClaim","kind":"object","type":"Handle","relationName":"HandleToMember"},{"name":"groups","kind":"object","type":"GroupMember","relationName":"GroupMemberToMember"},{"name":"routingRules","kind":"object","type":"RoutingRules","relationName":"MemberToRoutingRules"},{"name":"callLegs","kind":"object","type":"CallLeg","relationName":"CallLegToMember"}],"dbName":null},"Contact":{"fields":[{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"contactOwner"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"contact","kind":"object","type":"Member","relationName":"contactOf"},{"name":"sees","kind":"scalar","type":"String"},{"name":"preapproved","kind":"scalar","type":"Boolean"},{"name":"requestedAt","kind":"scalar","type":"DateTime"},{"name":"inBook","kind":"scalar","type":"Boolean"},{"name":"nickname","kind":"scalar","type":"String"},{"name":"note","kind":"scalar","type":"String"},{"name":"favourite","kind":"scalar","type":"Boolean"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"groups","kind":"object","type":"ContactGroupEntry","relationName":"ContactToContactGroupEntry"}],"dbName":null},"ContactGroup":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"ContactGroupToMember"},{"name":"name","kind":"scalar","type":"String"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"detail","kind":"scalar","type":"String"},{"name":"position","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"entries","kind":"object","type":"ContactGroupEntry","relationName":"ContactGroupToContactGroupEntry"}],"dbName":null},"ContactGroupEntry":{"fields":[{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"ContactGroup","relationName":"ContactGroupToContactGroupEntry"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"contact","kind":"object","type":"Contact","relationName":"ContactToContactGroupEntry"}],"dbName":null},"PresenceBlind":{"fields":[{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"blindOwner"},{"name":"hiddenFromId","kind":"scalar","type":"String"},{"name":"hiddenFrom","kind":"object","type":"Member","relationName":"blindHidden"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"AvailabilityWatch":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"askerId","kind":"scalar","type":"String"},{"name":"asker","kind":"object","type":"Member","relationName":"asker"},{"name":"watchedId","kind":"scalar","type":"String"},{"name":"watched","kind":"object","type":"Member","relationName":"watched"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"firedAt","kind":"scalar","type":"DateTime"},{"name":"firedBy","kind":"scalar","type":"String"},{"name":"canceledAt","kind":"scalar","type":"DateTime"},{"name":"openKey","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"}],"dbName":null},"MemberNameWord":{"fields":[{"name":"word","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToMemberNameWord"}],"dbName":null},"NumberSuffix":{"fields":[{"name":"suffix","kind":"scalar","type":"String"},{"name":"digits","kind":"scalar","type":"String"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"NumberSuffixToPhoneNumber"}],"dbName":null},"PhoneNumber":{"fields":[{"name":"digits","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToPhoneNumber"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToPhoneNumber"},{"name":"kind","kind":"scalar","type":"String"},{"name":"spelled","kind":"scalar","type":"String"},{"name":"word","kind":"scalar","type":"String"},{"name":"assignedAt","kind":"scalar","type":"DateTime"},{"name":"suffixes","kind":"object","type":"NumberSuffix","relationName":"NumberSuffixToPhoneNumber"}],"dbName":null},"NumberHold":{"fields":[{"name":"digits","kind":"scalar","type":"String"},{"name":"spelled","kind":"scalar","type":"String"},{"name":"holderToken","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"EmailVerification":{"fields":[{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"EmailVerificationToMember"},{"name":"emailKey","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"SenderQuota":{"fields":[{"name":"senderKey","kind":"scalar","type":"String"},{"name":"touchedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Counter":{"fields":[{"name":"name","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"Int"}],"dbName":null},"PresenceConnection":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToPresenceConnection"},{"name":"guestId","kind":"scalar","type":"String"},{"name":"nodeId","kind":"scalar","type":"String"},{"name":"deviceId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"userAgent","kind":"scalar","type":"String"},{"name":"idle","kind":"scalar","type":"Boolean"},{"name":"connectedAt","kind":"scalar","type":"DateTime"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"}],"dbName":null},"RoutingRules":{"fields":[{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToRoutingRules"},{"name":"version","kind":"scalar","type":"Int"},{"name":"doc","kind":"scalar","type":"String"},{"name":"awayReply","kind":"scalar","type":"String"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"CallLeg":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"Call","relationName":"CallToCallLeg"},{"name":"position","kind":"scalar","type":"Int"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"CallLegToMember"},{"name":"rang","kind":"scalar","type":"String"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"result","kind":"scalar","type":"String"},{"name":"reason","kind":"scalar","type":"String"}],"dbName":null},"Call":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callerId","kind":"scalar","type":"String"},{"name":"caller","kind":"object","type":"Member","relationName":"caller"},{"name":"calleeId","kind":"scalar","type":"String"},{"name":"callee","kind":"object","type":"Member","relationName":"callee"},{"name":"kind","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"outcome","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"ringUntil","kind":"scalar","type":"DateTime"},{"name":"answeredAt","kind":"scalar","type":"DateTime"},{"name":"answeredDevice","kind":"scalar","type":"String"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"endedBy","kind":"scalar","type":"String"},{"name":"callerJoinedAt","kind":"scalar","type":"DateTime"},{"name":"calleeJoinedAt","kind":"scalar","type":"DateTime"},{"name":"calleeSeen","kind":"scalar","type":"Boolean"},{"name":"meantForId","kind":"scalar","type":"String"},{"name":"ringDevice","kind":"scalar","type":"String"},{"name":"plan","kind":"scalar","type":"String"},{"name":"note","kind":"scalar","type":"String"},{"name":"greeting","kind":"scalar","type":"String"},{"name":"legs","kind":"object","type":"CallLeg","relationName":"CallToCallLeg"}],"dbName":null},"Block":{"fields":[{"name":"blockerId","kind":"scalar","type":"String"},{"name":"blocker","kind":"object","type":"Member","relationName":"blocker"},{"name":"blockedId","kind":"scalar","type":"String"},{"name":"blocked","kind":"object","type":"Member","relationName":"blocked"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Upload":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"purpose","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"senderKey","kind":"scalar","type":"String"},{"name":"guestName","kind":"scalar","type":"String"},{"name":"guestEmail","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"length","kind":"scalar","type":"Int"},{"name":"offset","kind":"scalar","type":"Int"},{"name":"slot","kind":"scalar","type":"String"},{"name":"endsAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Message":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"owner","kind":"object","type":"Member","relationName":"owner"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"sender","kind":"object","type":"Member","relationName":"sender"},{"name":"senderKey","kind":"scalar","type":"String"},{"name":"guestName","kind":"scalar","type":"String"},{"name":"guestEmail","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"mediaKey","kind":"scalar","type":"String"},{"name":"mime","kind":"scalar","type":"String"},{"name":"thumbKey","kind":"scalar","type":"String"},{"name":"durationMs","kind":"scalar","type":"Int"},{"name":"sizeBytes","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"readAt","kind":"scalar","type":"DateTime"},{"name":"deletedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Greeting":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"GreetingToMember"},{"name":"slot","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"mediaKey","kind":"scalar","type":"String"},{"name":"mime","kind":"scalar","type":"String"},{"name":"durationMs","kind":"scalar","type":"Int"},{"name":"endsAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Merchant":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"slug","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"category","kind":"scalar","type":"String"},{"name":"tagline","kind":"scalar","type":"String"},{"name":"color","kind":"scalar","type":"String"},{"name":"accent","kind":"scalar","type":"String"},{"name":"mark","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"routingVersion","kind":"scalar","type":"Int"},{"name":"staff","kind":"object","type":"MerchantStaff","relationName":"MerchantToMerchantStaff"},{"name":"categories","kind":"object","type":"ProductCategory","relationName":"MerchantToProductCategory"},{"name":"products","kind":"object","type":"Product","relationName":"MerchantToProduct"},{"name":"mallCalls","kind":"object","type":"MallCall","relationName":"MallCallToMerchant"},{"name":"orders","kind":"object","type":"Order","relationName":"MerchantToOrder"}],"dbName":null},"MerchantStaff":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToMerchantStaff"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"MemberToMerchantStaff"},{"name":"role","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"idleSince","kind":"scalar","type":"DateTime"},{"name":"missedInRow","kind":"scalar","type":"Int"}],"dbName":null},"ProductCategory":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToProductCategory"},{"name":"name","kind":"scalar","type":"String"},{"name":"position","kind":"scalar","type":"Int"},{"name":"products","kind":"object","type":"Product","relationName":"ProductToProductCategory"}],"dbName":null},"Product":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToProduct"},{"name":"categoryId","kind":"scalar","type":"String"},{"name":"category","kind":"object","type":"ProductCategory","relationName":"ProductToProductCategory"},{"name":"slug","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"priceCents","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"ageRestricted","kind":"scalar","type":"Boolean"},{"name":"imageKey","kind":"scalar","type":"String"},{"name":"emoji","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"MallCall":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MallCallToMerchant"},{"name":"kind","kind":"scalar","type":"String"},{"name":"shopperMemberId","kind":"scalar","type":"String"},{"name":"shopperGuestId","kind":"scalar","type":"String"},{"name":"shopperAddress","kind":"scalar","type":"String"},{"name":"shopperName","kind":"scalar","type":"String"},{"name":"fromPath","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"outcome","kind":"scalar","type":"String"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"ringUntil","kind":"scalar","type":"DateTime"},{"name":"tried","kind":"scalar","type":"String"},{"name":"queuedAt","kind":"scalar","type":"DateTime"},{"name":"answeredAt","kind":"scalar","type":"DateTime"},{"name":"endedAt","kind":"scalar","type":"DateTime"},{"name":"endedBy","kind":"scalar","type":"String"},{"name":"shownProductId","kind":"scalar","type":"String"},{"name":"shopperCameraOn","kind":"scalar","type":"Boolean"},{"name":"shopperSeenAt","kind":"scalar","type":"DateTime"},{"name":"rings","kind":"object","type":"MallRing","relationName":"MallCallToMallRing"},{"name":"order","kind":"object","type":"Order","relationName":"MallCallToOrder"}],"dbName":null},"MallRing":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"MallCall","relationName":"MallCallToMallRing"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"result","kind":"scalar","type":"String"}],"dbName":null},"Order":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"reference","kind":"scalar","type":"String"},{"name":"callId","kind":"scalar","type":"String"},{"name":"call","kind":"object","type":"MallCall","relationName":"MallCallToOrder"},{"name":"merchantId","kind":"scalar","type":"String"},{"name":"merchant","kind":"object","type":"Merchant","relationName":"MerchantToOrder"},{"name":"agentId","kind":"scalar","type":"String"},{"name":"shopperMemberId","kind":"scalar","type":"String"},{"name":"shopperGuestId","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"ageCheck","kind":"scalar","type":"String"},{"name":"signedName","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"signedAt","kind":"scalar","type":"DateTime"},{"name":"agentConfirmedAt","kind":"scalar","type":"DateTime"},{"name":"placedAt","kind":"scalar","type":"DateTime"},{"name":"totalCents","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"payment","kind":"scalar","type":"String"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"items","kind":"object","type":"OrderItem","relationName":"OrderToOrderItem"},{"name":"events","kind":"object","type":"OrderEvent","relationName":"OrderToOrderEvent"}],"dbName":null},"OrderItem":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"orderId","kind":"scalar","type":"String"},{"name":"order","kind":"object","type":"Order","relationName":"OrderToOrderItem"},{"name":"productId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"priceCents","kind":"scalar","type":"Int"},{"name":"quantity","kind":"scalar","type":"Int"},{"name":"ageRestricted","kind":"scalar","type":"Boolean"}],"dbName":null},"OrderEvent":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"orderId","kind":"scalar","type":"String"},{"name":"order","kind":"object","type":"Order","relationName":"OrderToOrderEvent"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"actor","kind":"scalar","type":"String"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"type","kind":"scalar","type":"String"},{"name":"detail","kind":"scalar","type":"String"}],"dbName":null},"MallVisit":{"fields":[{"name":"visitor","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"merchantSlug","kind":"scalar","type":"String"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Conversation":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"directKey","kind":"scalar","type":"String"},{"name":"title","kind":"scalar","type":"String"},{"name":"lastSeq","kind":"scalar","type":"Int"},{"name":"lastMessageAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"members","kind":"object","type":"ConversationMember","relationName":"ConversationToConversationMember"},{"name":"messages","kind":"object","type":"ConversationMessage","relationName":"ConversationToConversationMessage"},{"name":"group","kind":"object","type":"Group","relationName":"ConversationToGroup"}],"dbName":null},"ConversationMember":{"fields":[{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToConversationMember"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"ConversationMemberToMember"},{"name":"readSeq","kind":"scalar","type":"Int"},{"name":"deliveredSeq","kind":"scalar","type":"Int"},{"name":"state","kind":"scalar","type":"String"},{"name":"joinedAt","kind":"scalar","type":"DateTime"},{"name":"autoRepliedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"ConversationMessage":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToConversationMessage"},{"name":"seq","kind":"scalar","type":"Int"},{"name":"senderId","kind":"scalar","type":"String"},{"name":"sender","kind":"object","type":"Member","relationName":"ConversationMessageToMember"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"targetSeq","kind":"scalar","type":"Int"},{"name":"body","kind":"scalar","type":"String"},{"name":"replyToSeq","kind":"scalar","type":"Int"},{"name":"fileKey","kind":"scalar","type":"String"},{"name":"fileName","kind":"scalar","type":"String"},{"name":"fileType","kind":"scalar","type":"String"},{"name":"fileSize","kind":"scalar","type":"Int"},{"name":"thumbKey","kind":"scalar","type":"String"},{"name":"width","kind":"scalar","type":"Int"},{"name":"height","kind":"scalar","type":"Int"},{"name":"editedAt","kind":"scalar","type":"DateTime"},{"name":"deletedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Handle":{"fields":[{"name":"handleKey","kind":"scalar","type":"String"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"HandleToMember"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToHandle"}],"dbName":null},"Group":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"handle","kind":"scalar","type":"String"},{"name":"handleKey","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"nameKey","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"photoKey","kind":"scalar","type":"String"},{"name":"listed","kind":"scalar","type":"Boolean"},{"name":"access","kind":"scalar","type":"String"},{"name":"passwordHash","kind":"scalar","type":"String"},{"name":"conversationId","kind":"scalar","type":"String"},{"name":"conversation","kind":"object","type":"Conversation","relationName":"ConversationToGroup"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"number","kind":"object","type":"PhoneNumber","relationName":"GroupToPhoneNumber"},{"name":"handleClaim","kind":"object","type":"Handle","relationName":"GroupToHandle"},{"name":"members","kind":"object","type":"GroupMember","relationName":"GroupToGroupMember"},{"name":"invites","kind":"object","type":"GroupInvite","relationName":"GroupToGroupInvite"}],"dbName":null},"GroupMember":{"fields":[{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToGroupMember"},{"name":"memberId","kind":"scalar","type":"String"},{"name":"member","kind":"object","type":"Member","relationName":"GroupMemberToMember"},{"name":"role","kind":"scalar","type":"String"},{"name":"joinedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"GroupInvite":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"groupId","kind":"scalar","type":"String"},{"name":"group","kind":"object","type":"Group","relationName":"GroupToGroupInvite"},{"name":"tokenHash","kind":"scalar","type":"String"},{"name":"createdById","kind":"scalar","type":"String"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"maxUses","kind":"scalar","type":"Int"},{"name":"uses","kind":"scalar","type":"Int"},{"name":"revokedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null}},"enums":{},"types":{}}');
    config2.engineWasm = void 0;
    config2.compilerWasm = {
      getRuntime: async () => await import("@prisma/client/runtime/query_compiler_bg.sqlite.mjs"),
      getQueryCompilerWasmModule: async () => {
        const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs");
        return await decodeBase64AsWasm2(wasm);
      }
    };
  }
});

// lib/db/generated/sqlite/internal/prismaNamespace.ts
var prismaNamespace_exports2 = {};
__export(prismaNamespace_exports2, {
  AnyNull: () => AnyNull2,
  AvailabilityWatchScalarFieldEnum: () => AvailabilityWatchScalarFieldEnum2,
  BlockScalarFieldEnum: () => BlockScalarFieldEnum2,
  CallLegScalarFieldEnum: () => CallLegScalarFieldEnum2,
  CallScalarFieldEnum: () => CallScalarFieldEnum2,
  ContactGroupEntryScalarFieldEnum: () => ContactGroupEntryScalarFieldEnum2,
  ContactGroupScalarFieldEnum: () => ContactGroupScalarFieldEnum2,
  ContactScalarFieldEnum: () => ContactScalarFieldEnum2,
  ConversationMemberScalarFieldEnum: () => ConversationMemberScalarFieldEnum2,
  ConversationMessageScalarFieldEnum: () => ConversationMessageScalarFieldEnum2,
  ConversationScalarFieldEnum: () => ConversationScalarFieldEnum2,
  CounterScalarFieldEnum: () => CounterScalarFieldEnum2,
  DbNull: () => DbNull2,
  Decimal: () => Decimal4,
  EmailVerificationScalarFieldEnum: () => EmailVerificationScalarFieldEnum2,
  GreetingScalarFieldEnum: () => GreetingScalarFieldEnum2,
  GroupInviteScalarFieldEnum: () => GroupInviteScalarFieldEnum2,
  GroupMemberScalarFieldEnum: () => GroupMemberScalarFieldEnum2,
  GroupScalarFieldEnum: () => GroupScalarFieldEnum2,
  HandleScalarFieldEnum: () => HandleScalarFieldEnum2,
  JsonNull: () => JsonNull2,
  MallCallScalarFieldEnum: () => MallCallScalarFieldEnum2,
  MallRingScalarFieldEnum: () => MallRingScalarFieldEnum2,
  MallVisitScalarFieldEnum: () => MallVisitScalarFieldEnum2,
  MemberNameWordScalarFieldEnum: () => MemberNameWordScalarFieldEnum2,
  MemberScalarFieldEnum: () => MemberScalarFieldEnum2,
  MerchantScalarFieldEnum: () => MerchantScalarFieldEnum2,
  MerchantStaffScalarFieldEnum: () => MerchantStaffScalarFieldEnum2,
  MessageScalarFieldEnum: () => MessageScalarFieldEnum2,
  ModelName: () => ModelName2,
  NullTypes: () => NullTypes2,
  NullsOrder: () => NullsOrder2,
  NumberHoldScalarFieldEnum: () => NumberHoldScalarFieldEnum2,
  NumberSuffixScalarFieldEnum: () => NumberSuffixScalarFieldEnum2,
  OrderEventScalarFieldEnum: () => OrderEventScalarFieldEnum2,
  OrderItemScalarFieldEnum: () => OrderItemScalarFieldEnum2,
  OrderScalarFieldEnum: () => OrderScalarFieldEnum2,
  PhoneNumberScalarFieldEnum: () => PhoneNumberScalarFieldEnum2,
  PresenceBlindScalarFieldEnum: () => PresenceBlindScalarFieldEnum2,
  PresenceConnectionScalarFieldEnum: () => PresenceConnectionScalarFieldEnum2,
  PrismaClientInitializationError: () => PrismaClientInitializationError4,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError4,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError4,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError4,
  PrismaClientValidationError: () => PrismaClientValidationError4,
  ProductCategoryScalarFieldEnum: () => ProductCategoryScalarFieldEnum2,
  ProductScalarFieldEnum: () => ProductScalarFieldEnum2,
  RoutingRulesScalarFieldEnum: () => RoutingRulesScalarFieldEnum2,
  SenderQuotaScalarFieldEnum: () => SenderQuotaScalarFieldEnum2,
  SortOrder: () => SortOrder2,
  Sql: () => Sql4,
  TransactionIsolationLevel: () => TransactionIsolationLevel2,
  UploadScalarFieldEnum: () => UploadScalarFieldEnum2,
  defineExtension: () => defineExtension2,
  empty: () => empty4,
  getExtensionContext: () => getExtensionContext2,
  join: () => join4,
  prismaVersion: () => prismaVersion2,
  raw: () => raw4,
  sql: () => sql2
});
import * as runtime4 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError4, PrismaClientUnknownRequestError4, PrismaClientRustPanicError4, PrismaClientInitializationError4, PrismaClientValidationError4, sql2, empty4, join4, raw4, Sql4, Decimal4, getExtensionContext2, prismaVersion2, NullTypes2, DbNull2, JsonNull2, AnyNull2, ModelName2, TransactionIsolationLevel2, MemberScalarFieldEnum2, ContactScalarFieldEnum2, ContactGroupScalarFieldEnum2, ContactGroupEntryScalarFieldEnum2, PresenceBlindScalarFieldEnum2, AvailabilityWatchScalarFieldEnum2, MemberNameWordScalarFieldEnum2, NumberSuffixScalarFieldEnum2, PhoneNumberScalarFieldEnum2, NumberHoldScalarFieldEnum2, EmailVerificationScalarFieldEnum2, SenderQuotaScalarFieldEnum2, CounterScalarFieldEnum2, PresenceConnectionScalarFieldEnum2, RoutingRulesScalarFieldEnum2, CallLegScalarFieldEnum2, CallScalarFieldEnum2, BlockScalarFieldEnum2, UploadScalarFieldEnum2, MessageScalarFieldEnum2, GreetingScalarFieldEnum2, MerchantScalarFieldEnum2, MerchantStaffScalarFieldEnum2, ProductCategoryScalarFieldEnum2, ProductScalarFieldEnum2, MallCallScalarFieldEnum2, MallRingScalarFieldEnum2, OrderScalarFieldEnum2, OrderItemScalarFieldEnum2, OrderEventScalarFieldEnum2, MallVisitScalarFieldEnum2, ConversationScalarFieldEnum2, ConversationMemberScalarFieldEnum2, ConversationMessageScalarFieldEnum2, HandleScalarFieldEnum2, GroupScalarFieldEnum2, GroupMemberScalarFieldEnum2, GroupInviteScalarFieldEnum2, SortOrder2, NullsOrder2, defineExtension2;
var init_prismaNamespace2 = __esm({
  "lib/db/generated/sqlite/internal/prismaNamespace.ts"() {
    "use strict";
    PrismaClientKnownRequestError4 = runtime4.PrismaClientKnownRequestError;
    PrismaClientUnknownRequestError4 = runtime4.PrismaClientUnknownRequestError;
    PrismaClientRustPanicError4 = runtime4.PrismaClientRustPanicError;
    PrismaClientInitializationError4 = runtime4.PrismaClientInitializationError;
    PrismaClientValidationError4 = runtime4.PrismaClientValidationError;
    sql2 = runtime4.sqltag;
    empty4 = runtime4.empty;
    join4 = runtime4.join;
    raw4 = runtime4.raw;
    Sql4 = runtime4.Sql;
    Decimal4 = runtime4.Decimal;
    getExtensionContext2 = runtime4.Extensions.getExtensionContext;
    prismaVersion2 = {
      client: "6.19.3",
      engine: "c2990dca591cba766e3b7ef5d9e8a84796e47ab7"
    };
    NullTypes2 = {
      DbNull: runtime4.objectEnumValues.classes.DbNull,
      JsonNull: runtime4.objectEnumValues.classes.JsonNull,
      AnyNull: runtime4.objectEnumValues.classes.AnyNull
    };
    DbNull2 = runtime4.objectEnumValues.instances.DbNull;
    JsonNull2 = runtime4.objectEnumValues.instances.JsonNull;
    AnyNull2 = runtime4.objectEnumValues.instances.AnyNull;
    ModelName2 = {
      Member: "Member",
      Contact: "Contact",
      ContactGroup: "ContactGroup",
      ContactGroupEntry: "ContactGroupEntry",
      PresenceBlind: "PresenceBlind",
      AvailabilityWatch: "AvailabilityWatch",
      MemberNameWord: "MemberNameWord",
      NumberSuffix: "NumberSuffix",
      PhoneNumber: "PhoneNumber",
      NumberHold: "NumberHold",
      EmailVerification: "EmailVerification",
      SenderQuota: "SenderQuota",
      Counter: "Counter",
      PresenceConnection: "PresenceConnection",
      RoutingRules: "RoutingRules",
      CallLeg: "CallLeg",
      Call: "Call",
      Block: "Block",
      Upload: "Upload",
      Message: "Message",
      Greeting: "Greeting",
      Merchant: "Merchant",
      MerchantStaff: "MerchantStaff",
      ProductCategory: "ProductCategory",
      Product: "Product",
      MallCall: "MallCall",
      MallRing: "MallRing",
      Order: "Order",
      OrderItem: "OrderItem",
      OrderEvent: "OrderEvent",
      MallVisit: "MallVisit",
      Conversation: "Conversation",
      ConversationMember: "ConversationMember",
      ConversationMessage: "ConversationMessage",
      Handle: "Handle",
      Group: "Group",
      GroupMember: "GroupMember",
      GroupInvite: "GroupInvite"
    };
    TransactionIsolationLevel2 = runtime4.makeStrictEnum({
      Serializable: "Serializable"
    });
    MemberScalarFieldEnum2 = {
      id: "id",
      handle: "handle",
      handleKey: "handleKey",
      email: "email",
      emailKey: "emailKey",
      passwordHash: "passwordHash",
      displayName: "displayName",
      birthDate: "birthDate",
      city: "city",
      interests: "interests",
      photoKey: "photoKey",
      listed: "listed",
      emailAddressable: "emailAddressable",
      nameKey: "nameKey",
      cityKey: "cityKey",
      presenceSetting: "presenceSetting",
      presenceSeenAt: "presenceSeenAt",
      emailVerifiedAt: "emailVerifiedAt",
      acceptsGuestMessages: "acceptsGuestMessages",
      messageDigests: "messageDigests",
      messageDigestSentAt: "messageDigestSentAt",
      presenceAudience: "presenceAudience",
      presenceEveryoneDetail: "presenceEveryoneDetail",
      presenceContactDetail: "presenceContactDetail",
      rosterVersion: "rosterVersion",
      createdAt: "createdAt",
      updatedAt: "updatedAt"
    };
    ContactScalarFieldEnum2 = {
      ownerId: "ownerId",
      contactId: "contactId",
      sees: "sees",
      preapproved: "preapproved",
      requestedAt: "requestedAt",
      inBook: "inBook",
      nickname: "nickname",
      note: "note",
      favourite: "favourite",
      version: "version",
      createdAt: "createdAt",
      updatedAt: "updatedAt"
    };
    ContactGroupScalarFieldEnum2 = {
      id: "id",
      ownerId: "ownerId",
      name: "name",
      nameKey: "nameKey",
      detail: "detail",
      position: "position",
      createdAt: "createdAt"
    };
    ContactGroupEntryScalarFieldEnum2 = {
      groupId: "groupId",
      ownerId: "ownerId",
      contactId: "contactId"
    };
    PresenceBlindScalarFieldEnum2 = {
      ownerId: "ownerId",
      hiddenFromId: "hiddenFromId",
      createdAt: "createdAt"
    };
    AvailabilityWatchScalarFieldEnum2 = {
      id: "id",
      askerId: "askerId",
      watchedId: "watchedId",
      createdAt: "createdAt",
      expiresAt: "expiresAt",
      firedAt: "firedAt",
      firedBy: "firedBy",
      canceledAt: "canceledAt",
      openKey: "openKey",
      kind: "kind",
      callId: "callId"
    };
    MemberNameWordScalarFieldEnum2 = {
      word: "word",
      memberId: "memberId"
    };
    NumberSuffixScalarFieldEnum2 = {
      suffix: "suffix",
      digits: "digits"
    };
    PhoneNumberScalarFieldEnum2 = {
      digits: "digits",
      memberId: "memberId",
      groupId: "groupId",
      kind: "kind",
      spelled: "spelled",
      word: "word",
      assignedAt: "assignedAt"
    };
    NumberHoldScalarFieldEnum2 = {
      digits: "digits",
      spelled: "spelled",
      holderToken: "holderToken",
      expiresAt: "expiresAt",
      createdAt: "createdAt"
    };
    EmailVerificationScalarFieldEnum2 = {
      tokenHash: "tokenHash",
      memberId: "memberId",
      emailKey: "emailKey",
      expiresAt: "expiresAt",
      createdAt: "createdAt"
    };
    SenderQuotaScalarFieldEnum2 = {
      senderKey: "senderKey",
      touchedAt: "touchedAt"
    };
    CounterScalarFieldEnum2 = {
      name: "name",
      value: "value"
    };
    PresenceConnectionScalarFieldEnum2 = {
      id: "id",
      memberId: "memberId",
      guestId: "guestId",
      nodeId: "nodeId",
      deviceId: "deviceId",
      address: "address",
      userAgent: "userAgent",
      idle: "idle",
      connectedAt: "connectedAt",
      lastSeenAt: "lastSeenAt"
    };
    RoutingRulesScalarFieldEnum2 = {
      memberId: "memberId",
      version: "version",
      doc: "doc",
      awayReply: "awayReply",
      updatedAt: "updatedAt"
    };
    CallLegScalarFieldEnum2 = {
      id: "id",
      callId: "callId",
      position: "position",
      memberId: "memberId",
      rang: "rang",
      startedAt: "startedAt",
      endedAt: "endedAt",
      result: "result",
      reason: "reason"
    };
    CallScalarFieldEnum2 = {
      id: "id",
      callerId: "callerId",
      calleeId: "calleeId",
      kind: "kind",
      status: "status",
      outcome: "outcome",
      createdAt: "createdAt",
      ringUntil: "ringUntil",
      answeredAt: "answeredAt",
      answeredDevice: "answeredDevice",
      endedAt: "endedAt",
      endedBy: "endedBy",
      callerJoinedAt: "callerJoinedAt",
      calleeJoinedAt: "calleeJoinedAt",
      calleeSeen: "calleeSeen",
      meantForId: "meantForId",
      ringDevice: "ringDevice",
      plan: "plan",
      note: "note",
      greeting: "greeting"
    };
    BlockScalarFieldEnum2 = {
      blockerId: "blockerId",
      blockedId: "blockedId",
      createdAt: "createdAt"
    };
    UploadScalarFieldEnum2 = {
      id: "id",
      tokenHash: "tokenHash",
      purpose: "purpose",
      ownerId: "ownerId",
      senderId: "senderId",
      senderKey: "senderKey",
      guestName: "guestName",
      guestEmail: "guestEmail",
      callId: "callId",
      kind: "kind",
      length: "length",
      offset: "offset",
      slot: "slot",
      endsAt: "endsAt",
      createdAt: "createdAt",
      expiresAt: "expiresAt"
    };
    MessageScalarFieldEnum2 = {
      id: "id",
      ownerId: "ownerId",
      senderId: "senderId",
      senderKey: "senderKey",
      guestName: "guestName",
      guestEmail: "guestEmail",
      callId: "callId",
      kind: "kind",
      mediaKey: "mediaKey",
      mime: "mime",
      thumbKey: "thumbKey",
      durationMs: "durationMs",
      sizeBytes: "sizeBytes",
      createdAt: "createdAt",
      readAt: "readAt",
      deletedAt: "deletedAt"
    };
    GreetingScalarFieldEnum2 = {
      id: "id",
      memberId: "memberId",
      slot: "slot",
      kind: "kind",
      mediaKey: "mediaKey",
      mime: "mime",
      durationMs: "durationMs",
      endsAt: "endsAt",
      createdAt: "createdAt"
    };
    MerchantScalarFieldEnum2 = {
      id: "id",
      slug: "slug",
      name: "name",
      category: "category",
      tagline: "tagline",
      color: "color",
      accent: "accent",
      mark: "mark",
      createdAt: "createdAt",
      routingVersion: "routingVersion"
    };
    MerchantStaffScalarFieldEnum2 = {
      id: "id",
      merchantId: "merchantId",
      memberId: "memberId",
      role: "role",
      status: "status",
      idleSince: "idleSince",
      missedInRow: "missedInRow"
    };
    ProductCategoryScalarFieldEnum2 = {
      id: "id",
      merchantId: "merchantId",
      name: "name",
      position: "position"
    };
    ProductScalarFieldEnum2 = {
      id: "id",
      merchantId: "merchantId",
      categoryId: "categoryId",
      slug: "slug",
      name: "name",
      description: "description",
      priceCents: "priceCents",
      currency: "currency",
      ageRestricted: "ageRestricted",
      imageKey: "imageKey",
      emoji: "emoji",
      createdAt: "createdAt"
    };
    MallCallScalarFieldEnum2 = {
      id: "id",
      merchantId: "merchantId",
      kind: "kind",
      shopperMemberId: "shopperMemberId",
      shopperGuestId: "shopperGuestId",
      shopperAddress: "shopperAddress",
      shopperName: "shopperName",
      fromPath: "fromPath",
      status: "status",
      outcome: "outcome",
      agentId: "agentId",
      ringUntil: "ringUntil",
      tried: "tried",
      queuedAt: "queuedAt",
      answeredAt: "answeredAt",
      endedAt: "endedAt",
      endedBy: "endedBy",
      shownProductId: "shownProductId",
      shopperCameraOn: "shopperCameraOn",
      shopperSeenAt: "shopperSeenAt"
    };
    MallRingScalarFieldEnum2 = {
      id: "id",
      callId: "callId",
      merchantId: "merchantId",
      agentId: "agentId",
      at: "at",
      result: "result"
    };
    OrderScalarFieldEnum2 = {
      id: "id",
      reference: "reference",
      callId: "callId",
      merchantId: "merchantId",
      agentId: "agentId",
      shopperMemberId: "shopperMemberId",
      shopperGuestId: "shopperGuestId",
      status: "status",
      ageCheck: "ageCheck",
      signedName: "signedName",
      email: "email",
      signedAt: "signedAt",
      agentConfirmedAt: "agentConfirmedAt",
      placedAt: "placedAt",
      totalCents: "totalCents",
      currency: "currency",
      payment: "payment",
      version: "version",
      createdAt: "createdAt"
    };
    OrderItemScalarFieldEnum2 = {
      id: "id",
      orderId: "orderId",
      productId: "productId",
      name: "name",
      priceCents: "priceCents",
      quantity: "quantity",
      ageRestricted: "ageRestricted"
    };
    OrderEventScalarFieldEnum2 = {
      id: "id",
      orderId: "orderId",
      at: "at",
      actor: "actor",
      actorId: "actorId",
      type: "type",
      detail: "detail"
    };
    MallVisitScalarFieldEnum2 = {
      visitor: "visitor",
      name: "name",
      merchantSlug: "merchantSlug",
      lastSeenAt: "lastSeenAt"
    };
    ConversationScalarFieldEnum2 = {
      id: "id",
      kind: "kind",
      directKey: "directKey",
      title: "title",
      lastSeq: "lastSeq",
      lastMessageAt: "lastMessageAt",
      createdAt: "createdAt"
    };
    ConversationMemberScalarFieldEnum2 = {
      conversationId: "conversationId",
      memberId: "memberId",
      readSeq: "readSeq",
      deliveredSeq: "deliveredSeq",
      state: "state",
      joinedAt: "joinedAt",
      autoRepliedAt: "autoRepliedAt"
    };
    ConversationMessageScalarFieldEnum2 = {
      id: "id",
      conversationId: "conversationId",
      seq: "seq",
      senderId: "senderId",
      clientId: "clientId",
      kind: "kind",
      targetSeq: "targetSeq",
      body: "body",
      replyToSeq: "replyToSeq",
      fileKey: "fileKey",
      fileName: "fileName",
      fileType: "fileType",
      fileSize: "fileSize",
      thumbKey: "thumbKey",
      width: "width",
      height: "height",
      editedAt: "editedAt",
      deletedAt: "deletedAt",
      createdAt: "createdAt"
    };
    HandleScalarFieldEnum2 = {
      handleKey: "handleKey",
      memberId: "memberId",
      groupId: "groupId"
    };
    GroupScalarFieldEnum2 = {
      id: "id",
      handle: "handle",
      handleKey: "handleKey",
      name: "name",
      nameKey: "nameKey",
      description: "description",
      photoKey: "photoKey",
      listed: "listed",
      access: "access",
      passwordHash: "passwordHash",
      conversationId: "conversationId",
      createdAt: "createdAt"
    };
    GroupMemberScalarFieldEnum2 = {
      groupId: "groupId",
      memberId: "memberId",
      role: "role",
      joinedAt: "joinedAt"
    };
    GroupInviteScalarFieldEnum2 = {
      id: "id",
      groupId: "groupId",
      tokenHash: "tokenHash",
      createdById: "createdById",
      expiresAt: "expiresAt",
      maxUses: "maxUses",
      uses: "uses",
      revokedAt: "revokedAt",
      createdAt: "createdAt"
    };
    SortOrder2 = {
      asc: "asc",
      desc: "desc"
    };
    NullsOrder2 = {
      first: "first",
      last: "last"
    };
    defineExtension2 = runtime4.Extensions.defineExtension;
  }
});

// lib/db/generated/sqlite/enums.ts
var enums_exports2 = {};
var init_enums2 = __esm({
  "lib/db/generated/sqlite/enums.ts"() {
    "use strict";
  }
});

// lib/db/generated/sqlite/client.ts
var client_exports2 = {};
__export(client_exports2, {
  $Enums: () => enums_exports2,
  Prisma: () => prismaNamespace_exports2,
  PrismaClient: () => PrismaClient2
});
import * as path3 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var PrismaClient2;
var init_client2 = __esm({
  "lib/db/generated/sqlite/client.ts"() {
    "use strict";
    init_class2();
    init_prismaNamespace2();
    init_enums2();
    init_enums2();
    globalThis["__dirname"] = path3.dirname(fileURLToPath2(import.meta.url));
    PrismaClient2 = getPrismaClientClass2(__dirname);
  }
});

// lib/db/sqlite-adapter.ts
var sqlite_adapter_exports = {};
__export(sqlite_adapter_exports, {
  createQueue: () => createQueue,
  queued: () => queued,
  sqliteAdapter: () => sqliteAdapter
});
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
function sqliteAdapter(url, opts) {
  const inner = new PrismaBetterSQLite3({ url, timeout: opts.busyTimeoutMs });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return queued(await inner.connect());
    }
  };
}
function createQueue() {
  let tail = Promise.resolve();
  return {
    acquire() {
      let release;
      const held = new Promise((resolve) => release = resolve);
      const turn = tail.then(() => release);
      tail = tail.then(() => held);
      return turn;
    }
  };
}
function queued(adapter) {
  const queue = createQueue();
  const exclusive = async (fn) => {
    const release = await queue.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q) => exclusive(() => adapter.queryRaw(q)),
    executeRaw: (q) => exclusive(() => adapter.executeRaw(q)),
    executeScript: (script) => exclusive(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => exclusive(() => adapter.dispose()),
    async startTransaction(isolationLevel) {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
      }
      const release = await queue.acquire();
      try {
        await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
      } catch (err) {
        release();
        throw err;
      }
      let open = true;
      const end = async (sql3) => {
        if (!open) return;
        open = false;
        try {
          await adapter.executeRaw(statement(sql3));
        } catch (err) {
          await adapter.executeRaw(statement("ROLLBACK")).catch(() => void 0);
          if (sql3 === "COMMIT") throw err;
        } finally {
          release();
        }
      };
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        // Prisma leaves COMMIT and ROLLBACK to commit() and rollback() below.
        options: { usePhantomQuery: true },
        queryRaw: (q) => adapter.queryRaw(q),
        executeRaw: (q) => adapter.executeRaw(q),
        commit: () => end("COMMIT"),
        rollback: () => end("ROLLBACK")
      };
    }
  };
}
var statement;
var init_sqlite_adapter = __esm({
  "lib/db/sqlite-adapter.ts"() {
    "use strict";
    statement = (sql3) => ({ sql: sql3, args: [], argTypes: [] });
  }
});

// lib/env.ts
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// lib/http/client-address.ts
import net from "node:net";
var DEFAULT_TRUSTED_PROXIES = ["127.0.0.0/8", "::1"];
function proxyEntryProblem(entry) {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return `"${entry}" is not an IP address or a CIDR block (10.0.0.0/8, fd00::/8)`;
  if (prefix !== void 0 && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))) {
    return `"${entry}" has a prefix length out of range`;
  }
  return null;
}

// lib/env.ts
var schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z.string().regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)").optional(),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3e3),
  /** Address the web server binds to; loopback unless you mean to serve a network. */
  HOST: z.string().min(1).default("127.0.0.1"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NUMBER_HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Sign-up and sign-in attempts allowed per client address per minute. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Number availability look-ups per client address per minute (typing is chatty). */
  RATE_LIMIT_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).default(240),
  /** Calls a member may place per minute (a stranger can ring anyone by number). */
  RATE_LIMIT_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  /** Contact requests one member may send per hour (strangers reach a member this way). */
  CONTACT_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  NEW_CONVERSATIONS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Unread messages are emailed (once) to a member away this long with no live connection. */
  MESSAGE_DIGEST_AFTER_SECONDS: z.coerce.number().int().min(1).default(600),
  /** The biggest file or picture sent in a message. */
  MESSAGE_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** Calls to shops' sales agents per client address per minute (guests may call, so strangers reach the agents). */
  RATE_LIMIT_MALL_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Number lookups through /<number> and /<email> (/api/resolve) per client address per minute. */
  RATE_LIMIT_RESOLVE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Numbers one client address may hold per hour (each cookieless browser is a new holder). */
  NUMBER_HOLDS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Open (queued, ringing or connected) shop calls of guests from one client address. */
  MALL_GUEST_CALLS_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Sign-in failures per identifier from one client address before that address is locked out of it (30 s, doubling up to 15 min). */
  SIGN_IN_FAILURES_BEFORE_LOCKOUT: z.coerce.number().int().min(1).default(5),
  /** Sign-in failures per identifier from all addresses before browsers that never signed in to it are locked out alike. */
  SIGN_IN_ACCOUNT_FAILURES_BEFORE_LOCKOUT: z.coerce.number().int().min(1).default(50),
  /**
   * How many proxies you run in front of the web server: the client address is the entry that many
   * hops from the right of X-Forwarded-For (1 = the last entry, the one your proxy appended); 0 = the
   * socket's address. "true"/"false" mean 1/0, as before.
   */
  TRUST_PROXY: z.string().regex(/^(\d|true|false)$/, "must be the number of proxies in front (0-9)").default("0").transform((v) => v === "true" ? 1 : v === "false" ? 0 : Number(v)),
  /**
   * The addresses your proxies connect from (addresses and CIDR blocks, comma-separated): the
   * X-Forwarded-For hops TRUST_PROXY counts are read only from these. Loopback by default.
   */
  TRUSTED_PROXIES: z.string().default(DEFAULT_TRUSTED_PROXIES.join(",")).transform(
    (v) => v.split(",").map((s) => s.trim()).filter(Boolean)
  ).superRefine((entries, ctx) => {
    for (const entry of entries) {
      const problem = proxyEntryProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
  }),
  /** Load the demo members: by default only on a loopback PUBLIC_URL outside production ("1" forces, "0" never). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  /** Mailbox: the longest message (and greeting), the biggest upload, and messages per sender per hour. */
  MAILBOX_MAX_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  MAILBOX_MAX_BYTES: z.coerce.number().int().min(64 * 1024).default(120 * 1024 * 1024),
  MAILBOX_MESSAGES_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Greeting recordings a member may start per hour. */
  GREETING_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Hours an unconfirmed address stays with its holder; after that, registering it takes it from them (they keep their account). */
  UNVERIFIED_EMAIL_GRACE_HOURS: z.coerce.number().int().min(1).default(24),
  /** Recorded messages and photos in S3-compatible object storage (all four set), or files under DATA_DIR. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Outgoing email (new-message notices): smtp://user:pass@host:port; without it, .eml files in <DATA_DIR>/outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Portal <no-reply@portal.local>"),
  /** The presence server: where it listens, where browsers reach it, where route handlers reach it. */
  PRESENCE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  PRESENCE_HOST: z.string().min(1).default("127.0.0.1"),
  PRESENCE_PUBLIC_URL: z.url().optional(),
  PRESENCE_INTERNAL_URL: z.url().optional(),
  PRESENCE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Names this presence node in its connection rows; stable across restarts so a restart clears its leftovers. */
  PRESENCE_NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
  /** How long a member's call rings before it is missed, and a shop's call rings one agent before the next. */
  CALL_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(30),
  MALL_AGENT_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(15),
  PRESENCE_AUTO_AWAY_SECONDS: z.coerce.number().int().min(5).default(600),
  /** Socket.IO heartbeat: a silent connection is dropped after interval + timeout. */
  PRESENCE_PING_INTERVAL_MS: z.coerce.number().int().min(1e3).default(2e4),
  PRESENCE_PING_TIMEOUT_MS: z.coerce.number().int().min(1e3).default(2e4),
  /**
   * Scale-out: how often a presence node tells the others it is alive; they forget a node silent for
   * three of these (a crashed node's members go offline everywhere within a minute at 15 s).
   */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(500).max(2e4).default(15e3),
  /** Scale-out: with Redis, presence nodes share events; without, the bus lives in the single presence process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis://").optional(),
  /** Media: a LiveKit server of your own (all three set), or none and the launcher runs one on loopback. */
  LIVEKIT_URL: z.string().regex(/^wss?:\/\//, "must start with ws:// or wss://").optional(),
  LIVEKIT_API_KEY: z.string().min(3).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The embedded LiveKit server's signalling port and its RTC ports (TCP and UDP). */
  LIVEKIT_PORT: z.coerce.number().int().min(1).max(65535).default(7880),
  LIVEKIT_RTC_TCP_PORT: z.coerce.number().int().min(1).max(65535).default(7881),
  LIVEKIT_RTC_UDP_PORT: z.coerce.number().int().min(1).max(65535).default(7882),
  LIVEKIT_BIN: z.string().min(1).default(".bin/livekit-server")
});
var cached;
function readGeneratedSecrets(dataDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  } catch {
    return {};
  }
}
function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
function parseEnv(source) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:
${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const generated = readGeneratedSecrets(dataDir);
  const secret = e.AUTH_SECRET ?? generated.AUTH_SECRET;
  const presenceSecret = e.PRESENCE_SECRET ?? generated.PRESENCE_SECRET;
  const livekitSecret = e.LIVEKIT_API_SECRET ?? generated.LIVEKIT_API_SECRET;
  if ((!secret || !presenceSecret || !livekitSecret) && e.NODE_ENV === "production") {
    const missing = !secret ? "AUTH_SECRET" : !presenceSecret ? "PRESENCE_SECRET" : "LIVEKIT_API_SECRET";
    throw new Error(`${missing} is not set and data/secrets.json is missing: run \`npm start\` once or set ${missing}`);
  }
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "portal.db")}`;
  const ownLivekit = [e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET];
  if (ownLivekit.some(Boolean) && !ownLivekit.every(Boolean)) {
    throw new Error("Invalid configuration:\n  LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET go together: set all three or none");
  }
  const s3 = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new Error(
      "Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four or none"
    );
  }
  const livekitUrl = e.LIVEKIT_URL ?? `ws://127.0.0.1:${e.LIVEKIT_PORT}`;
  return {
    ...e,
    databaseUrlGiven: e.DATABASE_URL !== void 0,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret ?? "development-only-secret-do-not-use-in-production",
    PRESENCE_SECRET: presenceSecret ?? "development-only-presence-secret-not-for-production",
    PRESENCE_PUBLIC_URL: e.PRESENCE_PUBLIC_URL ?? `http://localhost:${e.PRESENCE_PORT}`,
    PRESENCE_INTERNAL_URL: e.PRESENCE_INTERNAL_URL ?? `http://127.0.0.1:${e.PRESENCE_PORT}`,
    PRESENCE_NODE_ID: e.PRESENCE_NODE_ID ?? `node-${e.PRESENCE_PORT}`,
    LIVEKIT_URL: livekitUrl,
    livekitApiUrl: livekitUrl.replace(/^ws/, "http"),
    LIVEKIT_API_KEY: e.LIVEKIT_API_KEY ?? "portal",
    LIVEKIT_API_SECRET: livekitSecret ?? "development-only-livekit-secret-not-for-production",
    livekitEmbedded: !e.LIVEKIT_URL,
    dbKind: databaseUrl.startsWith("file:") ? "sqlite" : "postgres",
    dataDir
  };
}

// lib/db/client.ts
var globalForDb = globalThis;
var reads = globalForDb.portalReads ??= /* @__PURE__ */ new WeakMap();
var SQLITE_CACHE_PRAGMA = "cache_size = -65536";
var SQLITE_BUSY_TIMEOUT_MS = 5e3;
var sqliteArg = (v) => v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? v ? 1 : 0 : v;
var pgArg = (v) => v instanceof Date ? v.toISOString() : v;
async function create() {
  const { DATABASE_URL, dbKind } = env();
  if (dbKind === "postgres") {
    const [{ PrismaClient: PrismaClient4 }, { PrismaPg }, { default: pg }] = await Promise.all([
      Promise.resolve().then(() => (init_client(), client_exports)),
      import("@prisma/adapter-pg"),
      import("pg")
    ]);
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 20 });
    const client2 = new PrismaClient4({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    reads.set(client2, {
      read: async (sql3) => (await pool.query(sql3.text, sql3.values.map(pgArg))).rows,
      close: async () => {
      }
    });
    return client2;
  }
  const [{ PrismaClient: PrismaClient3 }, { sqliteAdapter: sqliteAdapter2 }, { default: Database }] = await Promise.all([
    Promise.resolve().then(() => (init_client2(), client_exports2)),
    Promise.resolve().then(() => (init_sqlite_adapter(), sqlite_adapter_exports)),
    import("better-sqlite3")
  ]);
  const client = new PrismaClient3({ adapter: sqliteAdapter2(DATABASE_URL, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe(`PRAGMA ${SQLITE_CACHE_PRAGMA}`);
  setInterval(() => void client.$queryRawUnsafe("PRAGMA optimize").catch(() => {
  }), 60 * 6e4).unref();
  let reader;
  const open = () => {
    const conn = new Database(DATABASE_URL.replace(/^file:/, ""), { timeout: SQLITE_BUSY_TIMEOUT_MS });
    conn.pragma("query_only = 1");
    conn.pragma(SQLITE_CACHE_PRAGMA);
    return conn;
  };
  reads.set(client, {
    read: async (sql3) => (reader ??= open()).prepare(sql3.sql).all(...sql3.values.map(sqliteArg)),
    close: async () => void reader?.close()
  });
  return client;
}
function db() {
  globalForDb.portalDb ??= create().catch((err) => {
    globalForDb.portalDb = void 0;
    throw err;
  });
  return globalForDb.portalDb;
}
function directReads(client) {
  return reads.get(client)?.read ?? ((sql3) => client.$queryRaw(sql3));
}
async function disconnectDb() {
  const p = globalForDb.portalDb;
  globalForDb.portalDb = void 0;
  if (!p) return;
  const client = await p;
  await reads.get(client)?.close();
  await client.$disconnect();
}
export {
  db,
  directReads,
  disconnectDb
};
