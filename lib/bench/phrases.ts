/**
 * Phrase tables for the benchmark's generated directory: the kinds of associations, the
 * services they run and the sentences that describe them, in the register of the demo data.
 * Category, target-group and attribute keys are the demo data's (prisma/seed/data/taxonomy.ts).
 */

/** One kind of service: its name in Swedish, English and Arabic, and the needs it answers. */
export interface ServiceKind {
  sv: string;
  en: string;
  ar: string;
  /** Category slugs, primary first. */
  categories: string[];
  targetGroups: string[];
  keywords: string[];
  /** A schedule pattern key (see SCHEDULES in dataset.ts). */
  schedule: 'office' | 'dropin' | 'evening' | 'helpline' | 'night' | 'weekend';
  /** Sentences only this kind of service says about itself. */
  sentences: string[];
}

export interface CategoryText {
  /** "för dig som ..." clauses for summaries. */
  forWhom: string[];
  summaryEn: string;
  summaryAr: string;
}

export const CATEGORY_TEXT: Record<string, CategoryText> = {
  'vald-i-nara-relation': {
    forWhom: ['utsätts för våld, hot eller kontroll av någon närstående', 'lever eller har levt i en relation med våld', 'är orolig för någon som utsätts för våld i nära relation'],
    summaryEn: 'Confidential support for people subjected to violence or control by someone close to them.',
    summaryAr: 'دعم سري لمن يتعرضون للعنف أو السيطرة من شخص قريب منهم.',
  },
  'psykisk-halsa': {
    forWhom: ['mår psykiskt dåligt eller känner oro och nedstämdhet', 'har en psykisk ohälsa och vill träffa andra i samma situation', 'behöver någon att prata med när livet känns tungt'],
    summaryEn: 'Someone to talk to and peer support when life feels heavy.',
    summaryAr: 'شخص تتحدث إليه ودعم من الأقران عندما تشعر بثقل الحياة.',
  },
  'ensamhet-och-gemenskap': {
    forWhom: ['känner dig ensam och vill träffa nya människor', 'saknar sammanhang och vill göra något tillsammans med andra', 'vill ha en vän att fika eller promenera med'],
    summaryEn: 'A place to meet people and break loneliness.',
    summaryAr: 'مكان للقاء الناس وكسر الوحدة.',
  },
  'ekonomi-och-skulder': {
    forWhom: ['har skulder eller svårt att få pengarna att räcka', 'har fått ett brev från Kronofogden och inte vet vad du ska göra', 'vill göra en budget och få ordning på räkningarna'],
    summaryEn: 'Free help with budgets, debts and letters from the Enforcement Authority.',
    summaryAr: 'مساعدة مجانية في الميزانية والديون ورسائل مصلحة التحصيل.',
  },
  'mat-och-klader': {
    forWhom: ['inte har råd med mat resten av månaden', 'behöver kläder till dig eller barnen', 'vill äta en lagad måltid tillsammans med andra'],
    summaryEn: 'Food bags, shared meals and clothes for those who need them.',
    summaryAr: 'سلال طعام ووجبات مشتركة وملابس لمن يحتاجها.',
  },
  beroende: {
    forWhom: ['har problem med alkohol, droger eller spel', 'är anhörig till någon med ett missbruk', 'vill hålla dig nykter och drogfri tillsammans med andra'],
    summaryEn: 'Support for people with alcohol, drug or gambling problems and their families.',
    summaryAr: 'دعم للأشخاص الذين يعانون من مشاكل الكحول أو المخدرات أو القمار ولأسرهم.',
  },
  nyanland: {
    forWhom: ['är ny i Sverige och vill öva svenska', 'behöver hjälp att förstå brev från myndigheter', 'vill lära dig hur samhället fungerar'],
    summaryEn: 'Language cafés, civic information and help with letters from authorities.',
    summaryAr: 'مقاهي لغة ومعلومات عن المجتمع ومساعدة في رسائل السلطات.',
  },
  'barn-unga-och-familj': {
    forWhom: ['är ung och vill prata med en vuxen', 'är förälder och vill ha stöd i föräldraskapet', 'behöver hjälp med läxorna'],
    summaryEn: 'Homework help, parent support and someone to talk to for children and young people.',
    summaryAr: 'مساعدة في الواجبات المدرسية ودعم للوالدين وشخص يتحدث إليه الأطفال والشباب.',
  },
  'sorg-och-kris': {
    forWhom: ['har förlorat någon som stod dig nära', 'har varit med om något svårt och behöver prata', 'sörjer och vill möta andra i sorg'],
    summaryEn: 'Talks and grief groups after a death or a difficult event.',
    summaryAr: 'محادثات ومجموعات دعم للحزن بعد وفاة أو حدث صعب.',
  },
  brottsutsatt: {
    forWhom: ['har utsatts för brott', 'har varit vittne till ett brott', 'ska vittna i en rättegång och vill ha stöd'],
    summaryEn: 'Support and guidance for victims of and witnesses to crime.',
    summaryAr: 'دعم وإرشاد لضحايا الجرائم والشهود عليها.',
  },
  'boende-och-hemloshet': {
    forWhom: ['saknar bostad eller riskerar att bli vräkt', 'behöver någonstans att sova i natt', 'vill ha råd om hyreskontrakt och boende'],
    summaryEn: 'Emergency shelter, housing advice and support when you risk eviction.',
    summaryAr: 'مأوى طارئ ونصائح بشأن السكن ودعم عند خطر الإخلاء.',
  },
  'arbete-och-sysselsattning': {
    forWhom: ['vill komma tillbaka till arbete efter en tid borta', 'söker meningsfull sysselsättning', 'vill pröva på ett arbete i lugn takt'],
    summaryEn: 'Work training, placements and meaningful occupation.',
    summaryAr: 'تدريب على العمل وفترات تدريب ونشاط ذو معنى.',
  },
  'funktionsnedsattning-och-ledsagning': {
    forWhom: ['har en funktionsnedsättning och vill ha sällskap till aktiviteter', 'är anhörig till någon med funktionsnedsättning', 'vill veta vilka rättigheter du har'],
    summaryEn: 'Companions, advocacy and support for people with disabilities and their families.',
    summaryAr: 'مرافقة ودفاع عن الحقوق ودعم للأشخاص ذوي الإعاقة وأسرهم.',
  },
  aldre: {
    forWhom: ['är äldre och vill ha sällskap', 'bor ensam och vill ha besök', 'vill vara med i en gemenskap för seniorer'],
    summaryEn: 'Company, visits and practical help for older people.',
    summaryAr: 'رفقة وزيارات ومساعدة عملية لكبار السن.',
  },
  'radgivning-och-juridik': {
    forWhom: ['har fått ett beslut du inte förstår', 'behöver hjälp att fylla i en blankett', 'vill överklaga ett beslut'],
    summaryEn: 'Help understanding decisions, filling in forms and appealing.',
    summaryAr: 'مساعدة في فهم القرارات وملء النماذج والاستئناف.',
  },
  'digital-hjalp': {
    forWhom: ['vill lära dig använda mobilen eller datorn', 'behöver hjälp med BankID och e-tjänster', 'känner dig osäker på nätet'],
    summaryEn: 'Help with phones, computers, BankID and online services.',
    summaryAr: 'مساعدة في الهاتف والحاسوب وBankID والخدمات الإلكترونية.',
  },
};

