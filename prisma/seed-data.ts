/** Demo members. All demo accounts share DEMO_PASSWORD (listed in the README). */
export const DEMO_PASSWORD = "portal-demo-2026";

export type DemoMember = {
  displayName: string;
  handle: string;
  city: string;
  birthDate: string;
  interests: string[];
  /** A vanity word or number; otherwise the next in sequence. */
  vanity?: string;
  listed?: boolean;
};

export const DEMO_MEMBERS: DemoMember[] = [
  {
    displayName: "Ada Okafor",
    handle: "ada",
    city: "Lagos",
    birthDate: "1990-04-12",
    interests: ["jazz", "chess", "robotics"],
    vanity: "CALLADA",
  },
  {
    displayName: "Bruno Martins",
    handle: "bruno",
    city: "Lisbon",
    birthDate: "1985-09-03",
    interests: ["surfing", "cooking"],
    vanity: "BRUNO",
  },
  { displayName: "Chloé Dubois", handle: "chloe", city: "Paris", birthDate: "1994-01-22", interests: ["cinema", "cycling", "photography"] },
  { displayName: "Dmitri Volkov", handle: "dmitri", city: "Berlin", birthDate: "1979-06-30", interests: ["chess", "history"] },
  {
    displayName: "Emma Lindqvist",
    handle: "emma",
    city: "Stockholm",
    birthDate: "2001-11-05",
    interests: ["design", "running", "coffee"],
    vanity: "EMMA",
  },
  { displayName: "Farid Haddad", handle: "farid", city: "Beirut", birthDate: "1988-02-17", interests: ["music", "oud", "travel"] },
  { displayName: "Grace Kim", handle: "grace", city: "Seoul", birthDate: "1996-08-09", interests: ["k-pop", "baking"] },
  { displayName: "Hiroshi Tanaka", handle: "hiroshi", city: "Osaka", birthDate: "1970-12-01", interests: ["gardening", "go", "tea"] },
  { displayName: "Isabela Costa", handle: "isabela", city: "São Paulo", birthDate: "1992-05-27", interests: ["football", "samba"] },
  {
    displayName: "Jamal Wright",
    handle: "jamal",
    city: "Chicago",
    birthDate: "1983-03-14",
    interests: ["basketball", "jazz", "podcasts"],
    vanity: "JAMAL",
  },
  { displayName: "Katarzyna Nowak", handle: "kasia", city: "Kraków", birthDate: "1999-07-19", interests: ["hiking", "languages"] },
  { displayName: "Liam O'Brien", handle: "liam", city: "Dublin", birthDate: "1987-10-02", interests: ["rugby", "folk music"] },
  { displayName: "Maya Patel", handle: "maya", city: "Mumbai", birthDate: "1995-04-04", interests: ["yoga", "cooking", "startups"] },
  { displayName: "Noah Cohen", handle: "noah", city: "Tel Aviv", birthDate: "1991-09-25", interests: ["startups", "cycling"] },
  { displayName: "Olivia Brown", handle: "olivia", city: "London", birthDate: "1975-01-08", interests: ["theatre", "gardening"] },
  { displayName: "Pedro Alvarez", handle: "pedro", city: "Madrid", birthDate: "1989-06-11", interests: ["football", "cooking"] },
  { displayName: "Quinn Taylor", handle: "quinn", city: "Toronto", birthDate: "2000-02-29", interests: ["hockey", "gaming"] },
  { displayName: "Rania Youssef", handle: "rania", city: "Cairo", birthDate: "1993-12-20", interests: ["architecture", "photography"] },
  { displayName: "Sofia Rossi", handle: "sofia", city: "Milan", birthDate: "1986-03-03", interests: ["fashion", "opera"], vanity: "SOFIA" },
  { displayName: "Tomás Herrera", handle: "tomas", city: "Buenos Aires", birthDate: "1981-08-15", interests: ["tango", "football"] },
  { displayName: "Uma Nair", handle: "uma", city: "Bengaluru", birthDate: "1997-10-10", interests: ["robotics", "cricket"] },
  { displayName: "Victor Nguyen", handle: "victor", city: "Hanoi", birthDate: "1990-05-05", interests: ["street food", "motorbikes"] },
  { displayName: "Wen Li", handle: "wenli", city: "Shanghai", birthDate: "1984-11-28", interests: ["calligraphy", "tea"] },
  { displayName: "Xavier Laurent", handle: "xavier", city: "Montréal", birthDate: "1978-04-18", interests: ["jazz", "skiing"] },
  { displayName: "Yasmin Ali", handle: "yasmin", city: "Dubai", birthDate: "1998-06-06", interests: ["design", "travel"] },
  { displayName: "Zanele Dlamini", handle: "zanele", city: "Johannesburg", birthDate: "1992-09-09", interests: ["music", "running"] },
  { displayName: "Amara Mensah", handle: "amara", city: "Accra", birthDate: "1994-03-21", interests: ["fashion", "podcasts"] },
  { displayName: "Björn Sørensen", handle: "bjorn", city: "Copenhagen", birthDate: "1980-07-07", interests: ["sailing", "cycling"] },
  { displayName: "Camila Reyes", handle: "camila", city: "Mexico City", birthDate: "1996-12-12", interests: ["painting", "salsa"] },
  {
    displayName: "Daniel Schmidt",
    handle: "daniel",
    city: "Vienna",
    birthDate: "1977-02-02",
    interests: ["opera", "chess"],
    listed: false,
  },
  { displayName: "Elif Yılmaz", handle: "elif", city: "Istanbul", birthDate: "1991-01-31", interests: ["photography", "history"] },
  { displayName: "Felix Wagner", handle: "felix", city: "Munich", birthDate: "1999-05-16", interests: ["football", "gaming"] },
  { displayName: "Giulia Bianchi", handle: "giulia", city: "Rome", birthDate: "1988-08-08", interests: ["cooking", "cinema"] },
  { displayName: "Hannah Müller", handle: "hannah", city: "Hamburg", birthDate: "1993-10-23", interests: ["sailing", "books"] },
  { displayName: "Ivan Petrov", handle: "ivan", city: "Sofia", birthDate: "1986-04-26", interests: ["mountains", "chess"] },
  { displayName: "Jun Watanabe", handle: "jun", city: "Tokyo", birthDate: "2004-03-30", interests: ["anime", "gaming", "robotics"] },
];
