/**
 * The relevance test set: what residents in Karlskoga and Degerfors might type into the
 * search box, and which demo services (prisma/seed/data/services.ts) should answer them.
 *
 * Each query was written from a situation (a person, what happened to them, the words they
 * would use), not from the service texts, and was not changed after seeing what the engines
 * return. The expected services were then judged by reading every service's text: each
 * service a 1177 nurse or a social worker would accept as a right place to send that person,
 * not only the best one. How the set was made and the measured figures: docs/relevance.md.
 *
 * Measured by tests/integration/search-relevance.test.ts.
 */

/** What the query's wording is mainly testing; a miss's cause is analysed separately. */
export type QueryForm =
  /** Everyday words for the need, mostly not the words services use. */
  | 'everyday'
  /** A long, chatty sentence full of stop words. */
  | 'long'
  /** A compound word the texts do not contain as such ("alkoholproblem"). */
  | 'compound'
  /** A misspelling. */
  | 'typo'
  /** Written without å, ä, ö (a foreign keyboard, a hurried phone). */
  | 'no-diacritics'
  | 'english'
  | 'arabic';

export interface RelevanceQuery {
  /** Exactly what the resident types. */
  q: string;
  /** Who is searching and why, in a line. */
  situation: string;
  /** The category (prisma/seed/data/taxonomy.ts) the need belongs to. */
  category: string;
  form: QueryForm;
  /** Slugs of every active demo service that is a right answer. */
  relevant: string[];
}

// Groups of services that answer many queries alike, named once so a judgement is applied
// the same way everywhere.
const WOMENS_SHELTER_SUPPORT = ['linnean-jourtelefon', 'linnean-stodsamtal', 'linnean-skyddat-boende'];
const VICTIM_SUPPORT = 'trygghetsjouren-stod-brottsutsatta';
const TALK_WHEN_LOW = ['andrum-traffpunkt', 'andrum-samtalstelefon', 'vardcentral-kurator', 'diakoni-samtal'];
const DEBT_ADVICE = [
  'karlskoga-budget-och-skuldradgivning',
  'degerfors-budget-och-skuldradgivning',
  'reda-budget-drop-in',
  'reda-kronofogden-skuldsanering',
  'reda-ekonomitelefonen',
];
const ADDICTION_HELP = ['beroendemottagningen-karlskoga', 'fyrbaken-oppet-hus', 'fyrbaken-stodtelefon'];
const LANGUAGE_PRACTICE = ['motesbron-sprakcafe-karlskoga', 'motesbron-sprakcafe-degerfors', 'motesbron-kvinnocafe'];
const DIGITAL_HELP = ['it-hjalpen-mockelngarden', 'motesbron-bankid-etjanster', 'eken-digital-seniorhjalp'];
const SENIOR_COMPANY = ['eken-besoksvan', 'eken-telefonvan', 'eken-seniorcafe', 'motesplats-mockelngarden', 'diakoni-sopplunch'];
const GRIEF = ['diakoni-sorgegrupp', 'diakoni-samtal', 'vardcentral-kurator'];