export const SERVICE_KINDS: ServiceKind[] = [
  {
    sv: 'Stödsamtal vid våld i nära relation', en: 'Support talks on domestic violence', ar: 'محادثات دعم حول العنف الأسري',
    categories: ['vald-i-nara-relation', 'psykisk-halsa'], targetGroups: ['kvinnor', 'alla'], keywords: ['kvinnojour', 'misshandel', 'hot', 'kontroll'], schedule: 'office',
    sentences: ['Vi lyssnar utan att döma och hjälper dig att tänka igenom vad du vill göra.', 'Du bestämmer själv vad du vill berätta.', 'Vi kan följa med dig till polisen, socialtjänsten eller sjukvården.'],
  },
  {
    sv: 'Jourtelefon för våldsutsatta', en: 'Helpline for people subjected to violence', ar: 'خط مساعدة لضحايا العنف',
    categories: ['vald-i-nara-relation'], targetGroups: ['kvinnor', 'unga', 'alla'], keywords: ['jourtelefon', 'kvinnojour', 'våld'], schedule: 'night',
    sentences: ['Telefonen svarar även kvällar och nätter.', 'Du kan vara anonym när du ringer.', 'Vi hjälper dig att planera för din säkerhet.'],
  },
  {
    sv: 'Skyddat boende', en: 'Sheltered housing', ar: 'سكن محمي',
    categories: ['vald-i-nara-relation', 'boende-och-hemloshet'], targetGroups: ['kvinnor', 'barn'], keywords: ['skyddat boende', 'kvinnojour', 'fly'], schedule: 'helpline',
    sentences: ['Adressen är hemlig och lämnas aldrig ut.', 'Barn är välkomna att bo med sin förälder.', 'Kontakt tas alltid först per telefon.'],
  },
  {
    sv: 'Samtalsgrupp om psykisk ohälsa', en: 'Peer group on mental health', ar: 'مجموعة حوار حول الصحة النفسية',
    categories: ['psykisk-halsa', 'ensamhet-och-gemenskap'], targetGroups: ['alla', 'unga'], keywords: ['depression', 'ångest', 'samtal', 'kamratstöd'], schedule: 'evening',
    sentences: ['Gruppen träffas varannan vecka och leds av en utbildad samtalsledare.', 'Det som sägs i gruppen stannar i gruppen.', 'Du behöver ingen remiss eller diagnos.'],
  },
  {
    sv: 'Stödlinje för dig som mår dåligt', en: 'Support line when you feel low', ar: 'خط دعم عندما تشعر بالضيق',
    categories: ['psykisk-halsa', 'sorg-och-kris'], targetGroups: ['alla'], keywords: ['självmordstankar', 'ångest', 'prata med någon'], schedule: 'night',
    sentences: ['Volontärerna har tystnadsplikt.', 'Du kan chatta om det känns lättare än att ringa.', 'Vid akut fara: ring 112.'],
  },
  {
    sv: 'Öppen verksamhet på Fontänhuset', en: 'Clubhouse open days', ar: 'أيام مفتوحة في نادي الدعم',
    categories: ['psykisk-halsa', 'arbete-och-sysselsattning'], targetGroups: ['alla'], keywords: ['fontänhus', 'klubbhus', 'gemenskap'], schedule: 'office',
    sentences: ['Medlemmarna driver huset tillsammans med handledare.', 'Arbetsdagen innehåller matlagning, kontor och kommunikation.', 'Det kostar inget att bli medlem.'],
  },
  {
    sv: 'Träffpunkt mot ensamhet', en: 'Meeting place against loneliness', ar: 'ملتقى لمواجهة الوحدة',
    categories: ['ensamhet-och-gemenskap', 'aldre'], targetGroups: ['alla', 'aldre'], keywords: ['fika', 'träffpunkt', 'ensam', 'gemenskap'], schedule: 'dropin',
    sentences: ['Kaffet är alltid på och ingen anmälan behövs.', 'Varje vecka finns en aktivitet, som sittgympa, quiz eller allsång.', 'Kom som du är, ensam eller tillsammans med någon.'],
  },
  {
    sv: 'Besöksvänner', en: 'Visiting friends', ar: 'أصدقاء زائرون',
    categories: ['ensamhet-och-gemenskap', 'aldre'], targetGroups: ['aldre', 'personer-med-funktionsnedsattning'], keywords: ['besöksvän', 'sällskap', 'volontär'], schedule: 'office',
    sentences: ['En volontär kommer hem till dig ungefär en gång i veckan.', 'Ni hittar på det ni tycker om: promenad, fika eller ett samtal.', 'Alla besöksvänner har lämnat utdrag ur belastningsregistret.'],
  },
  {
    sv: 'Skuldrådgivning', en: 'Debt counselling', ar: 'استشارات الديون',
    categories: ['ekonomi-och-skulder', 'radgivning-och-juridik'], targetGroups: ['alla'], keywords: ['skulder', 'kronofogden', 'skuldsanering', 'budget'], schedule: 'office',
    sentences: ['Vi går igenom dina skulder och gör en plan tillsammans.', 'Vi kan hjälpa dig att ansöka om skuldsanering.', 'Ta med dina räkningar och brev från Kronofogden.'],
  },
  {
    sv: 'Budgetrådgivning', en: 'Budget advice', ar: 'نصائح حول الميزانية',
    categories: ['ekonomi-och-skulder'], targetGroups: ['alla', 'foraldrar', 'unga'], keywords: ['budget', 'räkningar', 'hushållsekonomi'], schedule: 'dropin',
    sentences: ['Vi hjälper dig att se var pengarna tar vägen.', 'Du får en enkel budgetmall att ta med hem.', 'Rådgivningen är kostnadsfri och sker under tystnadsplikt.'],
  },
  {
    sv: 'Matkassar', en: 'Food bags', ar: 'سلال الطعام',
    categories: ['mat-och-klader'], targetGroups: ['alla', 'foraldrar'], keywords: ['matkasse', 'matbank', 'mat', 'fattigdom'], schedule: 'dropin',
    sentences: ['Matkassarna innehåller torrvaror, frukt och bröd från lokala butiker.', 'Du behöver inte visa några papper.', 'Kom i god tid, maten räcker till de första som kommer.'],
  },
  {
    sv: 'Social måltid', en: 'Shared meal', ar: 'وجبة مشتركة',
    categories: ['mat-och-klader', 'ensamhet-och-gemenskap'], targetGroups: ['alla'], keywords: ['lunch', 'soppa', 'middag', 'gemenskap'], schedule: 'weekend',
    sentences: ['Vi lagar maten tillsammans och äter vid samma bord.', 'Måltiden kostar en frivillig slant.', 'Det finns alltid ett vegetariskt alternativ.'],
  },
  {
    sv: 'Klädbytardag och second hand', en: 'Clothes swap and second hand', ar: 'تبادل الملابس وملابس مستعملة',
    categories: ['mat-och-klader'], targetGroups: ['alla', 'foraldrar', 'barn'], keywords: ['kläder', 'second hand', 'barnkläder'], schedule: 'weekend',
    sentences: ['Du kan lämna och hämta kläder, skor och leksaker.', 'Vinterkläder till barn finns från oktober.', 'Den som behöver får kläder utan kostnad.'],
  },
  {
    sv: 'Stödgrupp för anhöriga till personer med missbruk', en: 'Support group for relatives of people with addiction', ar: 'مجموعة دعم لأقارب المدمنين',
    categories: ['beroende', 'psykisk-halsa'], targetGroups: ['anhoriga'], keywords: ['anhörig', 'medberoende', 'alkohol'], schedule: 'evening',
    sentences: ['Här möter du andra som vet hur det är.', 'Gruppen leds av någon som själv har varit anhörig.', 'Du får vara anonym.'],
  },
  {
    sv: 'Nykter gemenskap och samtal', en: 'Sober community and talks', ar: 'مجتمع خالٍ من الكحول ومحادثات',
    categories: ['beroende', 'ensamhet-och-gemenskap'], targetGroups: ['alla', 'man'], keywords: ['missbruk', 'alkohol', 'droger', 'nykter', 'AA'], schedule: 'evening',
    sentences: ['Vi träffas för att stötta varandra i ett liv utan alkohol och droger.', 'Du behöver inte vara nykter för att komma första gången.', 'Spelberoende är också välkomna.'],
  },
  {
    sv: 'Språkcafé', en: 'Language café', ar: 'مقهى اللغة',
    categories: ['nyanland', 'ensamhet-och-gemenskap'], targetGroups: ['nyanlanda', 'alla'], keywords: ['svenska', 'språk', 'sfi', 'prata svenska'], schedule: 'evening',
    sentences: ['Du övar svenska i små grupper tillsammans med volontärer.', 'Alla nivåer är välkomna, även den som precis har börjat.', 'Vi bjuder på fika.'],
  },
  {
    sv: 'Samhällsvägledning för nyanlända', en: 'Civic guidance for newcomers', ar: 'إرشاد مجتمعي للقادمين الجدد',
    categories: ['nyanland', 'radgivning-och-juridik'], targetGroups: ['nyanlanda'], keywords: ['migrationsverket', 'blanketter', 'myndigheter', 'uppehållstillstånd'], schedule: 'office',
    sentences: ['Vi hjälper dig att läsa och förstå brev från myndigheter.', 'Vi kan boka tolk om du behöver.', 'Ta gärna med de papper det gäller.'],
  },
  {
    sv: 'Läxhjälp', en: 'Homework help', ar: 'مساعدة في الواجبات المدرسية',
    categories: ['barn-unga-och-familj', 'nyanland'], targetGroups: ['barn', 'unga'], keywords: ['läxor', 'skola', 'matte', 'studiestöd'], schedule: 'evening',
    sentences: ['Volontärer hjälper till med alla ämnen från lågstadiet till gymnasiet.', 'Ingen anmälan behövs, kom när du vill.', 'Det finns frukt och smörgås.'],
  },
  {
    sv: 'Föräldrastöd', en: 'Parent support', ar: 'دعم الوالدين',
    categories: ['barn-unga-och-familj'], targetGroups: ['foraldrar'], keywords: ['föräldraskap', 'tonåring', 'familj'], schedule: 'evening',
    sentences: ['Vi samtalar om vardagen med barn och tonåringar.', 'Grupperna är små och du kan vara anonym.', 'Barnvakt finns under träffarna.'],
  },
  {
    sv: 'Chatt för unga', en: 'Chat for young people', ar: 'دردشة للشباب',
    categories: ['barn-unga-och-familj', 'psykisk-halsa'], targetGroups: ['unga'], keywords: ['chatt', 'ungdom', 'prata', 'kurator'], schedule: 'night',
    sentences: ['Du chattar med en utbildad vuxen volontär.', 'Du behöver inte säga vem du är.', 'Inget är för litet att prata om.'],
  },
  {
    sv: 'Sorgegrupp', en: 'Grief group', ar: 'مجموعة دعم الحزن',
    categories: ['sorg-och-kris'], targetGroups: ['alla', 'anhoriga'], keywords: ['sorg', 'dödsfall', 'förlust', 'begravning'], schedule: 'evening',
    sentences: ['Gruppen träffas sex gånger under en termin.', 'Samtalen leds av en diakon eller präst.', 'Du behöver inte vara medlem i Svenska kyrkan.'],
  },
  {
    sv: 'Krisstöd efter svåra händelser', en: 'Crisis support after difficult events', ar: 'دعم في الأزمات بعد الأحداث الصعبة',
    categories: ['sorg-och-kris', 'psykisk-halsa'], targetGroups: ['alla'], keywords: ['kris', 'trauma', 'olycka', 'chock'], schedule: 'helpline',
    sentences: ['Vi finns till hands de första dagarna efter en olycka eller ett dödsfall.', 'Samtalen sker på plats eller per telefon.', 'Vi hjälper dig vidare till vården om du behöver.'],
  },
  {
    sv: 'Brottsofferstöd', en: 'Support for victims of crime', ar: 'دعم ضحايا الجرائم',
    categories: ['brottsutsatt', 'radgivning-och-juridik'], targetGroups: ['alla'], keywords: ['brottsoffer', 'polisanmälan', 'stöld', 'misshandel'], schedule: 'office',
    sentences: ['Vi förklarar vad som händer efter en polisanmälan.', 'Du kan få hjälp att söka ersättning.', 'Stödet är detsamma oavsett om du har anmält eller inte.'],
  },
  {
    sv: 'Vittnesstöd', en: 'Witness support', ar: 'دعم الشهود',
    categories: ['brottsutsatt'], targetGroups: ['alla'], keywords: ['vittne', 'rättegång', 'tingsrätt'], schedule: 'office',
    sentences: ['Vi följer med dig till tingsrätten och visar hur det går till.', 'Vittnesstödjarna tar inte ställning i målet.', 'Kontakta oss gärna några dagar före rättegången.'],
  },
  {
    sv: 'Akut natthärbärge', en: 'Emergency night shelter', ar: 'مأوى ليلي طارئ',
    categories: ['boende-och-hemloshet'], targetGroups: ['alla', 'man'], keywords: ['härbärge', 'hemlös', 'sova', 'akut boende'], schedule: 'night',
    sentences: ['Sängarna fördelas i den ordning man kommer.', 'Det finns dusch, tvättmaskin och frukost.', 'Husdjur är tyvärr inte tillåtna.'],
  },
  {
    sv: 'Boenderådgivning', en: 'Housing advice', ar: 'استشارات السكن',
    categories: ['boende-och-hemloshet', 'radgivning-och-juridik'], targetGroups: ['alla', 'unga'], keywords: ['vräkning', 'hyra', 'bostad', 'hyreskontrakt'], schedule: 'office',
    sentences: ['Vi hjälper dig om du fått en uppsägning eller ligger efter med hyran.', 'Vi kan följa med på möten med hyresvärden.', 'Ju tidigare du hör av dig, desto mer kan vi göra.'],
  },
  {
    sv: 'Arbetsträning', en: 'Work training', ar: 'تدريب على العمل',
    categories: ['arbete-och-sysselsattning'], targetGroups: ['alla', 'unga'], keywords: ['praktik', 'jobb', 'arbetsträning', 'sysselsättning'], schedule: 'office',
    sentences: ['Du arbetar i vår butik, vårt café eller vår verkstad i din egen takt.', 'En handledare stöttar dig hela tiden.', 'Vi samarbetar med Arbetsförmedlingen och kommunen.'],
  },
  {
    sv: 'Ledsagning till aktiviteter', en: 'Companion to activities', ar: 'مرافقة إلى الأنشطة',
    categories: ['funktionsnedsattning-och-ledsagning', 'ensamhet-och-gemenskap'], targetGroups: ['personer-med-funktionsnedsattning'], keywords: ['ledsagare', 'följeslagare', 'syn', 'rullstol'], schedule: 'office',
    sentences: ['En volontär följer med dig på konsert, promenad eller till affären.', 'Ledsagningen är gratis, du betalar bara din egen entré.', 'Hör av dig en vecka i förväg.'],
  },
  {
    sv: 'Anhörigcafé', en: 'Carers café', ar: 'مقهى لمقدمي الرعاية',
    categories: ['funktionsnedsattning-och-ledsagning', 'aldre'], targetGroups: ['anhoriga'], keywords: ['anhörig', 'demens', 'vårda', 'avlösning'], schedule: 'dropin',
    sentences: ['Här träffar du andra som vårdar en närstående.', 'Ibland kommer en gäst och berättar om stöd du kan få.', 'Du kan ta med den du vårdar.'],
  },
  {
    sv: 'Seniorträff med sittgympa', en: 'Seniors meeting with chair exercise', ar: 'لقاء لكبار السن مع تمارين جلوس',
    categories: ['aldre', 'ensamhet-och-gemenskap'], targetGroups: ['aldre'], keywords: ['pensionär', 'gympa', 'senior'], schedule: 'office',
    sentences: ['Vi rör på oss en halvtimme och fikar sedan.', 'Övningarna passar alla, även den som har rullator.', 'Du behöver inte anmäla dig.'],
  },
  {
    sv: 'Juridisk rådgivning', en: 'Legal advice', ar: 'استشارات قانونية',
    categories: ['radgivning-och-juridik'], targetGroups: ['alla'], keywords: ['jurist', 'överklaga', 'beslut', 'advokat'], schedule: 'evening',
    sentences: ['Juriststudenter svarar på frågor under handledning av jurister.', 'Vi hjälper dig att förstå beslut och att överklaga.', 'Rådgivningen gäller inte brottmål.'],
  },
  {
    sv: 'Hjälp med blanketter och överklaganden', en: 'Help with forms and appeals', ar: 'مساعدة في النماذج والاستئناف',
    categories: ['radgivning-och-juridik', 'nyanland'], targetGroups: ['alla', 'nyanlanda', 'aldre'], keywords: ['blankett', 'försäkringskassan', 'ansökan'], schedule: 'dropin',
    sentences: ['Vi hjälper dig att fylla i ansökningar till Försäkringskassan och kommunen.', 'Ta med legitimation och de papper det gäller.', 'Vi hjälper till på flera språk.'],
  },
  {
    sv: 'Digital drop-in', en: 'Digital drop-in', ar: 'مساعدة رقمية بدون موعد',
    categories: ['digital-hjalp', 'aldre'], targetGroups: ['aldre', 'alla'], keywords: ['bankid', 'mobil', 'dator', 'e-tjänster', 'swish'], schedule: 'dropin',
    sentences: ['Ta med din egen mobil, surfplatta eller dator.', 'Vi hjälper dig att komma igång med BankID och Swish.', 'Ingen fråga är för enkel.'],
  },
];

