/** What each seeded company sells: article groups and the templates their articles are generated from. */

export type VatRate = 'high' | 'low' | 'none';

export interface GroupTemplate {
  code: string;
  description: string;
  vat: VatRate;
  brands: readonly string[];
  items: readonly string[];
  specs: readonly string[];
  /** Shelf price incl. VAT, from–to. */
  price: readonly [number, number];
  weight: readonly [number, number];
  unit?: 'ST' | 'PR' | 'DS';
  /** Articles for a plain group, families for a variant group. */
  count: number;
  /** Variant families: every family is sizes × some of the colours. */
  variants?: { sizes: readonly string[]; colours?: readonly string[] };
}

const COLOURS = ['Zwart', 'Wit', 'Rood', 'Blauw', 'Groen', 'Grijs', 'Geel'] as const;

export const BICYCLE_SHOP: readonly GroupTemplate[] = [
  { code: 'STAD', description: 'Stadsfietsen', vat: 'high', brands: ['Gazelle', 'Batavus', 'Sparta', 'Cortina', 'Union'], items: ['Stadsfiets', 'Transportfiets', 'Omafiets', 'Opafiets'], specs: ['N3 57cm', 'N7 53cm', 'N7 61cm', 'N3 49cm', 'Single 57cm', 'N8 53cm', 'N5 57cm', 'N7 57cm'], price: [449, 1299], weight: [16, 24], count: 150 },
  { code: 'EBIK', description: 'Elektrische fietsen', vat: 'high', brands: ['Gazelle', 'Stella', 'QWIC', 'Sparta', 'Batavus', 'Cortina'], items: ['E-bike middenmotor', 'E-bike voorwielmotor', 'Speed pedelec', 'E-bike lage instap'], specs: ['500Wh 53cm', '625Wh 57cm', '400Wh 49cm', '500Wh 61cm', '750Wh 57cm', '418Wh 53cm'], price: [1799, 4999], weight: [22, 30], count: 150 },
  { code: 'KIND', description: 'Kinderfietsen', vat: 'high', brands: ['Alpina', 'Volare', 'Loekie', 'Puky', 'Batavus'], items: ['Kinderfiets', 'Loopfiets', 'Meisjesfiets', 'Jongensfiets'], specs: ['12 inch', '16 inch', '20 inch', '22 inch', '24 inch', '26 inch'], price: [99, 449], weight: [4, 14], count: 120 },
  { code: 'RACE', description: 'Racefietsen en gravel', vat: 'high', brands: ['Cannondale', 'Trek', 'Giant', 'Canyon', 'Koga'], items: ['Racefiets', 'Gravelbike', 'Cyclocross', 'Triathlonfiets'], specs: ['105 54cm', 'Ultegra 56cm', 'GRX 52cm', 'Tiagra 58cm', 'Rival 54cm', 'Di2 56cm', 'Sora 50cm'], price: [899, 4499], weight: [7, 11], count: 140 },
  { code: 'BAND', description: 'Buitenbanden', vat: 'high', brands: ['Schwalbe', 'Continental', 'Vredestein', 'Michelin', 'Maxxis', 'Vittoria'], items: ['Marathon', 'Energizer', 'Perfect', 'Power', 'Contact', 'Rubino'], specs: ['28 x 1.40 (37-622)', '28 x 1.75 (47-622)', '26 x 2.00 (50-559)', '700x25C', '700x28C', '24 x 1.75 (47-507)'], price: [19.95, 69.95], weight: [0.3, 1.1], count: 200 },
  { code: 'BINN', description: 'Binnenbanden', vat: 'high', brands: ['Schwalbe', 'Continental', 'Vredestein', 'Michelin'], items: ['Binnenband Hollands ventiel', 'Binnenband frans ventiel', 'Binnenband auto ventiel'], specs: ['28 inch', '26 inch', '24 inch', '20 inch', '700C', '16 inch', '12 inch'], price: [4.95, 14.95], weight: [0.1, 0.25], count: 110 },
  { code: 'VERL', description: 'Fietsverlichting', vat: 'high', brands: ['AXA', 'Busch+Muller', 'Spanninga', 'Sigma', 'Lezyne'], items: ['Koplamp', 'Achterlicht', 'Verlichtingsset', 'Naafdynamo koplamp'], specs: ['LED batterij', 'USB oplaadbaar', '30 lux', '70 lux', 'spatbordmontage', 'dragermontage'], price: [9.95, 119], weight: [0.05, 0.4], count: 180 },
  { code: 'SLOT', description: 'Fietssloten', vat: 'high', brands: ['AXA', 'ABUS', 'Kryptonite', 'Trelock'], items: ['Ringslot', 'Kettingslot', 'Beugelslot', 'Vouwslot', 'Kabelslot'], specs: ['ART-2', 'ART-3', '85cm', '110cm', '180cm', 'insteekketting'], price: [14.95, 129], weight: [0.3, 2.8], count: 160 },
  { code: 'TASS', description: 'Fietstassen', vat: 'high', brands: ['Basil', 'Ortlieb', 'New Looxs', 'Vaude', 'Willex'], items: ['Dubbele fietstas', 'Enkele fietstas', 'Shopper', 'Stuurtas', 'Zadeltas'], specs: ['18L', '25L', '32L', '46L', 'waterdicht', 'reflecterend'], price: [19.95, 179], weight: [0.2, 1.8], count: 170 },
  { code: 'HELM', description: 'Fietshelmen', vat: 'high', brands: ['Abus', 'Giro', 'Uvex', 'MET', 'Bell'], items: ['Fietshelm', 'Racehelm', 'Kinderhelm', 'Speed pedelec helm'], specs: ['MIPS', 'urban', 'sport'], price: [39.95, 189], weight: [0.25, 0.5], count: 14, variants: { sizes: ['S', 'M', 'L'], colours: COLOURS } },
  { code: 'KLED', description: 'Fietskleding', vat: 'high', brands: ['Rogelli', 'Agu', 'Castelli', 'Gore'], items: ['Regenjas', 'Fietsshirt korte mouw', 'Fietsbroek', 'Windjack', 'Thermo jack'], specs: ['heren', 'dames', 'unisex'], price: [29.95, 199], weight: [0.15, 0.9], count: 16, variants: { sizes: ['S', 'M', 'L', 'XL'], colours: COLOURS } },
  { code: 'SCHO', description: 'Fietsschoenen', vat: 'high', brands: ['Shimano', 'Northwave', 'Sidi', 'Fizik'], items: ['Raceschoen', 'MTB-schoen', 'Toerschoen'], specs: ['SPD', 'SPD-SL', 'Boa'], price: [79.95, 299], weight: [0.5, 0.9], unit: 'PR', count: 10, variants: { sizes: ['40', '41', '42', '43', '44', '45'] } },
  { code: 'POMP', description: 'Pompen', vat: 'high', brands: ['SKS', 'Lezyne', 'Topeak', 'Bontrager'], items: ['Vloerpomp', 'Minipomp', 'CO2-pomp', 'Elektrische pomp'], specs: ['met manometer', 'alle ventielen', '11 bar', '8 bar', 'aluminium'], price: [9.95, 89.95], weight: [0.1, 1.6], count: 120 },
  { code: 'GERE', description: 'Gereedschap', vat: 'high', brands: ['Park Tool', 'Topeak', 'Lezyne', 'Cyclus'], items: ['Multitool', 'Kettingpons', 'Bandenlichters', 'Momentsleutel', 'Trapassleutel', 'Montagestandaard'], specs: ['16-delig', '8-delig', 'staal', 'compact', 'werkplaats'], price: [4.95, 249], weight: [0.05, 6], count: 160 },
  { code: 'ONDH', description: 'Onderhoud en smeermiddelen', vat: 'high', brands: ['WD-40', 'Finish Line', 'Muc-Off', 'Squirt'], items: ['Kettingolie', 'Fietsreiniger', 'Ontvetter', 'Vet', 'Poetsdoeken'], specs: ['100ml', '250ml', '500ml', '1L', 'spray', 'druppelfles'], price: [4.95, 29.95], weight: [0.1, 1.1], count: 150 },
  { code: 'ZADL', description: 'Zadels', vat: 'high', brands: ['Selle Royal', 'Brooks', 'Selle Italia', 'Fizik', 'Ergon'], items: ['Comfortzadel', 'Racezadel', 'Gelzadel', 'Leren zadel'], specs: ['heren', 'dames', 'breed', 'smal', 'met veren'], price: [19.95, 159], weight: [0.2, 0.7], count: 130 },
  { code: 'STUR', description: 'Sturen en stuurpennen', vat: 'high', brands: ['Ergotec', 'Ritchey', 'Zoom', 'FSA'], items: ['Stuur', 'Stuurpen', 'Handvatten', 'Stuurlint'], specs: ['recht 620mm', 'gebogen 580mm', 'verstelbaar', '31.8mm', '25.4mm', 'ergonomisch'], price: [9.95, 99], weight: [0.1, 0.6], count: 140 },
  { code: 'KETT', description: 'Kettingen en tandwielen', vat: 'high', brands: ['Shimano', 'KMC', 'SRAM', 'Connex'], items: ['Ketting', 'Cassette', 'Kettingblad', 'Freewheel', 'Kettingschakel'], specs: ['8-speed', '9-speed', '10-speed', '11-speed', '12-speed', 'single speed'], price: [7.95, 149], weight: [0.02, 0.6], count: 150 },
  { code: 'REMM', description: 'Remmen', vat: 'high', brands: ['Shimano', 'Magura', 'Tektro', 'SRAM', 'Avid'], items: ['Remblokken', 'Schijfremset', 'V-brake', 'Remkabel', 'Remschijf'], specs: ['voor', 'achter', '160mm', '180mm', 'hydraulisch', 'mechanisch'], price: [5.95, 199], weight: [0.03, 0.9], count: 150 },
  { code: 'BOEK', description: 'Fietsboeken en kaarten', vat: 'low', brands: ['ANWB', 'Falk', 'Kompass', 'Fietsersbond'], items: ['Fietsknooppuntenkaart', 'Fietsgids', 'Routeboek', 'Fietsatlas'], specs: ['Noord-Holland', 'Utrecht', 'Gelderland', 'Limburg', 'Zeeland', 'Friesland', 'Drenthe', 'Brabant'], price: [7.95, 34.95], weight: [0.1, 0.8], count: 110 },
];

