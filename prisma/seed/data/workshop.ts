/** Synergy workshop demo: issues in every state, one held meeting with minutes, one planned. */
import type { SeedIssue, SeedMeeting } from '../types';
import { ORG, USER } from './refs';

const COORDINATOR = 'samordnare@lisa.example';
const REGION_OFFICIAL = 'tjansteperson.region@lisa.example';
const KARLSKOGA_OFFICIAL = 'tjansteperson.karlskoga@lisa.example';
const DEGERFORS_OFFICIAL = 'tjansteperson.degerfors@lisa.example';

const WAITING_TIMES = 'Unga vuxna väntar länge på samtal hos kurator på vårdcentralen';

export const issues: SeedIssue[] = [
  {
    title: WAITING_TIMES,
    filedBy: ORG.mentalHealth,
    createdBy: USER.mentalHealth,
    description:
      'Flera unga vuxna som vänder sig till oss berättar att de fått vänta sex till åtta veckor på ett första samtal hos kurator på vårdcentralen. Under väntetiden söker de sig till oss, men vi kan inte ge behandling och vet inte hur vi ska hänvisa när det blir akut.',
    desiredOutcome: 'En tydlig väg för föreningen att hänvisa vidare under väntetiden, och information om vilka som kan få förtur.',
    category: 'primarvard',
    concerns: 'REGION',
    state: 'SUBMITTED',
    visibility: 'RESTRICTED',
    filedDaysAgo: 6,
  },
  {
    title: 'Tolk saknas ofta vid första besöket hos socialtjänsten',
    filedBy: ORG.newcomers,
    createdBy: 'admin2@lisa.example',
    description:
      'Deltagare på vårt språkcafé berättar att de kallats till ett första möte hos socialtjänsten utan att tolk bokats, trots att de bett om det. Mötet blir då kort och ett nytt möte bokas om flera veckor.',
    desiredOutcome: 'Att tolkbehovet frågas efter och bokas redan när tiden ges.',
    category: 'socialtjanst',
    concerns: 'MUNICIPALITY',
    municipality: '1883',
    state: 'NEEDS_INFO',
    visibility: 'RESTRICTED',
    comments: [
      {
        author: COORDINATOR,
        body: 'Tack för ärendet. Kan ni beskriva ungefär hur ofta det händer och om det gäller vissa språk? Inga namn eller uppgifter om enskilda, bara ett ungefärligt antal.',
      },
    ],
    filedDaysAgo: 12,
  },
  {
    title: 'Kvinnor i skyddat boende får inte listas på en vårdcentral',
    filedBy: ORG.shelter,
    createdBy: 'foreningsadmin@lisa.example',
    description:
      'Kvinnor som bor i skyddat boende har ofta skyddad folkbokföring eller är skrivna på en annan ort. Vi ser att de har svårt att lista sig på en vårdcentral i Karlskoga och hänvisas till akuten för sådant som borde skötas i primärvården.',
    desiredOutcome: 'En rutin för hur kvinnor i skyddat boende kan få en fast vårdkontakt utan att adressen röjs.',
    category: 'primarvard',
    concerns: 'REGION',
    state: 'ASSIGNED',
    visibility: 'RESTRICTED',
    responders: ['region-orebro-lan'],
    assignees: [REGION_OFFICIAL],
    dueInDays: 10,
    internalNotes: [
      {
        organization: 'region-orebro-lan',
        author: REGION_OFFICIAL,
        body: 'Stämmer av med verksamhetschefen på vårdcentralen om hur listning med skyddade personuppgifter hanteras i dag.',
      },
    ],
    filedDaysAgo: 20,
  },
  {
    title: 'Föreningar når inte socialjouren på kvällar och helger',
    filedBy: ORG.victimSupport,
    createdBy: USER.victimSupport,
    description:
      'När våra stödpersoner möter någon i akut kris på kvällstid vet vi inte vilket nummer som gäller för att nå socialjouren, och numret på kommunens webbplats går till växeln som är stängd.',
    desiredOutcome: 'Ett nummer som föreningar i nätverket kan använda dygnet runt, och en kort rutin för när det ska användas.',
    category: 'socialtjanst',
    concerns: 'MUNICIPALITY',
    municipality: '1883',
    state: 'ASSIGNED',
    visibility: 'NETWORK',
    responders: ['karlskoga-kommun'],
    assignees: [KARLSKOGA_OFFICIAL],
    dueInDays: -5,
    filedDaysAgo: 40,
  },
  {
    title: 'Matkasseutdelningen saknar lokal efter årsskiftet',
    filedBy: ORG.diaconia,
    createdBy: USER.diaconia,
    description:
      'Lokalen där vi delar ut matkassar varje torsdag sägs upp vid årsskiftet. Vi har inte hittat någon ny lokal som är tillgänglig och ligger nära busshållplats.',
    desiredOutcome: 'Hjälp att hitta en kommunal lokal som kan användas några timmar i veckan.',
    category: 'socialtjanst',
    concerns: 'MUNICIPALITY',
    municipality: '1883',
    state: 'ANSWERED',
    visibility: 'NETWORK',
    responders: ['karlskoga-kommun'],
    assignees: [KARLSKOGA_OFFICIAL],
    dueInDays: 4,
    answers: [
      {
        organization: 'karlskoga-kommun',
        author: KARLSKOGA_OFFICIAL,
        body: 'Kommunens lokalförsörjning har två lokaler som kan bokas torsdagar: mötesplatsen på Centrumgatan och Skranta-salen i medborgarhuset. Båda är tillgängliga och ligger nära busshållplats. Kontakta lokalbokningen så reserverar de torsdagar från januari.',
      },
    ],
    filedDaysAgo: 35,
  },
  {
    title: 'Ungdomar hamnar mellan BUP och elevhälsan',
    filedBy: ORG.youth,
    createdBy: USER.youth,
    description:
      'Ledare i vår läxhjälp möter ungdomar som mår dåligt och som har fått beskedet att de inte är tillräckligt sjuka för BUP, samtidigt som elevhälsan säger att de behöver mer än skolan kan ge. Familjerna vet inte vart de ska vända sig.',
    desiredOutcome: 'En gemensam information till föreningar och familjer om vem som gör vad, och en kontaktväg när det inte fungerar.',
    category: 'skola',
    concerns: 'BOTH',
    municipality: '1883',
    state: 'ACTION_AGREED',
    visibility: 'PUBLIC',
    responders: ['region-orebro-lan', 'karlskoga-kommun'],
    assignees: [REGION_OFFICIAL, KARLSKOGA_OFFICIAL],
    answers: [
      {
        organization: 'region-orebro-lan',
        author: REGION_OFFICIAL,
        body: 'Första linjen för barn och unga tar emot ungdomar med lindrig till måttlig psykisk ohälsa utan remiss. Vi tar fram en kort skrift om vägarna in som kan delas ut av föreningar.',
      },
      {
        organization: 'karlskoga-kommun',
        author: KARLSKOGA_OFFICIAL,
        body: 'Elevhälsan och första linjen har ett samverkansmöte varje månad. Föreningar kan be familjen ge samtycke så att elevhälsan kan ta kontakt direkt.',
      },
    ],
    filedDaysAgo: 90,
  },
  {
    title: 'Rutin när barn i skyddat boende behöver barnsjukvård',
    filedBy: ORG.shelter,
    createdBy: 'foreningsadmin@lisa.example',
    description:
      'Barn som bor med sin mamma i skyddat boende behöver ibland träffa barnläkare. Det har varit oklart hur besöket bokas utan att boendets adress eller barnets vistelseort syns i kallelser.',
    desiredOutcome: 'En överenskommelse mellan de skyddade boendena och barn- och ungdomsmedicinska mottagningen.',
    category: 'barn-och-ungdomsmedicin',
    concerns: 'REGION',
    state: 'RESOLVED',
    visibility: 'PUBLIC',
    responders: ['region-orebro-lan'],
    assignees: [REGION_OFFICIAL],
    answers: [
      {
        organization: 'region-orebro-lan',
        author: REGION_OFFICIAL,
        body: 'Mottagningen har tagit fram en rutin: boendet ringer en särskild kontaktperson, kallelser skickas inte per post, och besöket registreras med skyddade uppgifter.',
      },
    ],
    filedDaysAgo: 150,
  },
  {
    title: 'Avgift för färdtjänst när ledsagare följer med till vården',
    filedBy: ORG.disability,
    createdBy: USER.disability,
    description:
      'Medlemmar som behöver ledsagning till vårdbesök betalar dubbel avgift när ledsagaren åker med i färdtjänsten. Det gör att några avstår från besök.',
    desiredOutcome: 'Att ledsagare vid vårdbesök åker avgiftsfritt.',
    category: 'primarvard',
    concerns: 'BOTH',
    municipality: '1862',
    state: 'CLOSED_UNRESOLVED',
    visibility: 'NETWORK',
    responders: ['region-orebro-lan', 'degerfors-kommun'],
    assignees: [REGION_OFFICIAL, DEGERFORS_OFFICIAL],
    answers: [
      {
        organization: 'degerfors-kommun',
        author: DEGERFORS_OFFICIAL,
        body: 'Avgifterna beslutas av kommunfullmäktige och kan inte ändras inom ramen för synergiverkstaden. Frågan lyfts i nästa budgetberedning.',
      },
    ],
    filedDaysAgo: 120,
  },
  {
    title: 'Lång väntan på kuratorssamtal för unga',
    filedBy: ORG.umbrella,
    createdBy: COORDINATOR,
    description: 'Flera föreningar hör från unga att det tar lång tid att få träffa kurator på vårdcentralen.',
    desiredOutcome: 'Kortare väntetid eller en väg att hänvisa under tiden.',
    category: 'primarvard',
    concerns: 'REGION',
    state: 'DUPLICATE',
    visibility: 'RESTRICTED',
    duplicateOf: WAITING_TIMES,
    filedDaysAgo: 4,
  },
  {
    title: 'Inga kvällsturer med buss mellan Degerfors och Karlskoga',
    filedBy: ORG.pensioners,
    createdBy: USER.pensioners,
    description:
      'Medlemmar som deltar i kvällsaktiviteter i Karlskoga kan inte ta sig hem till Degerfors med buss efter klockan sju.',
    desiredOutcome: 'Fler kvällsturer eller anropsstyrd trafik.',
    category: 'arbete',
    concerns: 'REGION',
    state: 'REFERRED',
    visibility: 'PUBLIC',
    referredTo: 'Länstrafiken Örebro (regionens kollektivtrafikförvaltning), som beslutar om turutbudet.',
    filedDaysAgo: 60,
  },
  {
    title: 'Svårt att boka kommunens mötesplats för gruppträffar',
    filedBy: ORG.pensioners,
    createdBy: USER.pensioners,
    description: 'Bokningssystemet kräver BankID och många av våra medlemmar saknar det.',
    desiredOutcome: 'Att föreningar kan boka via telefon.',
    category: 'socialtjanst',
    concerns: 'MUNICIPALITY',
    municipality: '1862',
    state: 'WITHDRAWN',
    visibility: 'NETWORK',
    responders: ['degerfors-kommun'],
    assignees: [DEGERFORS_OFFICIAL],
    comments: [{ author: USER.pensioners, body: 'Vi drar tillbaka ärendet: receptionen hjälper oss nu att boka per telefon.' }],
    filedDaysAgo: 45,
  },
  {
    title: 'Skuldsatta skickas mellan Kronofogden och budgetrådgivningen',
    filedBy: ORG.debt,
    createdBy: 'medlem2@lisa.example',
    description:
      'Personer vi hjälper med skulder säger att kommunens budget- och skuldrådgivning har lång kö, och att de under tiden inte vet vad de ska svara Kronofogden.',
    desiredOutcome: 'Att föreningens volontärer får en kontaktperson på budget- och skuldrådgivningen.',
    category: 'socialtjanst',
    concerns: 'MUNICIPALITY',
    municipality: '1862',
    state: 'DRAFT',
    visibility: 'RESTRICTED',
    filedDaysAgo: 2,
  },
  {
    title: 'Information om nätverket saknas på akutmottagningen',
    filedBy: ORG.umbrella,
    createdBy: COORDINATOR,
    description:
      'Personal på akuten känner inte till vilket stöd föreningarna i nätverket ger, och patienter som skulle kunna få hjälp av oss får ingen information.',
    desiredOutcome: 'Att portalens adress och en kort folder finns på akutmottagningen i Karlskoga.',
    category: 'akutvard',
    concerns: 'REGION',
    state: 'SUBMITTED',
    visibility: 'NETWORK',
    filedDaysAgo: 3,
  },
  {
    title: 'Arbetsträning efter avslutad missbruksbehandling',
    filedBy: ORG.addiction,
    createdBy: USER.addiction,
    description:
      'Medlemmar som avslutat behandling vill börja arbetsträna, men platserna i kommunens arbetsmarknadsverksamhet kräver att man varit inskriven i ett halvår.',
    desiredOutcome: 'Att föreningens verksamhet kan räknas som en väg in till arbetsträning.',
    category: 'arbete',
    concerns: 'MUNICIPALITY',
    municipality: '1862',
    state: 'ANSWERED',
    visibility: 'NETWORK',
    responders: ['degerfors-kommun'],
    assignees: [DEGERFORS_OFFICIAL],
    dueInDays: 12,
    answers: [
      {
        organization: 'degerfors-kommun',
        author: DEGERFORS_OFFICIAL,
        body: 'Arbetsmarknadsenheten kan göra undantag från kravet när en förening intygar regelbundet deltagande. Vi föreslår ett möte för att ta fram ett enkelt intyg.',
      },
    ],
    filedDaysAgo: 30,
  },
];