/** Association families: the name pattern and which kinds of service they run. */
export interface AssociationFamily {
  /** `{ort}` is the municipality's name; `{ort:s}` the genitive. */
  name: string;
  description: string;
  /** Indexes into SERVICE_KINDS. */
  kinds: number[];
  /** Runs a place whose address is kept secret (a women's shelter). */
  hasProtectedLocation?: boolean;
  /** Relative frequency. */
  weight: number;
}

const kind = (sv: string) => {
  const index = SERVICE_KINDS.findIndex((k) => k.sv === sv);
  if (index < 0) throw new Error(`Unknown service kind ${sv}`);
  return index;
};

export const ASSOCIATION_FAMILIES: AssociationFamily[] = [
  { name: 'Brottsofferjouren {ort}', description: 'Ideell förening som ger stöd till brottsoffer, vittnen och anhöriga.', kinds: [kind('Brottsofferstöd'), kind('Vittnesstöd')], weight: 4 },
  { name: 'Kvinnojouren i {ort}', description: 'Ideell kvinnojour som stöttar kvinnor och barn som utsätts för våld.', kinds: [kind('Stödsamtal vid våld i nära relation'), kind('Jourtelefon för våldsutsatta'), kind('Skyddat boende')], hasProtectedLocation: true, weight: 4 },
  { name: 'Tjejjouren {ort}', description: 'Jour för tjejer, transkillar och icke-binära upp till 25 år.', kinds: [kind('Chatt för unga'), kind('Jourtelefon för våldsutsatta')], hasProtectedLocation: true, weight: 2 },
  { name: 'Stadsmissionen i {ort}', description: 'Idéburen organisation som arbetar mot fattigdom, hemlöshet och utanförskap.', kinds: [kind('Matkassar'), kind('Social måltid'), kind('Akut natthärbärge'), kind('Klädbytardag och second hand')], weight: 3 },
  { name: 'Röda Korset {ort}', description: 'Lokal krets som ordnar träffpunkter, språkträning och besöksverksamhet.', kinds: [kind('Språkcafé'), kind('Besöksvänner'), kind('Krisstöd efter svåra händelser'), kind('Klädbytardag och second hand')], weight: 4 },
  { name: 'Hela Människan {ort}', description: 'Kyrkornas sociala arbete för människor i utsatta livssituationer.', kinds: [kind('Nykter gemenskap och samtal'), kind('Social måltid'), kind('Träffpunkt mot ensamhet')], weight: 2 },
  { name: 'Länkföreningen {ort}', description: 'Förening för nyktra alkoholister, narkomaner och anhöriga.', kinds: [kind('Nykter gemenskap och samtal'), kind('Stödgrupp för anhöriga till personer med missbruk')], weight: 2 },
  { name: 'Mind {ort}', description: 'Lokalförening för psykisk hälsa.', kinds: [kind('Stödlinje för dig som mår dåligt'), kind('Samtalsgrupp om psykisk ohälsa')], weight: 2 },
  { name: 'Fontänhuset {ort}', description: 'Klubbhus för personer med psykisk ohälsa.', kinds: [kind('Öppen verksamhet på Fontänhuset'), kind('Arbetsträning')], weight: 1 },
  { name: 'SPF Seniorerna {ort}', description: 'Förening för seniorer med gemenskap, motion och resor.', kinds: [kind('Seniorträff med sittgympa'), kind('Träffpunkt mot ensamhet'), kind('Digital drop-in')], weight: 3 },
  { name: 'PRO {ort}', description: 'Pensionärsförening som bevakar pensionärernas intressen.', kinds: [kind('Seniorträff med sittgympa'), kind('Besöksvänner'), kind('Digital drop-in')], weight: 3 },
  { name: '{ort:s} församling', description: 'Svenska kyrkans diakoni: samtal, sorgegrupper och öppna träffar.', kinds: [kind('Sorgegrupp'), kind('Träffpunkt mot ensamhet'), kind('Krisstöd efter svåra händelser'), kind('Social måltid')], weight: 4 },
  { name: 'RFSL {ort}', description: 'Förening för hbtqi-personers rättigheter och hälsa.', kinds: [kind('Samtalsgrupp om psykisk ohälsa'), kind('Chatt för unga')], weight: 1 },
  { name: 'Verdandi {ort}', description: 'Arbetarrörelsens sociala organisation mot utanförskap och missbruk.', kinds: [kind('Nykter gemenskap och samtal'), kind('Boenderådgivning'), kind('Läxhjälp')], weight: 2 },
  { name: 'Rädda Barnen {ort}', description: 'Lokalförening som stärker barns rättigheter.', kinds: [kind('Läxhjälp'), kind('Föräldrastöd')], weight: 2 },
  { name: 'Välkommen till {ort}', description: 'Nätverk av volontärer som tar emot nyanlända.', kinds: [kind('Språkcafé'), kind('Samhällsvägledning för nyanlända'), kind('Läxhjälp')], weight: 3 },
  { name: 'Ekonomiföreningen Reda {ort}', description: 'Ideell rådgivning om budget och skulder.', kinds: [kind('Skuldrådgivning'), kind('Budgetrådgivning')], weight: 2 },
  { name: 'Anhörigföreningen {ort}', description: 'Förening för anhöriga som vårdar en närstående.', kinds: [kind('Anhörigcafé'), kind('Ledsagning till aktiviteter')], weight: 2 },
  { name: 'Funktionsrätt {ort}', description: 'Samarbetsorgan för funktionsrättsföreningar i kommunen.', kinds: [kind('Ledsagning till aktiviteter'), kind('Hjälp med blanketter och överklaganden')], weight: 2 },
  { name: 'Juridiska rådgivningen {ort}', description: 'Studentdriven juridisk rådgivning utan kostnad.', kinds: [kind('Juridisk rådgivning'), kind('Hjälp med blanketter och överklaganden')], weight: 1 },
  { name: 'Digidel {ort}', description: 'Volontärer som hjälper fler att bli digitalt delaktiga.', kinds: [kind('Digital drop-in')], weight: 2 },
  { name: 'Sorgestödet {ort}', description: 'Ideellt stöd till efterlevande.', kinds: [kind('Sorgegrupp'), kind('Krisstöd efter svåra händelser')], weight: 1 },
  { name: 'Arbetsföreningen Steget {ort}', description: 'Socialt företag med arbetsträning och praktik.', kinds: [kind('Arbetsträning'), kind('Klädbytardag och second hand')], weight: 1 },
];