export const DRINKS_WHOLESALER: readonly GroupTemplate[] = [
  { code: 'SPEC', description: 'Speciaalbier', vat: 'high', brands: ['Het Anker', 'La Trappe', 'Brand', 'Jopen', 'Brouwerij t IJ', 'De Molen'], items: ['Tripel', 'Dubbel', 'Blond', 'IPA', 'Saison', 'Stout', 'Quadrupel'], specs: ['fles 33cl', 'krat 24x30cl', 'fust 20L', 'doos 12x33cl'], price: [1.95, 119], weight: [0.5, 24], count: 110 },
  { code: 'PILS', description: 'Pils', vat: 'high', brands: ['Hertog Jan', 'Grolsch', 'Bavaria', 'Brand', 'Gulpener'], items: ['Pilsener', 'Premium pils', 'Radler'], specs: ['krat 24x30cl', 'blik 33cl', 'fust 20L', 'fles 45cl'], price: [1.49, 99], weight: [0.4, 22], count: 70 },
  { code: 'ALCV', description: 'Alcoholvrij bier', vat: 'low', brands: ['Heineken', 'Brand', 'Bavaria', 'Grolsch'], items: ['0.0 Pils', '0.0 Blond', '0.0 Weizen', '0.0 IPA'], specs: ['fles 30cl', 'blik 33cl', 'krat 24x30cl'], price: [1.29, 29.95], weight: [0.4, 20], count: 50 },
  { code: 'FRIS', description: 'Frisdranken', vat: 'low', brands: ['Coca-Cola', 'Fanta', 'Sourcy', 'Royal Club', 'Chaudfontaine'], items: ['Cola', 'Sinas', 'Cassis', 'Bitter Lemon', 'Tonic', 'Ginger Ale'], specs: ['fles 20cl', 'PET 1.5L', 'blik 33cl', 'tray 24x20cl'], price: [0.99, 24.95], weight: [0.25, 12], count: 90 },
  { code: 'WATR', description: 'Water', vat: 'low', brands: ['Spa', 'Sourcy', 'Chaudfontaine', 'Bar le Duc'], items: ['Blauw', 'Rood', 'Citroen', 'Framboos'], specs: ['fles 25cl', 'PET 1.5L', 'tray 24x25cl'], price: [0.79, 18.95], weight: [0.3, 10], count: 40 },
  { code: 'SAPP', description: 'Sappen', vat: 'low', brands: ['Appelsientje', 'Taksi', 'Granini', 'Van de Boom'], items: ['Jus d orange', 'Appelsap', 'Multivitamine', 'Tomatensap'], specs: ['pak 1L', 'fles 20cl', 'tray 24x20cl'], price: [1.29, 29.95], weight: [0.3, 12], count: 40 },
  { code: 'WIJR', description: 'Rode wijn', vat: 'high', brands: ['Chateau Belvue', 'Dominio del Sol', 'Villa Ferro', 'Bodega Alta', 'Domaine Roche'], items: ['Merlot', 'Cabernet Sauvignon', 'Tempranillo', 'Pinot Noir', 'Malbec', 'Primitivo'], specs: ['fles 75cl', 'doos 6x75cl', 'magnum 150cl'], price: [5.95, 119], weight: [1.2, 9], count: 90 },
  { code: 'WIJW', description: 'Witte wijn', vat: 'high', brands: ['Chateau Belvue', 'Villa Ferro', 'Weingut Keller', 'Domaine Roche'], items: ['Chardonnay', 'Sauvignon Blanc', 'Riesling', 'Pinot Grigio', 'Verdejo'], specs: ['fles 75cl', 'doos 6x75cl'], price: [5.95, 89], weight: [1.2, 9], count: 60 },
  { code: 'MOUS', description: 'Mousserende wijn', vat: 'high', brands: ['Freixenet', 'Prosecco Valdo', 'Cremant Loire', 'Moet'], items: ['Brut', 'Extra Dry', 'Rose', 'Demi-sec'], specs: ['fles 75cl', 'doos 6x75cl', 'piccolo 20cl'], price: [7.95, 299], weight: [0.4, 10], count: 40 },
  { code: 'GEDI', description: 'Gedistilleerd', vat: 'high', brands: ['Bols', 'Ketel 1', 'Hooghoudt', 'Nolet', 'Bokma'], items: ['Jonge jenever', 'Oude jenever', 'Vodka', 'Gin', 'Korenwijn', 'Whisky'], specs: ['fles 70cl', 'fles 100cl', 'fles 35cl'], price: [12.95, 69.95], weight: [0.7, 1.8], count: 80 },
  { code: 'LIKR', description: 'Likeuren', vat: 'high', brands: ['Bols', 'De Kuyper', 'Licor 43', 'Berentzen'], items: ['Advocaat', 'Bessenjenever', 'Citroenlikeur', 'Koffielikeur', 'Amaretto'], specs: ['fles 50cl', 'fles 70cl'], price: [8.95, 29.95], weight: [0.7, 1.4], count: 40 },
  { code: 'KOFF', description: 'Koffie', vat: 'low', brands: ['Douwe Egberts', 'Peeze', 'Lavazza', 'Illy'], items: ['Bonen', 'Snelfiltermaling', 'Espresso bonen', 'Pads'], specs: ['250g', '500g', '1kg', '36 stuks'], price: [3.95, 34.95], weight: [0.25, 1.1], count: 40 },
  { code: 'THEE', description: 'Thee', vat: 'low', brands: ['Pickwick', 'Lipton', 'Clipper', 'Zonnatura'], items: ['Earl Grey', 'Groene thee', 'Rooibos', 'Muntthee', 'Bosvruchten'], specs: ['20 zakjes', '100 zakjes', 'los 100g'], price: [1.95, 19.95], weight: [0.05, 0.5], count: 35 },
  { code: 'SIRO', description: 'Siropen', vat: 'low', brands: ['Karvan Cevitam', 'Monin', 'Teisseire'], items: ['Aardbei', 'Framboos', 'Sinaasappel', 'Vanille', 'Karamel'], specs: ['fles 0.75L', 'fles 1L'], price: [2.95, 14.95], weight: [0.9, 1.4], count: 30 },
  { code: 'SNCK', description: 'Borrelsnacks', vat: 'low', brands: ['Duyvis', 'Lays', 'Croky', 'Bolletje'], items: ['Borrelnootjes', 'Chips paprika', 'Chips naturel', 'Zoute stengels', 'Pinda s'], specs: ['zak 150g', 'zak 300g', 'doos 20 stuks', 'horecaverpakking'], price: [0.99, 39.95], weight: [0.1, 4], count: 60 },
  { code: 'GLAS', description: 'Glaswerk', vat: 'high', brands: ['Libbey', 'Arcoroc', 'Het Anker'], items: ['Bierglas', 'Wijnglas', 'Tumbler', 'Tulpglas', 'Champagneflute'], specs: ['25cl doos 6', '33cl doos 6', '50cl doos 12', 'per stuk'], price: [2.95, 59.95], weight: [0.2, 6], count: 45 },
  { code: 'MERC', description: 'Merchandise', vat: 'high', brands: ['Het Anker'], items: ['T-shirt', 'Hoodie', 'Pet', 'Schort'], specs: ['logo', 'vintage', 'brouwerij'], price: [14.95, 59.95], weight: [0.1, 0.7], count: 10, variants: { sizes: ['S', 'M', 'L', 'XL', 'XXL'], colours: COLOURS } },
  { code: 'FUST', description: 'Fust en emballage', vat: 'none', brands: ['Emballage'], items: ['Statiegeld krat', 'Statiegeld fles', 'Fust retour', 'CO2-cilinder'], specs: ['standaard', '20L', '30L', '50L'], price: [0.1, 55], weight: [0.3, 15], count: 16 },
  { code: 'CADO', description: 'Cadeaupakketten', vat: 'high', brands: ['Het Anker'], items: ['Bierpakket', 'Wijnpakket', 'Borrelpakket', 'Kerstpakket'], specs: ['klein', 'middel', 'groot', 'luxe'], price: [19.95, 149], weight: [1, 12], unit: 'DS', count: 32 },
  { code: 'HORE', description: 'Horeca-benodigdheden', vat: 'high', brands: ['Het Anker', 'Horecavak'], items: ['Bierviltjes', 'Tapkraan', 'Spoelbak', 'Dienblad', 'Flesopener'], specs: ['doos 1000', 'per stuk', 'RVS', 'kunststof'], price: [2.95, 399], weight: [0.05, 8], count: 40 },
];

export const DEMO_SHOP: readonly GroupTemplate[] = [
  { code: 'ALG', description: 'Algemeen', vat: 'high', brands: ['Demo'], items: ['Artikel', 'Product', 'Onderdeel'], specs: ['A', 'B', 'C', 'D', 'E'], price: [4.95, 99], weight: [0.1, 2], count: 40 },
  { code: 'VOED', description: 'Voeding', vat: 'low', brands: ['Demo'], items: ['Koekjes', 'Chocola', 'Thee'], specs: ['klein', 'groot'], price: [1.95, 9.95], weight: [0.1, 0.5], count: 20 },
  { code: 'DIEN', description: 'Diensten', vat: 'high', brands: ['Demo'], items: ['Installatie', 'Onderhoud', 'Verzendkosten'], specs: ['standaard', 'spoed'], price: [4.95, 75], weight: [0, 0], count: 6 },
  { code: 'KLED', description: 'Kleding', vat: 'high', brands: ['Demo'], items: ['T-shirt', 'Sweater'], specs: ['basic'], price: [14.95, 39.95], weight: [0.2, 0.6], count: 4, variants: { sizes: ['S', 'M', 'L'], colours: COLOURS } },
];
