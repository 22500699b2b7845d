import { VAT_CODES } from '../assumptions';
import type { Random } from '../random';
import type { Row } from '../types';
import { iban } from './check-digits';
import { BANK_CODES, BUSINESS_PATTERNS, cap, CITIES, FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, FOREIGN_CITIES, FREE_MAIL_DOMAINS, slug, STREETS, SURNAMES } from './names';
import { officeHours } from './wall-clock';

const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';

function digits(random: Random, n: number): string {
  return Array.from({ length: n }, () => String(random.int(0, 9))).join('');
}

function postcodeLetters(random: Random): string {
  return random.pick([...POSTCODE_LETTERS]) + random.pick([...POSTCODE_LETTERS]);
}

interface Person {
  first: string;
  surname: string;
  male: boolean;
}

function person(random: Random): Person {
  const male = random.chance(0.5);
  return { first: random.pick(male ? FIRST_NAMES_MALE : FIRST_NAMES_FEMALE), surname: random.pick(SURNAMES), male };
}

interface Address {
  ADDRESS1: string;
  POST_CODE: string;
  CITY: string;
  BOX_CITY: string;
  CNT_CODE: string;
  COUNTRY: string;
  TEL_BUS: string;
  foreign: boolean;
}

function address(random: Random): Address {
  const street = `${random.pick(STREETS)} ${random.int(1, 220)}${random.chance(0.1) ? random.pick(['a', 'b', '-1', ' bis']) : ''}`;
  if (random.chance(0.08)) {
    const city = random.pick(FOREIGN_CITIES);
    return { ADDRESS1: street, POST_CODE: city.postcode, CITY: city.name, BOX_CITY: `${city.postcode} ${city.name}`, CNT_CODE: city.country, COUNTRY: city.countryName, TEL_BUS: `${city.phone} ${digits(random, 6)}`, foreign: true };
  }
  const city = random.pick(CITIES);
  const postcode = `${city.postcode + random.int(0, 8)} ${postcodeLetters(random)}`;
  return { ADDRESS1: street, POST_CODE: postcode, CITY: city.name, BOX_CITY: `${postcode}  ${city.name.toUpperCase()}`, CNT_CODE: 'NL', COUNTRY: 'Nederland', TEL_BUS: `${city.area}-${digits(random, 10 - city.area.length)}`, foreign: false };
}

function contact(random: Random, subNr: number): Row {
  const p = person(random);
  const addr = address(random);
  const { foreign, ...where } = addr;
  const isCompany = random.chance(0.45);
  const fullName = `${p.first} ${p.surname}`;
  const salutation = `Geachte ${p.male ? 'heer' : 'mevrouw'} ${cap(p.surname)}`;
  const base: Row = {
    SUB_NR: String(subNr),
    ACCT_NR: '1300',
    ...where,
    TEL_MOB: random.chance(0.6) ? `06-${digits(random, 8)}` : '',
    WWW_URL: '',
    MAIN_CONT: '',
    MC_MAILB: '',
    MC_DEAR: '',
    VAT_NR: '',
    COC_CODE: '',
    IBAN_NR: random.chance(0.7) ? iban('NL', `${random.pick(BANK_CODES)}0${digits(random, 9)}`) : '',
    VAT_CODE: '',
    CUR_CODE: 'EUR',
    LNG_CODE: where.CNT_CODE === 'NL' ? 'NL' : where.CNT_CODE === 'BE' ? 'NL' : 'DE',
    DISC_CODE: random.pick(['14', '30', '30', '8']),
    REC_BLK: false,
    BLK_SP: false,
    EL_SI: random.chance(0.8),
    CNG_DATE: officeHours(random, '2022-03-01', 1180),
    REC_ID: subNr - 10000,
  };
  if (!isCompany) {
    const mail = `${slug(p.first)}.${slug(p.surname)}@${random.pick(FREE_MAIL_DOMAINS)}`;
    return { ...base, ACCT_NAME: fullName, SRC_CODE: slug(p.surname).toUpperCase().slice(0, 10), MAIL_BUS: mail, MC_DEAR: salutation };
  }
  const name = random.pick(BUSINESS_PATTERNS)(p.surname, where.CITY).slice(0, 40);
  const domain = `${slug(name)}.${foreign ? where.CNT_CODE.toLowerCase() : 'nl'}`;
  const vatCountry = where.CNT_CODE;
  return {
    ...base,
    ACCT_NAME: name,
    SRC_CODE: slug(name).toUpperCase().slice(0, 10),
    MAIL_BUS: `${random.pick(['info', 'administratie', 'inkoop', 'facturen'])}@${domain}`,
    WWW_URL: `https://www.${domain}`,
    MAIN_CONT: fullName,
    MC_MAILB: `${slug(p.first)}@${domain}`,
    MC_DEAR: salutation,
    VAT_NR: vatCountry === 'NL' ? `NL${digits(random, 9)}B01` : vatCountry === 'BE' ? `BE0${digits(random, 9)}` : `DE${digits(random, 9)}`,
    COC_CODE: vatCountry === 'NL' ? digits(random, 8) : '',
    VAT_CODE: foreign ? VAT_CODES.euGoods : '',
  };
}

function deliveryAddress(random: Random, debtor: Row, recId: number): Row {
  const addr = address(random);
  return {
    SUB_NR: debtor.SUB_NR ?? '',
    DEL_NAME: random.chance(0.5) ? `${String(debtor.ACCT_NAME)} (magazijn)`.slice(0, 40) : String(debtor.ACCT_NAME),
    ADDRESS1: addr.ADDRESS1,
    POST_CODE: addr.POST_CODE,
    CITY: addr.CITY,
    CNT_CODE: addr.CNT_CODE,
    MAIL_BUS: debtor.MAIL_BUS ?? '',
    TEL_BUS: addr.TEL_BUS,
    CNG_DATE: String(debtor.CNG_DATE),
    REC_ID: recId,
  };
}

/** Debtors (half companies with a contact person, half private persons) and some delivery addresses. */
export function seedDebtors(random: Random, count: number): { contacts: Row[]; addresses: Row[] } {
  const contacts = Array.from({ length: count }, (_, i) => contact(random, 10001 + i));
  // One blocked debtor and one blocked for orders, so refusals have something to refuse.
  const blocked = contacts[3];
  const noOrders = contacts[4];
  if (blocked) blocked.REC_BLK = true;
  if (noOrders) noOrders.BLK_SP = true;
  const addresses: Row[] = [];
  for (const debtor of contacts) {
    const n = random.chance(0.12) ? 1 : random.chance(0.03) ? 2 : 0;
    for (let k = 0; k < n; k++) addresses.push(deliveryAddress(random, debtor, addresses.length + 1));
  }
  return { contacts, addresses };
}
