/** Categories, target groups, attributes and geography of the demo portal. */

export const site = {
  siteName: 'LISA – hitta rätt hjälp i Karlskoga och Degerfors',
  shortName: 'LISA',
  regionName: 'Region Örebro län',
  contactEmail: 'lisa@mockelnforeningarna.example',
  dataController: 'Möckelnföreningarna (ideell förening), på uppdrag av nätverket LISA',
};

export const municipalities = [
  { code: '1883', name: 'Karlskoga', slug: 'karlskoga', regionName: 'Region Örebro län' },
  { code: '1862', name: 'Degerfors', slug: 'degerfors', regionName: 'Region Örebro län' },
];

/** `icon` names a bundled SVG icon (components/icons). */
export const categories = [
  { slug: 'vald-i-nara-relation', name: 'Våld i nära relation', icon: 'shield', en: 'Domestic violence', description: 'Stöd, skydd och rådgivning för dig som utsätts för våld, hot eller kontroll av någon närstående.' },
  { slug: 'psykisk-halsa', name: 'Psykisk hälsa', icon: 'heart', en: 'Mental health', description: 'Samtal, stödgrupper och gemenskap när livet känns tungt.' },
  { slug: 'ensamhet-och-gemenskap', name: 'Ensamhet och gemenskap', icon: 'people', en: 'Loneliness and community', description: 'Mötesplatser, besöksvänner och aktiviteter för att bryta ensamhet.' },
  { slug: 'ekonomi-och-skulder', name: 'Ekonomi och skulder', icon: 'coins', en: 'Money and debt', description: 'Hjälp med budget, skulder, räkningar och kontakter med Kronofogden.' },
  { slug: 'mat-och-klader', name: 'Mat och kläder', icon: 'basket', en: 'Food and clothes', description: 'Matkassar, sociala måltider, klädbytardagar och second hand.' },
  { slug: 'beroende', name: 'Beroende och missbruk', icon: 'leaf', en: 'Addiction', description: 'Stöd för dig med alkohol-, drog- eller spelproblem och för anhöriga.' },
  { slug: 'nyanland', name: 'Ny i Sverige', icon: 'globe', en: 'New in Sweden', description: 'Språkcafé, samhällsinformation och hjälp med myndighetskontakter.' },
  { slug: 'barn-unga-och-familj', name: 'Barn, unga och familj', icon: 'family', en: 'Children, youth and family', description: 'Läxhjälp, föräldrastöd, fritid och samtal för barn och unga.' },
  { slug: 'sorg-och-kris', name: 'Sorg och kris', icon: 'candle', en: 'Grief and crisis', description: 'Samtalsstöd och sorgegrupper efter dödsfall eller svåra händelser.' },
  { slug: 'brottsutsatt', name: 'Utsatt för brott', icon: 'scale', en: 'Victims of crime', description: 'Stöd och vägledning till dig som utsatts för brott eller varit vittne.' },
  { slug: 'boende-och-hemloshet', name: 'Boende och hemlöshet', icon: 'house', en: 'Housing and homelessness', description: 'Akut logi, rådgivning om boende och stöd vid vräkningshot.' },
  { slug: 'arbete-och-sysselsattning', name: 'Arbete och sysselsättning', icon: 'briefcase', en: 'Work and occupation', description: 'Arbetsträning, praktik och meningsfull sysselsättning.' },
  { slug: 'funktionsnedsattning-och-ledsagning', name: 'Funktionsnedsättning och ledsagning', icon: 'hand', en: 'Disability and accompaniment', description: 'Ledsagning, intressepolitik och stöd för personer med funktionsnedsättning och anhöriga.' },
  { slug: 'aldre', name: 'Äldre', icon: 'sun', en: 'Older people', description: 'Gemenskap, besök och praktisk hjälp för äldre.' },
  { slug: 'radgivning-och-juridik', name: 'Rådgivning och juridik', icon: 'book', en: 'Advice and legal help', description: 'Hjälp att förstå beslut, fylla i blanketter och överklaga.' },
  { slug: 'digital-hjalp', name: 'Digital hjälp', icon: 'screen', en: 'Digital help', description: 'Hjälp med mobil, dator, BankID och e-tjänster.' },
];

export const targetGroups = [
  { slug: 'alla', name: 'Alla', en: 'Everyone' },
  { slug: 'kvinnor', name: 'Kvinnor', en: 'Women' },
  { slug: 'man', name: 'Män', en: 'Men' },
  { slug: 'barn', name: 'Barn (0–12 år)', en: 'Children (0–12)' },
  { slug: 'unga', name: 'Unga (13–25 år)', en: 'Young people (13–25)' },
  { slug: 'foraldrar', name: 'Föräldrar', en: 'Parents' },
  { slug: 'aldre', name: 'Äldre', en: 'Older people' },
  { slug: 'anhoriga', name: 'Anhöriga', en: 'Relatives and carers' },
  { slug: 'nyanlanda', name: 'Nyanlända', en: 'Newcomers' },
  { slug: 'hbtqi', name: 'Hbtqi-personer', en: 'LGBTQI people' },
  { slug: 'personer-med-funktionsnedsattning', name: 'Personer med funktionsnedsättning', en: 'People with disabilities' },
];

/** The low-threshold attributes residents filter on. */
export const attributes = [
  { key: 'free', name: 'Kostnadsfritt', en: 'Free of charge', icon: 'coins' },
  { key: 'anonymous', name: 'Du kan vara anonym', en: 'You can stay anonymous', icon: 'mask' },
  { key: 'no-personal-number', name: 'Inget personnummer behövs', en: 'No personal identity number needed', icon: 'id' },
  { key: 'drop-in', name: 'Drop-in, ingen tidsbokning', en: 'Drop in, no appointment', icon: 'door' },
  { key: 'companion-welcome', name: 'Du får ta med någon', en: 'You may bring someone', icon: 'people' },
  { key: 'digital-or-phone', name: 'Digitalt eller per telefon', en: 'Online or by phone', icon: 'phone' },
  { key: 'accessible-premises', name: 'Tillgänglig lokal', en: 'Accessible premises', icon: 'wheelchair' },
  { key: 'interpreter', name: 'Tolk kan ordnas', en: 'Interpreter can be arranged', icon: 'globe' },
];

export const newsTopics = [
  { slug: 'aktiviteter', name: 'Aktiviteter' },
  { slug: 'samverkan', name: 'Samverkan' },
  { slug: 'volontarer', name: 'Volontärer' },
  { slug: 'stod-och-radgivning', name: 'Stöd och rådgivning' },
  { slug: 'natverket-lisa', name: 'Nätverket LISA' },
];

/** Care chains for the synergy workshop. */
export const workshopCategories = [
  { slug: 'primarvard', name: 'Primärvård och vårdcentral' },
  { slug: 'psykiatri', name: 'Psykiatri' },
  { slug: 'socialtjanst', name: 'Socialtjänst' },
  { slug: 'skola', name: 'Skola och elevhälsa' },
  { slug: 'boende', name: 'Boende' },
  { slug: 'arbete', name: 'Arbete och försörjning' },
  { slug: 'akutvard', name: 'Akutvård' },
  { slug: 'barn-och-ungdomsmedicin', name: 'Barn- och ungdomsmedicin' },
];