/** Services the municipalities run themselves, besides those of the associations. */
export const MUNICIPAL_KINDS: number[] = [kind('Budgetrådgivning'), kind('Skuldrådgivning'), kind('Föräldrastöd'), kind('Boenderådgivning'), kind('Anhörigcafé')];

export const OPENERS = ['Hos oss får du', 'Vi erbjuder', 'Här kan du få', 'Välkommen till', 'Vi ger'];
export const HELP_WORDS = ['stöd', 'råd', 'hjälp', 'gemenskap', 'samtal'];

/** Sentences any service may say about how it works. */
export const GENERIC_SENTENCES = [
  'Alla som arbetar hos oss har tystnadsplikt.',
  'Verksamheten drivs av volontärer med stöd av anställd personal.',
  'Du kan vara anonym om du vill.',
  'Det kostar ingenting.',
  'Du behöver inte boka tid.',
  'Hör gärna av dig innan du kommer första gången.',
  'Vi samarbetar med kommunen, regionen och andra föreningar.',
  'Lokalen är tillgänglig för dig som använder rullstol.',
  'Vi kan ordna tolk om du behöver.',
  'Under sommaren har vi ändrade tider.',
  'Du får gärna ta med en vän.',
  'Vi tar inte emot personer som är påverkade.',
];

