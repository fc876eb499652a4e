/** The demo mall: merchants, their catalogue and staff (each staff member signs in like any demo member). */
export type DemoProduct = { slug: string; name: string; description: string; price: number; emoji: string; ageRestricted?: boolean };
export type DemoMerchant = {
  slug: string;
  name: string;
  category: string;
  tagline: string;
  color: string;
  accent: string;
  mark: string;
  /** Handle prefix for its staff: <prefix>-owner, <prefix>-agent1, <prefix>-agent2. */
  staff: string;
  city: string;
  catalogue: Record<string, DemoProduct[]>;
};

export const DEMO_MERCHANTS: DemoMerchant[] = [
  {
    slug: "northwind-cellars",
    name: "Northwind Cellars",
    category: "Wine & spirits",
    tagline: "Small growers, big flavours",
    color: "#7b1e3a",
    accent: "#f4d35e",
    mark: "🍷",
    staff: "northwind",
    city: "Porto",
    catalogue: {
      Red: [
        {
          slug: "douro-reserva",
          name: "Douro Reserva 2021",
          description: "Dark fruit and a long, gentle finish. 75 cl, 14% vol.",
          price: 2450,
          emoji: "🍷",
          ageRestricted: true,
        },
        {
          slug: "dao-tinto",
          name: "Dão Tinto 2022",
          description: "Fresh and floral, made for grilled food. 75 cl, 13% vol.",
          price: 1390,
          emoji: "🍇",
          ageRestricted: true,
        },
      ],
      "White & sparkling": [
        {
          slug: "vinho-verde",
          name: "Vinho Verde Loureiro",
          description: "Crisp, lightly sparkling, best cold. 75 cl, 11% vol.",
          price: 990,
          emoji: "🥂",
          ageRestricted: true,
        },
        { slug: "cork-opener", name: "Waiter's corkscrew", description: "Double-hinged, olive-wood handle.", price: 1800, emoji: "🍾" },
      ],
    },
  },
  {
    slug: "pixel-point",
    name: "Pixel Point",
    category: "Electronics",
    tagline: "Gadgets explained by people who use them",
    color: "#1d4ed8",
    accent: "#93c5fd",
    mark: "⚡",
    staff: "pixel",
    city: "Lisbon",
    catalogue: {
      Audio: [
        {
          slug: "anc-headphones",
          name: "Quiet One headphones",
          description: "Noise cancelling, 40 h battery, folds flat.",
          price: 17900,
          emoji: "🎧",
        },
        { slug: "pocket-speaker", name: "Pocket speaker", description: "Waterproof, pairs two for stereo.", price: 5900, emoji: "🔊" },
      ],
      Phones: [
        {
          slug: "usb-c-charger",
          name: "65 W USB-C charger",
          description: "Charges a laptop and a phone at once.",
          price: 3900,
          emoji: "🔌",
        },
        { slug: "phone-stand", name: "Aluminium phone stand", description: "Adjustable angle, for video calls.", price: 2400, emoji: "📱" },
      ],
    },
  },
  {
    slug: "circuit-house",
    name: "Circuit House",
    category: "Electronics",
    tagline: "Repairs, parts and honest advice",
    color: "#0e7490",
    accent: "#a5f3fc",
    mark: "🔧",
    staff: "circuit",
    city: "Madrid",
    catalogue: {
      Computers: [
        {
          slug: "mechanical-keyboard",
          name: "Mechanical keyboard",
          description: "Quiet switches, backlit, USB-C.",
          price: 8900,
          emoji: "⌨️",
        },
        { slug: "webcam-hd", name: "HD webcam", description: "1080p with a privacy shutter.", price: 4900, emoji: "📷" },
      ],
      Repairs: [
        {
          slug: "screen-repair",
          name: "Phone screen repair",
          description: "Most models same day; price includes parts.",
          price: 8900,
          emoji: "🛠️",
        },
      ],
    },
  },
  {
    slug: "bloom-and-stem",
    name: "Bloom & Stem",
    category: "Flowers & plants",
    tagline: "Bouquets tied the day they ship",
    color: "#15803d",
    accent: "#bbf7d0",
    mark: "🌷",
    staff: "bloom",
    city: "Amsterdam",
    catalogue: {
      Bouquets: [
        { slug: "tulip-bunch", name: "Tulip bunch", description: "Twenty tulips in the colours of the week.", price: 2900, emoji: "🌷" },
        { slug: "sunflowers", name: "Sunflowers", description: "Seven stems that last a week.", price: 2400, emoji: "🌻" },
      ],
      Plants: [
        { slug: "monstera", name: "Monstera in a clay pot", description: "60 cm tall, easy care.", price: 4500, emoji: "🪴" },
        { slug: "cactus-trio", name: "Cactus trio", description: "Three small cacti, water once a month.", price: 1900, emoji: "🌵" },
      ],
    },
  },
  {
    slug: "page-turner",
    name: "Page Turner",
    category: "Books",
    tagline: "Booksellers who read what they sell",
    color: "#92400e",
    accent: "#fde68a",
    mark: "📚",
    staff: "pages",
    city: "Dublin",
    catalogue: {
      Fiction: [
        {
          slug: "harbour-lights",
          name: "Harbour Lights",
          description: "A novel of three generations in a fishing town. Hardback.",
          price: 2199,
          emoji: "📕",
        },
        {
          slug: "night-train",
          name: "The Night Train",
          description: "A mystery that takes place in one night. Paperback.",
          price: 1299,
          emoji: "📗",
        },
      ],
      Children: [{ slug: "owl-counts", name: "Owl Counts to Ten", description: "Board book for ages 1–3.", price: 999, emoji: "🦉" }],
    },
  },
  {
    slug: "trailhead",
    name: "Trailhead Outfitters",
    category: "Outdoor",
    tagline: "Gear tested on real trails",
    color: "#0f766e",
    accent: "#99f6e4",
    mark: "⛰️",
    staff: "trail",
    city: "Oslo",
    catalogue: {
      Hiking: [
        { slug: "day-pack", name: "22 L day pack", description: "Ventilated back, rain cover included.", price: 7900, emoji: "🎒" },
        { slug: "trail-poles", name: "Carbon trekking poles", description: "Pair, 245 g each, fold to 38 cm.", price: 9900, emoji: "🥢" },
      ],
      Camping: [
        { slug: "pocket-stove", name: "Pocket stove", description: "Boils a litre in four minutes.", price: 4900, emoji: "🔥" },
        {
          slug: "sleeping-mat",
          name: "Insulated sleeping mat",
          description: "R-value 4.2, packs to a water bottle's size.",
          price: 12900,
          emoji: "🏕️",
        },
      ],
    },
  },
  {
    slug: "brew-lab",
    name: "Brew Lab",
    category: "Coffee & tea",
    tagline: "Roasted on Mondays, with you on Wednesday",
    color: "#78350f",
    accent: "#fcd34d",
    mark: "☕",
    staff: "brew",
    city: "Vienna",
    catalogue: {
      Coffee: [
        { slug: "house-espresso", name: "House espresso beans", description: "Chocolate and hazelnut. 1 kg.", price: 2600, emoji: "☕" },
        { slug: "ethiopia-filter", name: "Ethiopia filter roast", description: "Jasmine and peach. 250 g.", price: 1400, emoji: "🫘" },
      ],
      Tea: [{ slug: "sencha", name: "Sencha green tea", description: "Steamed, grassy and sweet. 100 g.", price: 1200, emoji: "🍵" }],
    },
  },
  {
    slug: "little-sprout",
    name: "Little Sprout",
    category: "Toys",
    tagline: "Toys that grow with children",
    color: "#db2777",
    accent: "#fbcfe8",
    mark: "🧸",
    staff: "sprout",
    city: "Copenhagen",
    catalogue: {
      "Wooden toys": [
        {
          slug: "stacking-rainbow",
          name: "Stacking rainbow",
          description: "Seven arches in beech wood, ages 1+.",
          price: 3900,
          emoji: "🌈",
        },
        { slug: "pull-duck", name: "Pull-along duck", description: "Wobbles and quacks, ages 1+.", price: 2200, emoji: "🦆" },
      ],
      Puzzles: [{ slug: "world-puzzle", name: "World map puzzle", description: "100 pieces, ages 6+.", price: 1900, emoji: "🧩" }],
    },
  },
  {
    slug: "urban-thread",
    name: "Urban Thread",
    category: "Fashion",
    tagline: "Everyday clothes, made to last",
    color: "#111827",
    accent: "#f9a8d4",
    mark: "🧵",
    staff: "thread",
    city: "Berlin",
    catalogue: {
      Tops: [
        { slug: "organic-tee", name: "Organic cotton tee", description: "Heavyweight, boxy fit, six colours.", price: 2900, emoji: "👕" },
        { slug: "merino-jumper", name: "Merino jumper", description: "Fine knit, machine washable.", price: 8900, emoji: "🧶" },
      ],
      Accessories: [{ slug: "canvas-tote", name: "Canvas tote", description: "Inside pocket, holds a laptop.", price: 2500, emoji: "👜" }],
    },
  },
];

/** Staff handles for a merchant, in order: the owner, then the two agents. */
export const staffHandles = (m: DemoMerchant) => [`${m.staff}-owner`, `${m.staff}-agent1`, `${m.staff}-agent2`];

/** People behind the counters, in merchant order: owner, agent, agent. */
export const STAFF_NAMES = [
  "Inês Duarte",
  "Tiago Ramos",
  "Leonor Pinto",
  "Hugo Almeida",
  "Sara Mendes",
  "Rui Costa",
  "Lucía Navarro",
  "Pablo Ortega",
  "Marta Gil",
  "Daan de Vries",
  "Femke Bakker",
  "Lars Visser",
  "Siobhan Byrne",
  "Cian Walsh",
  "Aoife Kelly",
  "Ingrid Hansen",
  "Magnus Berg",
  "Sigrid Lie",
  "Lukas Huber",
  "Anna Gruber",
  "Felix Wagner",
  "Freja Nielsen",
  "Mads Larsen",
  "Ida Madsen",
  "Jonas Weber",
  "Lea Schulz",
  "Emil Krause",
];
