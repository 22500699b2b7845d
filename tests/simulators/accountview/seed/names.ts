/** Word lists for a believable Dutch customer base. Postcode prefixes are real for each city. */

export const FIRST_NAMES_MALE = [
  'Jan', 'Pieter', 'Kees', 'Henk', 'Bram', 'Daan', 'Sem', 'Lucas', 'Thijs', 'Ruben', 'Joris', 'Maarten',
  'Willem', 'Gert-Jan', 'Sander', 'Bas', 'Erik', 'Mohamed', 'Youssef', 'Niels',
] as const;

export const FIRST_NAMES_FEMALE = [
  'Anna', 'Sophie', 'Emma', 'Lotte', 'Fleur', 'Sanne', 'Marieke', 'Ingrid', 'Petra', 'Linda', 'Eva', 'Noor',
  'Fatima', 'Julia', 'Iris', 'Anouk', 'Esther', 'Karin', 'Saskia', 'Yara',
] as const;

export const SURNAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van Dijk', 'Koster', 'El Amrani', 'Yilmaz', 'Schouten', 'Willems', 'Hoekstra', 'Post', 'Kuipers', 'Veenstra',
] as const;

export const STREETS = [
  'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Schoolstraat', 'Julianastraat', 'Beatrixlaan',
  'Wilhelminastraat', 'Nieuwstraat', 'Marktplein', 'Prinsengracht', 'Keizersgracht', 'Oudegracht', 'Lindenlaan',
  'Eikenlaan', 'Parallelweg', 'Industrieweg', 'Havenstraat', 'Burgemeester de Withstraat', 'Vondellaan',
  'Rembrandtplein', 'Hoofdstraat', 'Zuiderkade', 'Noordeinde', 'Achterom', 'Koningin Emmalaan', 'Sportlaan',
  'Van Goghstraat', 'Tolstraat', 'Laan van Meerdervoort',
] as const;

export interface City {
  name: string;
  postcode: number;
  area: string;
}

export const CITIES: readonly City[] = [
  { name: 'Amsterdam', postcode: 1017, area: '020' },
  { name: 'Utrecht', postcode: 3511, area: '030' },
  { name: 'Rotterdam', postcode: 3011, area: '010' },
  { name: "'s-Gravenhage", postcode: 2511, area: '070' },
  { name: 'Eindhoven', postcode: 5611, area: '040' },
  { name: 'Groningen', postcode: 9711, area: '050' },
  { name: 'Zwolle', postcode: 8011, area: '038' },
  { name: 'Haarlem', postcode: 2011, area: '023' },
  { name: 'Leiden', postcode: 2311, area: '071' },
  { name: 'Breda', postcode: 4811, area: '076' },
  { name: 'Nijmegen', postcode: 6511, area: '024' },
  { name: 'Maastricht', postcode: 6211, area: '043' },
  { name: 'Arnhem', postcode: 6811, area: '026' },
  { name: 'Amersfoort', postcode: 3811, area: '033' },
  { name: 'Delft', postcode: 2611, area: '015' },
  { name: 'Tilburg', postcode: 5038, area: '013' },
  { name: 'Alkmaar', postcode: 1811, area: '072' },
  { name: 'Deventer', postcode: 7411, area: '0570' },
  { name: 'Enschede', postcode: 7511, area: '053' },
  { name: 'Leeuwarden', postcode: 8911, area: '058' },
];

export const FOREIGN_CITIES = [
  { country: 'BE', countryName: 'België', name: 'Antwerpen', postcode: '2000', phone: '+32 3' },
  { country: 'BE', countryName: 'België', name: 'Gent', postcode: '9000', phone: '+32 9' },
  { country: 'DE', countryName: 'Duitsland', name: 'Kleve', postcode: '47533', phone: '+49 2821' },
  { country: 'DE', countryName: 'Duitsland', name: 'Aachen', postcode: '52062', phone: '+49 241' },
] as const;

export const BUSINESS_PATTERNS = [
  (s: string, c: string) => `Fietsverhuur ${c}`,
  (s: string) => `${cap(s)} Tweewielers`,
  (s: string) => `Bakkerij ${cap(s)}`,
  (s: string) => `${cap(s)} Installatietechniek B.V.`,
  (s: string, c: string) => `Koeriersdienst ${c}`,
  (s: string) => `Café ${cap(s)}`,
  (s: string) => `Restaurant ${cap(s)}`,
  (s: string) => `Slijterij ${cap(s)}`,
  (s: string, c: string) => `Hotel ${c} Centrum`,
  (s: string) => `${cap(s)} & Zonen`,
  (s: string) => `Zorggroep ${cap(s)}`,
  (s: string, c: string) => `Sportvereniging ${c}`,
] as const;

export const FREE_MAIL_DOMAINS = ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.com', 'outlook.com', 'xs4all.nl'] as const;

export const BANK_CODES = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB'] as const;

/** "van den Berg" as a surname on its own is written "Van den Berg". */
export function cap(surname: string): string {
  return surname.charAt(0).toUpperCase() + surname.slice(1);
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);
}