export const APPLICATION_PROCESSES = [
  'Kom förbi under öppettiderna, ingen anmälan behövs.',
  'Ring oss så bokar vi en tid som passar dig.',
  'Skicka ett mejl så hör vi av oss inom två dagar.',
  'Ring eller skicka sms, vi svarar så snart vi kan.',
  'Anmäl dig via vår webbplats eller på telefon.',
];

export const EASY_READ = [
  'Här kan du prata med någon. Det kostar inget.',
  'Du kan få hjälp här. Du behöver inte boka tid.',
  'Vi lyssnar på dig. Vi berättar inte för någon annan.',
  'Du kan träffa andra människor här. Alla är välkomna.',
];

export const STREETS = ['Storgatan', 'Kyrkogatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Skolgatan', 'Nygatan', 'Torggatan', 'Parkvägen', 'Stationsvägen', 'Sjögatan', 'Västra vägen', 'Östra Långgatan', 'Bruksgatan', 'Tingshusgatan'];
export const PLACE_NAMES = ['Föreningshuset', 'Träffpunkten', 'Medborgarhuset', 'Folkets hus', 'Församlingshemmet', 'Kulturhuset', 'Mötesplatsen', 'Gården', 'Hörnan', 'Lokalen på torget'];

export const LANGUAGE_POOL = ['en', 'ar', 'fa', 'so', 'ti', 'ku', 'bs', 'pl', 'fi', 'uk', 'ru', 'es', 'tr', 'prs', 'de', 'fr', 'swl'];