export const relevanceQueries: RelevanceQuery[] = [
  // --- Violence in close relationships ------------------------------------------------
  {
    q: 'min pojkvän slår mig',
    situation: 'A young woman whose boyfriend hits her.',
    category: 'vald-i-nara-relation',
    form: 'everyday',
    relevant: [...WOMENS_SHELTER_SUPPORT, 'vaga-chatt', 'vaga-skyddat-boende', 'linnean-foljer-med', VICTIM_SUPPORT],
  },
  {
    q: 'min man kontrollerar allt jag gör och tar mina pengar',
    situation: 'A woman whose husband controls her money and movements, no physical violence.',
    category: 'vald-i-nara-relation',
    form: 'long',
    relevant: ['linnean-jourtelefon', 'linnean-stodsamtal', 'vaga-chatt'],
  },
  {
    q: 'måste fly hemifrån med barnen',
    situation: 'A mother who has to leave a violent home with her children tonight.',
    category: 'vald-i-nara-relation',
    form: 'everyday',
    relevant: ['linnean-skyddat-boende', 'linnean-jourtelefon'],
  },
  {
    q: 'pappa slår mamma',
    situation: 'A child or teenager who sees the father hit the mother.',
    category: 'vald-i-nara-relation',
    form: 'everyday',
    relevant: ['linnean-barnsamtal', 'linnean-jourtelefon', 'vaga-chatt'],
  },
  {
    q: 'familjen vill att jag ska gifta mig med min kusin',
    situation: 'A young woman pressed into a marriage by her family.',
    category: 'vald-i-nara-relation',
    form: 'long',
    relevant: ['vaga-skyddat-boende', 'vaga-chatt', 'linnean-jourtelefon'],
  },
  {
    q: 'mitt ex hotar mig',
    situation: 'A woman threatened by her former partner after the break-up.',
    category: 'vald-i-nara-relation',
    form: 'everyday',
    relevant: ['linnean-jourtelefon', 'linnean-stodsamtal', 'linnean-foljer-med', VICTIM_SUPPORT],
  },
  {
    q: 'min sambo slar mig',
    situation: 'A woman beaten by her partner, typing on a phone without å/ä/ö.',
    category: 'vald-i-nara-relation',
    form: 'no-diacritics',
    relevant: [...WOMENS_SHELTER_SUPPORT, 'linnean-foljer-med', 'vaga-chatt', VICTIM_SUPPORT],
  },
  {
    q: 'kvinojour',
    situation: 'Someone looking for the women\'s shelter, misspelt.',
    category: 'vald-i-nara-relation',
    form: 'typo',
    relevant: [...WOMENS_SHELTER_SUPPORT, 'linnean-foljer-med', 'linnean-barnsamtal', 'vaga-chatt', 'vaga-skyddat-boende'],
  },
  {
    q: 'my husband hits me',
    situation: 'A woman who does not speak Swedish, beaten by her husband.',
    category: 'vald-i-nara-relation',
    form: 'english',
    relevant: [...WOMENS_SHELTER_SUPPORT, 'linnean-foljer-med', VICTIM_SUPPORT],
  },
  {
    q: 'زوجي يضربني',
    situation: 'An Arabic-speaking woman: "my husband beats me".',
    category: 'vald-i-nara-relation',
    form: 'arabic',
    relevant: [...WOMENS_SHELTER_SUPPORT, 'linnean-foljer-med', VICTIM_SUPPORT],
  },

  // --- Mental health -------------------------------------------------------------------
  {
    q: 'mår dåligt och orkar inte',
    situation: 'An adult who feels low and exhausted and does not know where to turn.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: [...TALK_WHEN_LOW],
  },
  {
    q: 'har ångest hela tiden',
    situation: 'Someone with constant anxiety.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: ['andrum-angestgrupp', 'andrum-traffpunkt', 'andrum-samtalstelefon', 'vardcentral-kurator'],
  },
  {
    q: 'vill inte leva längre',
    situation: 'Someone with thoughts of suicide.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: [...TALK_WHEN_LOW],
  },
  {
    q: 'kan inte sova på nätterna för att tankarna snurrar',
    situation: 'Someone lying awake with racing thoughts.',
    category: 'psykisk-halsa',
    form: 'long',
    relevant: ['andrum-samtalstelefon', 'vardcentral-kurator', 'andrum-traffpunkt'],
  },
  {
    q: 'utbränd',
    situation: 'Someone on the verge of burn-out.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: ['vardcentral-kurator', 'andrum-traffpunkt', 'andrum-samtalstelefon'],
  },
  {
    q: 'behöver prata med någon',
    situation: 'Someone who needs to talk to someone, about nothing named.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: [...TALK_WHEN_LOW],
  },
  {
    q: 'min dotter skär sig',
    situation: 'A parent whose teenage daughter self-harms.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: ['andrum-anhorigtraff', 'ungdomsmottagningen-karlskoga-degerfors', 'vardcentral-kurator', 'vaga-chatt'],
  },
  {
    q: 'panikattacker',
    situation: 'Someone who has panic attacks.',
    category: 'psykisk-halsa',
    form: 'compound',
    relevant: ['andrum-angestgrupp', 'vardcentral-kurator', 'andrum-traffpunkt', 'andrum-samtalstelefon'],
  },
  {
    q: 'depresion',
    situation: 'Someone who is depressed, misspelt.',
    category: 'psykisk-halsa',
    form: 'typo',
    relevant: [...TALK_WHEN_LOW],
  },
  {
    q: 'angest',
    situation: 'Someone with anxiety, typing without å.',
    category: 'psykisk-halsa',
    form: 'no-diacritics',
    relevant: ['andrum-angestgrupp', 'andrum-traffpunkt', 'andrum-samtalstelefon', 'vardcentral-kurator'],
  },
  {
    q: 'är trans och mår dåligt',
    situation: 'A young trans person who feels low.',
    category: 'psykisk-halsa',
    form: 'everyday',
    relevant: ['ungdomsmottagningen-karlskoga-degerfors', 'andrum-traffpunkt', 'andrum-samtalstelefon', 'vaga-chatt', 'vardcentral-kurator'],
  },
  {
    q: 'feeling depressed',
    situation: 'An English-speaking resident who feels depressed.',
    category: 'psykisk-halsa',
    form: 'english',
    relevant: [...TALK_WHEN_LOW],
  },

  // --- Loneliness and community ----------------------------------------------------------
  {
    q: 'ensam sedan frun dog',
    situation: 'An older man, lonely since his wife died.',
    category: 'ensamhet-och-gemenskap',
    form: 'everyday',
    relevant: [...SENIOR_COMPANY, 'diakoni-sorgegrupp', 'diakoni-samtal'],
  },
  {
    q: 'har inga vänner',
    situation: 'An adult of working age with no friends.',
    category: 'ensamhet-och-gemenskap',
    form: 'everyday',
    relevant: ['motesplats-mockelngarden', 'andrum-traffpunkt', 'andrum-promenadgruppen', 'diakoni-sopplunch', 'andrum-samtalstelefon'],
  },
  {
    q: 'helgerna är så tomma',
    situation: 'Someone who dreads the empty weekends alone.',
    category: 'ensamhet-och-gemenskap',
    form: 'everyday',
    relevant: ['andrum-traffpunkt', 'andrum-samtalstelefon', 'motesplats-mockelngarden', 'andrum-promenadgruppen'],
  },
  {
    q: 'mormor sitter ensam hemma hela dagarna',
    situation: 'A grandchild worried about a lonely grandmother.',
    category: 'ensamhet-och-gemenskap',
    form: 'long',
    relevant: [...SENIOR_COMPANY],
  },
  {
    q: 'vill träffa nya människor',
    situation: 'Someone who has moved to town and wants to meet people.',
    category: 'ensamhet-och-gemenskap',
    form: 'everyday',
    relevant: ['motesplats-mockelngarden', 'andrum-traffpunkt', 'andrum-promenadgruppen', 'diakoni-sopplunch', 'motesbron-sprakcafe-karlskoga', 'motesbron-sprakcafe-degerfors'],
  },
  {
    q: 'känner mig isolerad',
    situation: 'Someone who feels cut off from others.',
    category: 'ensamhet-och-gemenskap',
    form: 'everyday',
    relevant: ['motesplats-mockelngarden', 'andrum-traffpunkt', 'andrum-samtalstelefon', 'eken-besoksvan', 'eken-telefonvan', 'diakoni-samtal'],
  },

  // --- Money and debt -------------------------------------------------------------------
  {
    q: 'kan inte betala hyran',
    situation: 'A tenant who cannot pay this month\'s rent.',
    category: 'ekonomi-och-skulder',
    form: 'everyday',
    relevant: ['karlskoga-stod-vid-vrakningshot', ...DEBT_ADVICE, 'reda-blankettcafe-degerfors'],
  },
  {
    q: 'fått brev från kronofogden',
    situation: 'Someone who has received a letter from the enforcement authority.',
    category: 'ekonomi-och-skulder',
    form: 'everyday',
    relevant: [...DEBT_ADVICE],
  },
  {
    q: 'pengarna räcker inte hela månaden',
    situation: 'A household that runs out of money before pay day.',
    category: 'ekonomi-och-skulder',
    form: 'everyday',
    relevant: [...DEBT_ADVICE, 'diakoni-matkasse-degerfors'],
  },
  {
    q: 'tagit för många sms lån',
    situation: 'A young adult caught in quick loans.',
    category: 'ekonomi-och-skulder',
    form: 'everyday',
    relevant: [...DEBT_ADVICE, 'reda-ekonomiskola-unga'],
  },
  {
    q: 'jag har så mycket skulder att jag inte vet vad jag ska göra',
    situation: 'Someone overwhelmed by debts.',
    category: 'ekonomi-och-skulder',
    form: 'long',
    relevant: [...DEBT_ADVICE],
  },
  {
    q: 'kronofogen',
    situation: 'Someone looking for help with the enforcement authority, misspelt.',
    category: 'ekonomi-och-skulder',
    form: 'typo',
    relevant: [...DEBT_ADVICE],
  },
  {
    q: 'skuldsaneing',
    situation: 'Someone who wants to apply for debt relief, misspelt.',
    category: 'ekonomi-och-skulder',
    form: 'typo',
    relevant: ['reda-kronofogden-skuldsanering', 'karlskoga-budget-och-skuldradgivning', 'degerfors-budget-och-skuldradgivning'],
  },
  {
    q: 'debt advice',
    situation: 'An English-speaking resident with debts.',
    category: 'ekonomi-och-skulder',
    form: 'english',
    relevant: [...DEBT_ADVICE],
  },

  // --- Food and clothes -------------------------------------------------------------------
  {
    q: 'har inga pengar till mat',
    situation: 'Someone who cannot afford food this week.',
    category: 'mat-och-klader',
    form: 'everyday',
    relevant: ['diakoni-matkasse-degerfors', 'diakoni-sopplunch'],
  },
  {
    q: 'barnen behöver vinterkläder',
    situation: 'A parent who cannot afford winter clothes for the children.',
    category: 'mat-och-klader',
    form: 'compound',
    relevant: ['medmanniskorna-kladutdelning', 'medmanniskorna-second-hand'],
  },
  {
    q: 'kylskåpet är tomt',
    situation: 'A parent with an empty fridge at the end of the month.',
    category: 'mat-och-klader',
    form: 'everyday',
    relevant: ['diakoni-matkasse-degerfors', 'diakoni-sopplunch'],
  },
  {
    q: 'gratis mat',
    situation: 'Someone looking for a free meal or food.',
    category: 'mat-och-klader',
    form: 'everyday',
    relevant: ['diakoni-matkasse-degerfors', 'diakoni-sopplunch', 'diakoni-varmestugan'],
  },
  {
    q: 'matkase',
    situation: 'Someone looking for a food bag, misspelt.',
    category: 'mat-och-klader',
    form: 'typo',
    relevant: ['diakoni-matkasse-degerfors'],
  },
  {
    q: 'har inte råd med blöjor',
    situation: 'A parent who cannot afford nappies.',
    category: 'mat-och-klader',
    form: 'everyday',
    relevant: ['medmanniskorna-kladutdelning'],
  },

  // --- Addiction ------------------------------------------------------------------------
  {
    q: 'alkoholproblem',
    situation: 'Someone with a drinking problem.',
    category: 'beroende',
    form: 'compound',
    relevant: [...ADDICTION_HELP],
  },
  {
    q: 'jag super varje dag',
    situation: 'A man who drinks every day, in his own blunt words.',
    category: 'beroende',
    form: 'everyday',
    relevant: [...ADDICTION_HELP],
  },
  {
    q: 'min son röker på',
    situation: 'A parent whose teenage son smokes cannabis.',
    category: 'beroende',
    form: 'everyday',
    relevant: ['fyrbaken-anhoriggrupp', 'beroendemottagningen-karlskoga', 'fyrbaken-stodtelefon', 'fyrbaken-oppet-hus'],
  },
  {
    q: 'spelar bort lönen',
    situation: 'Someone who gambles away the salary.',
    category: 'beroende',
    form: 'everyday',
    relevant: ['fyrbaken-spelfri', 'beroendemottagningen-karlskoga', 'fyrbaken-oppet-hus'],
  },
  {
    q: 'spelmissbruk',
    situation: 'Someone looking for help with problem gambling.',
    category: 'beroende',
    form: 'compound',
    relevant: ['fyrbaken-spelfri', 'beroendemottagningen-karlskoga', 'fyrbaken-oppet-hus'],
  },
  {
    q: 'min sambo dricker för mycket vad gör jag',
    situation: 'A partner of someone who drinks.',
    category: 'beroende',
    form: 'long',
    relevant: ['fyrbaken-anhoriggrupp', 'fyrbaken-stodtelefon', 'beroendemottagningen-karlskoga'],
  },
  {
    q: 'vill sluta knarka',
    situation: 'Someone who uses drugs and wants to stop.',
    category: 'beroende',
    form: 'everyday',
    relevant: [...ADDICTION_HELP],
  },
  {
    q: 'beroende av tabletter',
    situation: 'Someone hooked on prescription pills.',
    category: 'beroende',
    form: 'everyday',
    relevant: ['beroendemottagningen-karlskoga', 'fyrbaken-oppet-hus'],
  },
  {
    q: 'alkolism',
    situation: 'Someone looking for help with alcoholism, misspelt.',
    category: 'beroende',
    form: 'typo',
    relevant: [...ADDICTION_HELP],
  },
  {
    q: 'alcohol problem',
    situation: 'An English-speaking resident with a drinking problem.',
    category: 'beroende',
    form: 'english',
    relevant: [...ADDICTION_HELP],
  },

  // --- New in Sweden ---------------------------------------------------------------------
  {
    q: 'vill lära mig svenska',
    situation: 'A newcomer who wants to learn Swedish.',
    category: 'nyanland',
    form: 'everyday',
    relevant: [...LANGUAGE_PRACTICE],
  },
  {
    q: 'förstår inte brevet från migrationsverket',
    situation: 'A newcomer with a letter from the Migration Agency they cannot read.',
    category: 'nyanland',
    form: 'everyday',
    relevant: ['motesbron-myndighetsbrev', 'lotsen-myndighetskontakter'],
  },
  {
    q: 'nyss kommit till sverige',
    situation: 'A newly arrived person who wants to know where to start.',
    category: 'nyanland',
    form: 'everyday',
    relevant: [
      'motesbron-samhallsinformation',
      ...LANGUAGE_PRACTICE,
      'motesbron-myndighetsbrev',
      'motesbron-bankid-etjanster',
      'degerfors-jobbtorget',
    ],
  },
  {
    q: 'hitta min bror som försvann i kriget',
    situation: 'A refugee who lost contact with a brother in the war.',
    category: 'nyanland',
    form: 'everyday',
    relevant: ['medmanniskorna-efterforskning'],
  },
  {
    q: 'svenskkurs',
    situation: 'Someone looking for a Swedish course.',
    category: 'nyanland',
    form: 'compound',
    relevant: [...LANGUAGE_PRACTICE],
  },
  {
    q: 'sprakkafe',
    situation: 'Someone looking for the language café, without å and misspelt.',
    category: 'nyanland',
    form: 'no-diacritics',
    relevant: ['motesbron-sprakcafe-karlskoga', 'motesbron-sprakcafe-degerfors'],
  },
  {
    q: 'learn swedish',
    situation: 'An English-speaking newcomer.',
    category: 'nyanland',
    form: 'english',
    relevant: [...LANGUAGE_PRACTICE],
  },
  {
    q: 'ما فهمت رسالة من مصلحة الهجرة',
    situation: 'An Arabic-speaking newcomer: "I did not understand a letter from the Migration Agency".',
    category: 'nyanland',
    form: 'arabic',
    relevant: ['motesbron-myndighetsbrev', 'lotsen-myndighetskontakter'],
  },

  // --- Children, young people and family ----------------------------------------------------
  {
    q: 'sonen får dåliga betyg i matte',
    situation: 'A parent whose son struggles with maths at school.',
    category: 'barn-unga-och-familj',
    form: 'everyday',
    relevant: ['kompassen-laxhjalp'],
  },
  {
    q: 'tonåringen är ute på stan hela nätterna',
    situation: 'A parent worried about a teenager out at night.',
    category: 'barn-unga-och-familj',
    form: 'everyday',
    relevant: ['kompassen-nattvandring', 'kompassen-oppen-hall'],
  },
  {
    q: 'treåringen får utbrott hela tiden',
    situation: 'A tired parent of a three-year-old with tantrums.',
    category: 'barn-unga-och-familj',
    form: 'compound',
    relevant: ['degerfors-familjecentral'],
  },
  {
    q: 'vad kan barnen göra på sommarlovet',
    situation: 'A parent looking for free summer activities for the children.',
    category: 'barn-unga-och-familj',
    form: 'long',
    relevant: ['kompassen-sommarlov', 'kompassen-fotboll-for-alla'],
  },
  {
    q: 'gravid och 16 år',
    situation: 'A pregnant 16-year-old.',
    category: 'barn-unga-och-familj',
    form: 'everyday',
    relevant: ['ungdomsmottagningen-karlskoga-degerfors'],
  },
  {
    q: 'blir mobbad i skolan',
    situation: 'A pupil who is bullied at school.',
    category: 'barn-unga-och-familj',
    form: 'everyday',
    relevant: ['trygghetsjouren-unga', 'vaga-chatt', 'ungdomsmottagningen-karlskoga-degerfors'],
  },
  {
    q: 'jag är 15 och mamma och hennes kille bråkar hela tiden',
    situation: 'A 15-year-old living with constant fights at home.',
    category: 'barn-unga-och-familj',
    form: 'long',
    relevant: ['vaga-chatt', 'linnean-barnsamtal', 'ungdomsmottagningen-karlskoga-degerfors'],
  },
  {
    q: 'kille som gillar killar vem kan jag prata med',
    situation: 'A gay teenage boy who wants someone to talk to.',
    category: 'barn-unga-och-familj',
    form: 'long',
    relevant: ['ungdomsmottagningen-karlskoga-degerfors', 'vaga-chatt'],
  },

  // --- Grief and crisis ------------------------------------------------------------------
  {
    q: 'min mamma dog',
    situation: 'Someone, child or adult, whose mother has died.',
    category: 'sorg-och-kris',
    form: 'everyday',
    relevant: [...GRIEF, 'diakoni-barn-i-sorg'],
  },
  {
    q: 'barnen har förlorat sin pappa',
    situation: 'A widowed mother looking for support for her children.',
    category: 'sorg-och-kris',
    form: 'everyday',
    relevant: ['diakoni-barn-i-sorg'],
  },
  {
    q: 'vår son tog livet av sig',
    situation: 'Parents bereaved by suicide.',
    category: 'sorg-och-kris',
    form: 'everyday',
    relevant: [...GRIEF],
  },
  {
    q: 'huset brann ner i natt',
    situation: 'A family whose house burnt down last night.',
    category: 'sorg-och-kris',
    form: 'everyday',
    relevant: ['medmanniskorna-krisstod', 'vardcentral-kurator'],
  },
  {
    q: 'i chock efter en bilolycka',
    situation: 'Someone in shock after a car crash.',
    category: 'sorg-och-kris',
    form: 'compound',
    relevant: ['medmanniskorna-krisstod', 'vardcentral-kurator'],
  },
  {
    q: 'grief support',
    situation: 'An English-speaking resident who has lost someone.',
    category: 'sorg-och-kris',
    form: 'english',
    relevant: [...GRIEF, 'diakoni-barn-i-sorg'],
  },

  // --- Victims of crime ------------------------------------------------------------------
  {
    q: 'blivit rånad',
    situation: 'Someone who has just been robbed.',
    category: 'brottsutsatt',
    form: 'everyday',
    relevant: [VICTIM_SUPPORT, 'trygghetsjouren-unga'],
  },
  {
    q: 'någon har brutit sig in i lägenheten',
    situation: 'Someone whose flat was burgled.',
    category: 'brottsutsatt',
    form: 'everyday',
    relevant: [VICTIM_SUPPORT],
  },
  {
    q: 'blev lurad av en falsk bankman i telefon',
    situation: 'An older person tricked by a fake bank official on the phone.',
    category: 'brottsutsatt',
    form: 'long',
    relevant: ['trygghetsjouren-bedrageri', VICTIM_SUPPORT],
  },
  {
    q: 'ska vittna och är nervös',
    situation: 'A witness called to court who is nervous.',
    category: 'brottsutsatt',
    form: 'everyday',
    relevant: ['trygghetsjouren-vittnesstod', VICTIM_SUPPORT],
  },
  {
    q: 'blev slagen på stan i helgen',
    situation: 'Someone assaulted in town at the weekend.',
    category: 'brottsutsatt',
    form: 'everyday',
    relevant: [VICTIM_SUPPORT, 'trygghetsjouren-unga'],
  },
  {
    q: 'brotsoffer',
    situation: 'Someone looking for victim support, misspelt.',
    category: 'brottsutsatt',
    form: 'typo',
    relevant: [VICTIM_SUPPORT, 'trygghetsjouren-unga', 'trygghetsjouren-vittnesstod', 'trygghetsjouren-anhoriga-efter-brott', 'trygghetsjouren-bedrageri'],
  },
  {
    q: 'سرقوني في الشارع',
    situation: 'An Arabic-speaking resident: "they robbed me in the street".',
    category: 'brottsutsatt',
    form: 'arabic',
    relevant: [VICTIM_SUPPORT, 'trygghetsjouren-unga'],
  },

  // --- Housing and homelessness -------------------------------------------------------------
  {
    q: 'har ingenstans att sova i natt',
    situation: 'Someone with nowhere to sleep tonight.',
    category: 'boende-och-hemloshet',
    form: 'everyday',
    relevant: ['diakoni-varmestugan'],
  },
  {
    q: 'hyresvärden vill kasta ut oss',
    situation: 'A family whose landlord wants to evict them.',
    category: 'boende-och-hemloshet',
    form: 'everyday',
    relevant: ['karlskoga-stod-vid-vrakningshot'],
  },
  {
    q: 'bor i bilen',
    situation: 'Someone who has been sleeping in the car.',
    category: 'boende-och-hemloshet',
    form: 'everyday',
    relevant: ['diakoni-varmestugan'],
  },
  {
    q: 'hemlos',
    situation: 'A homeless person typing without ö.',
    category: 'boende-och-hemloshet',
    form: 'no-diacritics',
    relevant: ['diakoni-varmestugan', 'karlskoga-stod-vid-vrakningshot'],
  },
  {
    q: 'fått uppsägning på lägenheten',
    situation: 'A tenant whose lease has been terminated.',
    category: 'boende-och-hemloshet',
    form: 'everyday',
    relevant: ['karlskoga-stod-vid-vrakningshot'],
  },

  // --- Work and occupation ----------------------------------------------------------------
  {
    q: 'arbetslös och vill ha jobb',
    situation: 'An unemployed adult.',
    category: 'arbete-och-sysselsattning',
    form: 'everyday',
    relevant: ['degerfors-jobbtorget', 'arbetstraning-mockelngarden'],
  },
  {
    q: 'sommarjobb för 16-åring',
    situation: 'A 16-year-old looking for a summer job.',
    category: 'arbete-och-sysselsattning',
    form: 'everyday',
    relevant: ['kompassen-ung-ledare'],
  },
  {
    q: 'har varit sjukskriven länge och vill tillbaka',
    situation: 'Someone back from long sick leave who wants to work again.',
    category: 'arbete-och-sysselsattning',
    form: 'long',
    relevant: ['arbetstraning-mockelngarden', 'degerfors-jobbtorget'],
  },
  {
    q: 'hjälp att skriva cv',
    situation: 'A job seeker who needs help with a CV.',
    category: 'arbete-och-sysselsattning',
    form: 'everyday',
    relevant: ['degerfors-jobbtorget'],
  },
  {
    q: 'något att göra på dagarna efter behandlingen',
    situation: 'Someone leaving addiction treatment who needs a daily routine.',
    category: 'arbete-och-sysselsattning',
    form: 'long',
    relevant: ['fyrbaken-cafe-fyren', 'arbetstraning-mockelngarden'],
  },

  // --- Disability and accompaniment ----------------------------------------------------------
  {
    q: 'behöver följeslagare till sjukhuset',
    situation: 'Someone who cannot go to hospital alone.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'compound',
    relevant: ['medmanniskorna-sjukhusvardar', 'tillsammans-ledsagning'],
  },
  {
    q: 'sitter i rullstol och vill gå på bio',
    situation: 'A wheelchair user who wants company to the cinema.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'everyday',
    relevant: ['tillsammans-ledsagning'],
  },
  {
    q: 'fick avslag på assistans',
    situation: 'Someone refused personal assistance who wants to appeal.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'everyday',
    relevant: ['tillsammans-lss-radgivning', 'reda-blankettcafe-degerfors'],
  },
  {
    q: 'fritidsaktiviteter för autistiska ungdomar',
    situation: 'A parent of an autistic teenager looking for leisure activities.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'compound',
    relevant: ['tillsammans-fredagstraffen', 'kompassen-fotboll-for-alla'],
  },
  {
    q: 'mitt barn har adhd',
    situation: 'A parent of a child just diagnosed with ADHD.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'everyday',
    relevant: ['tillsammans-foraldragrupp', 'tillsammans-lss-radgivning'],
  },
  {
    q: 'tar hand om pappa som har demens',
    situation: 'A daughter caring for her father with dementia.',
    category: 'funktionsnedsattning-och-ledsagning',
    form: 'everyday',
    relevant: ['karlskoga-anhorigcenter'],
  },

  // --- Older people -------------------------------------------------------------------------
  {
    q: 'pensionär och har tråkigt',
    situation: 'A bored pensioner.',
    category: 'aldre',
    form: 'everyday',
    relevant: [...SENIOR_COMPANY, 'eken-stavgang'],
  },
  {
    q: 'gamla mamma klarar inte mobilen',
    situation: 'An adult child whose elderly mother cannot use her phone.',
    category: 'aldre',
    form: 'everyday',
    relevant: ['eken-digital-seniorhjalp', 'it-hjalpen-mockelngarden'],
  },
  {
    q: 'motion för seniorer',
    situation: 'An older person who wants gentle exercise with others.',
    category: 'aldre',
    form: 'everyday',
    relevant: ['eken-stavgang', 'andrum-promenadgruppen'],
  },
  {
    q: 'pappa är 85 och har ingen som hälsar på',
    situation: 'A son whose old father gets no visits.',
    category: 'aldre',
    form: 'long',
    relevant: ['eken-besoksvan', 'eken-telefonvan', 'medmanniskorna-sjukhusvardar'],
  },

  // --- Advice and legal help ------------------------------------------------------------------
  {
    q: 'överklaga beslut från försäkringskassan',
    situation: 'Someone refused a benefit who wants to appeal.',
    category: 'radgivning-och-juridik',
    form: 'everyday',
    relevant: ['reda-blankettcafe-degerfors', 'lotsen-myndighetskontakter', 'tillsammans-lss-radgivning'],
  },
  {
    q: 'förstår inte pappren från kommunen',
    situation: 'Someone who cannot make sense of papers from the municipality.',
    category: 'radgivning-och-juridik',
    form: 'everyday',
    relevant: ['motesbron-myndighetsbrev', 'lotsen-myndighetskontakter', 'reda-blankettcafe-degerfors'],
  },
  {
    q: 'orkar inte med alla handläggare',
    situation: 'Someone worn out by case officers at many authorities.',
    category: 'radgivning-och-juridik',
    form: 'everyday',
    relevant: ['lotsen-myndighetskontakter'],
  },
  {
    q: 'söka socialbidrag',
    situation: 'Someone who wants to apply for social assistance (the everyday word).',
    category: 'radgivning-och-juridik',
    form: 'compound',
    relevant: ['reda-blankettcafe-degerfors'],
  },

  // --- Digital help ----------------------------------------------------------------------------
  {
    q: 'hjälp med bankid',
    situation: 'Someone who cannot get BankID to work.',
    category: 'digital-hjalp',
    form: 'everyday',
    relevant: [...DIGITAL_HELP],
  },
  {
    q: 'hur loggar jag in på 1177',
    situation: 'Someone who needs to reach their health records online.',
    category: 'digital-hjalp',
    form: 'long',
    relevant: [...DIGITAL_HELP],
  },
  {
    q: 'bank id',
    situation: 'Someone looking for BankID help, written as two words.',
    category: 'digital-hjalp',
    form: 'typo',
    relevant: [...DIGITAL_HELP],
  },
  {
    q: 'kan inte använda datorn',
    situation: 'Someone who cannot use a computer.',
    category: 'digital-hjalp',
    form: 'everyday',
    relevant: ['it-hjalpen-mockelngarden', 'eken-digital-seniorhjalp'],
  },
  {
    q: 'help with my phone',
    situation: 'An English-speaking resident who needs help with a smartphone.',
    category: 'digital-hjalp',
    form: 'english',
    relevant: [...DIGITAL_HELP],
  },
];
