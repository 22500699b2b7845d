/** Country names as shops and ledgers write them → ISO 3166-1 alpha-2. */

/** EU member states (goods VAT area). Greece is `GR` in ISO; its VAT prefix `EL` is accepted too. */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);

// Region codes Intl knows that are not countries a customer lives in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Intl's names in these languages cover what BigCommerce, AccountView and Dutch/Belgian customers type. */
const LOCALES = ['en', 'nl', 'fr', 'de'];

/**
 * BigCommerce's country list uses ISO's formal short names ("Korea, Republic of"), which Intl does not;
 * plus everyday names people type.
 */
const ALIASES: Record<string, string> = {
  holland: 'NL', 'netherlands antilles': 'CW',
  uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  usa: 'US', 'united states of america': 'US', america: 'US',
  'korea republic of': 'KR', korea: 'KR', 'korea democratic peoples republic of': 'KP',
  'iran islamic republic of': 'IR', 'holy see vatican city state': 'VA', 'holy see': 'VA',
  'macedonia the former yugoslav republic of': 'MK', macedonia: 'MK', 'moldova republic of': 'MD',
  'tanzania united republic of': 'TZ', 'viet nam': 'VN', 'russian federation': 'RU', 'syrian arab republic': 'SY',
  'lao peoples democratic republic': 'LA', 'libyan arab jamahiriya': 'LY', 'palestinian territory occupied': 'PS',
  'palestine state of': 'PS', 'micronesia federated states of': 'FM', 'virgin islands british': 'VG',
  'virgin islands us': 'VI', 'taiwan province of china': 'TW', 'czech republic': 'CZ', 'brunei darussalam': 'BN',
  'congo the democratic republic of the': 'CD', 'democratic republic of the congo': 'CD', congo: 'CG',
  'falkland islands malvinas': 'FK', 'heard island and mcdonald islands': 'HM', 'hong kong': 'HK', macao: 'MO',
  macau: 'MO', swaziland: 'SZ', turkey: 'TR', 'east timor': 'TL', 'united states minor outlying islands': 'UM',
  'bonaire sint eustatius and saba': 'BQ', 'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE', 'cape verde': 'CV', 'ivory coast': 'CI',
  'saint helena ascension and tristan da cunha': 'SH', 'sint maarten dutch part': 'SX',
  'saint martin french part': 'MF', burma: 'MM', 'reunion island': 'RE',
};

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const displays = LOCALES.map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || canonical(code) !== code) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name && !map.has(normalise(name))) map.set(normalise(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(normalise(alias), code);
  byName = map;
  return map;
}

/** Lowercase, no accents or punctuation, "St." spelled out, no leading "the". */
function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.?(?=\s)/g, 'saint')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Retired and alias codes to today's: DD → DE, UK → GB, AN → CW. */
function canonical(code: string): string {
  const [tag] = Intl.getCanonicalLocales(`und-${code}`);
  return tag?.slice(4) ?? code;
}

let english: Intl.DisplayNames | undefined;

function isKnownCode(code: string): boolean {
  english ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return !NOT_COUNTRIES.has(code) && english.of(code) !== undefined;
}

/** `"Netherlands"`, `"nl"`, `"België"` → `"NL"`/`"BE"`; undefined when the name is not a country we know. */
export function countryIso2(nameOrCode: string | undefined): string | undefined {
  if (nameOrCode === undefined) return undefined;
  const text = nameOrCode.trim();
  if (/^[a-z]{2}$/i.test(text)) {
    const code = text.toUpperCase() === 'EL' ? 'GR' : canonical(text.toUpperCase());
    if (isKnownCode(code)) return code;
  }
  return names().get(normalise(text));
}