/** Lorem-free news: titles, summaries and paragraphs an association posts. */
export const NEWS_TITLES = [
  'Nu startar vi {x} i {ort}',
  'Välkommen på öppet hus hos {org}',
  'Vi söker fler volontärer till {x}',
  'Ändrade öppettider under {säsong}',
  'Tack för ett fantastiskt år!',
  'Så gick insamlingen till {x}',
  'Ny samverkan med {ort} kommun',
  'Föreläsning om {ämne}',
  'Årsmöte för {org}',
  'Sommaraktiviteter för barn och unga i {ort}',
];
export const SEASONS = ['sommaren', 'julhelgerna', 'påsken', 'sportlovet', 'höstlovet'];
export const SUBJECTS = ['psykisk hälsa', 'ensamhet bland äldre', 'våld i nära relation', 'skulder och ekonomi', 'sorg', 'spelberoende', 'att vara ny i Sverige', 'digital delaktighet'];
export const NEWS_PARAGRAPHS = [
  'Under hösten har vi sett att fler hör av sig till oss än tidigare, och vi är glada att så många hittar hit.',
  'Verksamheten bygger på volontärer, och utan er skulle ingenting av det här vara möjligt.',
  'Vi har fått ett bidrag från kommunen som gör att vi kan hålla öppet fler kvällar.',
  'Alla är välkomna, oavsett ålder eller bakgrund. Det bjuds på kaffe och smörgås.',
  'Du som vill veta mer kan ringa oss eller komma förbi under öppettiderna.',
  'Tillsammans med andra föreningar i nätverket ordnar vi en gemensam temadag i vår.',
  'Vi har också uppdaterat informationen om våra tjänster i portalen.',
  'Ett stort tack till alla som skänkt kläder, mat och tid under året.',
  'Anmälan behövs inte, men säg gärna till om du har särskilda önskemål om mat.',
  'Lokalen är tillgänglig och det finns hörslinga.',
];
export const NEWS_LIST_ITEMS = ['Fika och samtal', 'Information om stöd i kommunen', 'Frågestund', 'Barnaktiviteter', 'Lotteri till förmån för verksamheten', 'Prova-på-aktiviteter'];