export const meetings: SeedMeeting[] = [
  {
    title: 'Synergiverkstad, höstens första möte',
    kind: 'WORKSHOP',
    inDays: -21,
    starts: '13:00',
    ends: '15:30',
    place: 'Möckelnsalen, Folkets hus, Karlskoga',
    closed: true,
    agenda: [
      {
        issue: 'Ungdomar hamnar mellan BUP och elevhälsan',
        decision:
          'Regionen och kommunen tar fram en gemensam informationsskrift om vägarna in för unga med psykisk ohälsa. Föreningarna får lämna synpunkter på ett utkast.',
        resultingState: 'ACTION_AGREED',
        action: { description: 'Ta fram ett utkast till informationsskrift och skicka till nätverket.', owner: 'region-orebro-lan', followUpInDays: 14 },
      },
      {
        issue: 'Rutin när barn i skyddat boende behöver barnsjukvård',
        decision: 'Rutinen är på plats och har prövats i två fall. Föreningen bekräftar att frågan är löst.',
        resultingState: 'RESOLVED',
      },
      {
        issue: 'Avgift för färdtjänst när ledsagare följer med till vården',
        decision: 'Frågan kan inte lösas inom synergiverkstaden; avgifterna beslutas politiskt. Ärendet avslutas olöst och frågan lämnas till budgetberedningen.',
        resultingState: 'CLOSED_UNRESOLVED',
      },
      { title: 'Övriga frågor', decision: 'Nätverket önskar en gemensam utbildning om skyddade personuppgifter under våren.' },
    ],
  },
  {
    title: 'Synergiverkstad, höstens andra möte',
    kind: 'WORKSHOP',
    inDays: 18,
    starts: '13:00',
    ends: '15:30',
    place: 'Möckelnsalen, Folkets hus, Karlskoga',
    closed: false,
    agenda: [
      { issue: 'Kvinnor i skyddat boende får inte listas på en vårdcentral' },
      { issue: 'Föreningar når inte socialjouren på kvällar och helger' },
      { issue: 'Matkasseutdelningen saknar lokal efter årsskiftet' },
      { issue: 'Arbetsträning efter avslutad missbruksbehandling' },
    ],
  },
];