export const ISSUE_TITLES = [
  'Lång väntetid till {x} i {ort}',
  'Svårt att nå socialtjänsten i {ort} per telefon',
  'Unga hänvisas mellan vårdcentral och psykiatri',
  'Brev från {myndighet} går inte att förstå',
  'Ingen akut logi för kvinnor med husdjur i {ort}',
  'Tolk saknas vid besök hos {x}',
  'E-tjänsten för {x} kräver BankID',
  'Anhöriga får inte information vid utskrivning',
  'Matbanken räcker inte till alla i {ort}',
  'Elever utan läxhjälp efter nedlagd fritidsgård i {ort}',
];
export const AUTHORITIES = ['Försäkringskassan', 'Kronofogden', 'Migrationsverket', 'Skatteverket', 'kommunen', 'regionen'];
export const CARE_PLACES = ['vårdcentralen', 'barn- och ungdomspsykiatrin', 'beroendemottagningen', 'budget- och skuldrådgivningen', 'elevhälsan', 'bostadsförmedlingen'];
export const ISSUE_SENTENCES = [
  'Flera av dem vi möter berättar samma sak.',
  'Det leder till att personer i svåra situationer blir utan stöd i veckor.',
  'Vi har tagit upp frågan tidigare men inte fått något svar.',
  'Problemet har blivit större det senaste halvåret.',
  'Föreningens volontärer lägger mycket tid på att hjälpa till med det här.',
  'Vi ser att det drabbar barnfamiljer och äldre särskilt hårt.',
];
export const DESIRED_OUTCOMES = [
  'Vi vill att regionen och kommunen tillsammans hittar en lösning.',
  'Vi önskar en kontaktperson som föreningarna kan vända sig till.',
  'Vi vill att informationen skrivs på lätt svenska och översätts.',
  'Vi önskar att frågan tas upp på nästa nätverksmöte.',
];
export const ANSWER_TEXTS = [
  'Tack för att ni lyfter frågan. Vi har sett över rutinerna och inför en ny telefontid från nästa månad.',
  'Vi delar er bild och har tagit upp frågan i ledningsgruppen. Vi återkommer med en plan.',
  'Frågan ligger utanför vårt ansvar, men vi har kontaktat den som ansvarar.',
  'Vi har tillsatt en kontaktperson för föreningarna och skickar namnet till samordnaren.',
];
