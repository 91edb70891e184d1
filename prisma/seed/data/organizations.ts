/**
 * Demo organisations: 13 fictional associations in the LISA network plus the region and the
 * two municipalities. All names of associations, contact details and organisation numbers are
 * invented; e-mail addresses and websites use the reserved `.example` domain.
 */
import type { SeedOrganization } from '../types';

export const organizations: SeedOrganization[] = [
  {
    slug: 'mockelnforeningarna',
    kind: 'ASSOCIATION',
    name: 'Möckelnföreningarna',
    description:
      'Möckelnföreningarna är en paraplyorganisation för ideella föreningar med social inriktning i Karlskoga och Degerfors. Föreningen samordnar nätverket LISA och är sammankallande tillsammans med regionen. Vi driver också den öppna mötesplatsen Möckelngården och hjälper medlemsföreningarna med lokaler, utbildning och kontakter med region och kommun.',
    email: 'lisa@mockelnforeningarna.example',
    phone: '0586-310 40',
    website: 'https://mockelnforeningarna.example',
    orgNumber: '802412-3302',
    translations: {
      en: {
        description:
          'Möckelnföreningarna is an umbrella organisation for non-profit associations doing social work in Karlskoga and Degerfors. It coordinates the LISA network together with the region. It also runs the open meeting place Möckelngården and helps member associations with premises, training and contacts with the region and the municipalities.',
      },
    },
  },
  {
    slug: 'kvinnojouren-linnean',
    kind: 'ASSOCIATION',
    name: 'Kvinnojouren Linnéan',
    description:
      'Kvinnojouren Linnéan ger stöd till kvinnor och barn som utsätts för våld, hot eller kontroll i en nära relation. Jourtelefonen är öppen dygnet runt och vi erbjuder stödsamtal, hjälp i kontakter med polis och socialtjänst samt ett skyddat boende. Alla jourkvinnor har tystnadslöfte och du kan vara anonym.',
    email: 'kontakt@kvinnojouren-linnean.example',
    phone: '0586-155 20',
    website: 'https://kvinnojouren-linnean.example',
    orgNumber: '802436-7719',
    newsPublishingMode: 'ADMIN_APPROVES',
    translations: {
      en: {
        name: 'Linnéan Women’s Shelter',
        description:
          'Linnéan Women’s Shelter supports women and children who are subjected to violence, threats or control in a close relationship. The helpline is open around the clock, and we offer support talks, help in contacts with the police and social services, and a sheltered home. All volunteers are bound by a promise of confidentiality and you can stay anonymous.',
      },
    },
  },
  {
    slug: 'tjejjouren-vaga',
    kind: 'ASSOCIATION',
    name: 'Tjejjouren Våga',
    description:
      'Tjejjouren Våga finns för tjejer, unga kvinnor och unga transpersoner mellan 12 och 25 år i Karlskoga och Degerfors. Vi har chatt, stödsamtal och tjejgrupper, och ett litet skyddat boende för unga kvinnor som behöver komma bort från våld eller hedersrelaterat förtryck. Alla som svarar är utbildade och har tystnadslöfte.',
    email: 'hej@tjejjouren-vaga.example',
    phone: '0586-155 80',
    website: 'https://tjejjouren-vaga.example',
    orgNumber: '802458-1020',
    translations: {
      en: {
        name: 'Våga Young Women’s Shelter',
        description:
          'Våga is a shelter association for girls, young women and young trans people aged 12 to 25 in Karlskoga and Degerfors. We offer chat, support talks and girls’ groups, and run a small sheltered home for young women who need to get away from violence or honour-related oppression. Everyone who answers is trained and bound by confidentiality.',
      },
    },
  },
  {
    slug: 'trygghetsjouren',
    kind: 'ASSOCIATION',
    name: 'Trygghetsjouren Karlskoga-Degerfors',
    description:
      'Trygghetsjouren är en brottsofferjour som ger kostnadsfritt stöd till den som har utsatts för brott, har bevittnat ett brott eller är anhörig till någon som drabbats. Våra stödpersoner lyssnar, förklarar hur rättsprocessen går till och kan följa med till polisen eller tingsrätten. Du bestämmer själv om du vill polisanmäla.',
    email: 'stod@trygghetsjouren.example',
    phone: '0586-172 30',
    website: 'https://trygghetsjouren.example',
    orgNumber: '802441-5567',
    newsPublishingMode: 'ADMIN_APPROVES',
    translations: {
      en: {
        name: 'Trygghetsjouren Victim Support Karlskoga-Degerfors',
        description:
          'Trygghetsjouren is a victim support association offering free support to anyone who has been the victim of a crime, witnessed a crime or is close to someone who has been affected. Our support persons listen, explain how the legal process works and can go with you to the police or the district court. You decide for yourself whether to report the crime.',
      },
    },
  },
  {
    slug: 'kyrkornas-diakonirad',
    kind: 'ASSOCIATION',
    name: 'Kyrkornas diakoniråd Karlskoga-Degerfors',
    description:
      'Diakonirådet är ett samarbete mellan församlingarna och frikyrkorna i Karlskoga och Degerfors kring socialt arbete. Vi erbjuder samtal med diakon, sorgegrupper, soppluncher, matkassar och en värmestuga för den som saknar bostad. Du behöver inte vara medlem i någon kyrka och vi frågar inte om tro.',
    email: 'diakoni@kyrkornas-diakonirad.example',
    phone: '0586-208 15',
    website: 'https://kyrkornas-diakonirad.example',
    orgNumber: '802470-3343',
    translations: {
      en: {
        name: 'Churches’ Diaconal Council Karlskoga-Degerfors',
        description:
          'The Diaconal Council is a cooperation on social work between the parishes and free churches in Karlskoga and Degerfors. We offer conversations with a deacon, grief groups, soup lunches, food bags and a warming shelter for people without a home. You do not need to be a church member and we never ask about faith.',
      },
    },
  },
  {
    slug: 'reda-ekonomiradgivning',
    kind: 'ASSOCIATION',
    name: 'Föreningen Reda – frivillig ekonomirådgivning',
    description:
      'Reda är en grupp frivilliga med bakgrund inom bank, redovisning och socialt arbete som hjälper privatpersoner att få ordning på sin ekonomi. Vi går igenom räkningar och skulder, gör en budget tillsammans med dig och hjälper dig att kontakta fordringsägare och Kronofogden. All hjälp är gratis och vi har tystnadslöfte.',
    email: 'rad@reda-ekonomiradgivning.example',
    phone: '0586-134 70',
    website: 'https://reda-ekonomiradgivning.example',
    orgNumber: '802483-6614',
    translations: {
      en: {
        name: 'Reda – Volunteer Debt and Budget Advice',
        description:
          'Reda is a group of volunteers with backgrounds in banking, accounting and social work who help people get their finances in order. We go through bills and debts, make a budget together with you and help you contact creditors and the Swedish Enforcement Authority (Kronofogden). All help is free and we are bound by confidentiality.',
      },
    },
  },
  {
    slug: 'motesbron',
    kind: 'ASSOCIATION',
    name: 'Föreningen Mötesbron',
    description:
      'Mötesbron är en förening där nyanlända och de som bott länge i Karlskoga och Degerfors lär känna varandra. Vi driver språkcaféer, ger samhällsinformation på flera språk och hjälper till att förstå brev från myndigheter. Många av våra volontärer har själva kommit till Sverige under de senaste tio åren.',
    email: 'info@motesbron.example',
    phone: '0586-190 55',
    website: 'https://motesbron.example',
    orgNumber: '802495-2288',
    translations: {
      en: {
        name: 'Mötesbron Association (The Meeting Bridge)',
        description:
          'Mötesbron is an association where newcomers and long-time residents of Karlskoga and Degerfors get to know each other. We run language cafés, give information about Swedish society in several languages and help people understand letters from public authorities. Many of our volunteers came to Sweden themselves within the last ten years.',
      },
    },
  },
  {
    slug: 'fyrbaken',
    kind: 'ASSOCIATION',
    name: 'Kamratföreningen Fyrbåken',
    description:
      'Fyrbåken är en kamratstödsförening för dig som vill ta dig ur ett beroende av alkohol, droger eller spel, och för dina anhöriga. Vi bygger på att den som själv har varit där kan hjälpa den som kämpar nu. Föreningslokalen är öppen alla dagar i veckan och kaffet är alltid gratis.',
    email: 'kontakt@fyrbaken.example',
    phone: '0586-162 45',
    website: 'https://fyrbaken.example',
    orgNumber: '802419-8858',
    translations: {
      en: {
        name: 'Fyrbåken Peer Recovery Association',
        description:
          'Fyrbåken is a peer support association for people who want to break free from alcohol, drug or gambling addiction, and for their families. Our idea is that someone who has been there can help someone who is struggling now. The clubhouse is open every day of the week and the coffee is always free.',
      },
    },
  },
  {
    slug: 'andrum-psykisk-halsa',
    kind: 'ASSOCIATION',
    name: 'Föreningen Andrum',
    description:
      'Andrum är en förening för personer med egen erfarenhet av psykisk ohälsa och deras anhöriga i Karlskoga och Degerfors. Vi driver en öppen träffpunkt, samtalsgrupper som leds av personer med egen erfarenhet och en samtalstelefon på kvällarna. Hos oss behövs ingen diagnos och ingen remiss.',
    email: 'hej@andrum-psykisk-halsa.example',
    phone: '0586-141 90',
    website: 'https://andrum-psykisk-halsa.example',
    orgNumber: '802427-4097',
    translations: {
      en: {
        name: 'Andrum Mental Health Peer Association',
        description:
          'Andrum is an association for people with lived experience of mental ill health and their relatives in Karlskoga and Degerfors. We run an open drop-in centre, peer-led support groups and an evening support line. You need no diagnosis and no referral.',
      },
    },
  },
  {
    slug: 'medmanniskorna',
    kind: 'ASSOCIATION',
    name: 'Medmänniskorna Karlskoga-Degerfors',
    description:
      'Medmänniskorna är en humanitär frivilligförening som hjälper till där behoven är störst i Karlskoga och Degerfors. Vi driver en second hand-butik, delar ut kläder och hygienartiklar och har sjukhusvärdar och en krisstödsgrupp som kan kallas in vid olyckor. Vi hjälper också familjer som splittrats av krig eller flykt att söka efter sina anhöriga.',
    email: 'info@medmanniskorna.example',
    phone: '0586-125 60',
    website: 'https://medmanniskorna.example',
    orgNumber: '802464-9173',
    translations: {
      en: {
        name: 'Medmänniskorna (Fellow Humans) Karlskoga-Degerfors',
        description:
          'Medmänniskorna is a humanitarian volunteer association helping where the needs are greatest in Karlskoga and Degerfors. We run a second-hand shop, hand out clothes and hygiene products, and have hospital hosts and a crisis support team that can be called in after accidents. We also help families separated by war or flight to search for their relatives.',
      },
    },
  },
  {
    slug: 'seniorforeningen-eken',
    kind: 'ASSOCIATION',
    name: 'Seniorföreningen Eken',
    description:
      'Seniorföreningen Eken samlar pensionärer i Degerfors och Karlskoga kring gemenskap och aktiviteter. Våra besöks- och telefonvänner håller kontakt med äldre som bor ensamma, och varje vecka har vi seniorcafé, stavgång och digital hjälp. Alla över 60 år är välkomna, medlem eller inte.',
    email: 'eken@seniorforeningen-eken.example',
    phone: '0586-43 18 20',
    website: 'https://seniorforeningen-eken.example',
    orgNumber: '802402-5549',
    translations: {
      en: {
        name: 'Eken Seniors’ Association',
        description:
          'Eken Seniors’ Association brings pensioners in Degerfors and Karlskoga together for company and activities. Our visiting and phone friends keep in touch with older people who live alone, and every week we have a seniors’ café, Nordic walking and digital help. Everyone over 60 is welcome, member or not.',
      },
    },
  },
  {
    slug: 'foreningen-tillsammans',
    kind: 'ASSOCIATION',
    name: 'Föreningen Tillsammans – funktionsrätt och anhöriga',
    description:
      'Tillsammans är en förening för personer med funktionsnedsättning och deras anhöriga i Karlskoga och Degerfors. Vi erbjuder frivillig ledsagning, anhöriggrupper och hjälp att ansöka om stöd enligt LSS. Vi driver också frågor om tillgänglighet gentemot kommunerna och regionen.',
    email: 'kansli@foreningen-tillsammans.example',
    phone: '0586-118 35',
    website: 'https://foreningen-tillsammans.example',
    orgNumber: '802451-0730',
    translations: {
      en: {
        name: 'Tillsammans (Together) – Disability Rights and Carers',
        description:
          'Tillsammans is an association for people with disabilities and their relatives in Karlskoga and Degerfors. We offer volunteer companions, carers’ groups and help applying for support under the Swedish disability act (LSS). We also advocate for accessibility towards the municipalities and the region.',
      },
    },
  },
  {
    slug: 'if-kompassen',
    kind: 'ASSOCIATION',
    name: 'IF Kompassen',
    description:
      'IF Kompassen är en idrotts- och ungdomsförening i Karlskoga och Degerfors med fotboll, innebandy och öppen hall för barn och unga. Utöver träningarna har vi läxhjälp, sommarlovsaktiviteter och vuxna som nattvandrar på helgerna. Alla barn ska kunna vara med, oavsett familjens ekonomi.',
    email: 'kansliet@if-kompassen.example',
    phone: '0586-199 10',
    website: 'https://if-kompassen.example',
    orgNumber: '802406-3383',
    translations: {
      en: {
        name: 'IF Kompassen Sports and Youth Club',
        description:
          'IF Kompassen is a sports and youth club in Karlskoga and Degerfors with football, floorball and open gym evenings for children and young people. Besides training we offer homework help, summer holiday activities and adults who walk the streets at weekend nights. Every child should be able to take part, whatever the family’s finances.',
      },
    },
  },
  {
    slug: 'region-orebro-lan',
    kind: 'REGION',
    name: 'Region Örebro län',
    description:
      'Region Örebro län ansvarar för hälso- och sjukvården i länet, bland annat vårdcentraler, ungdomsmottagningar och psykiatri. Regionen är part i nätverket LISA genom närsjukvården i västra länsdelen och är med och sammankallar nätverket. I synergiverkstaden svarar regionens representanter på ärenden som rör vården.',
    email: 'lisa@regionorebrolan.example',
    phone: '0586-660 40',
    website: 'https://regionorebrolan.example',
    translations: {
      en: {
        name: 'Region Örebro County',
        description:
          'Region Örebro County is responsible for health care in the county, including health centres, youth clinics and psychiatry. The region takes part in the LISA network through local health care in the western part of the county and co-convenes the network. In the synergy workshop, the region’s representatives answer issues concerning health care.',
      },
    },
  },
  {
    slug: 'karlskoga-kommun',
    kind: 'MUNICIPALITY',
    name: 'Karlskoga kommun',
    municipality: '1883',
    description:
      'Karlskoga kommun ansvarar bland annat för socialtjänst, skola, äldreomsorg och budget- och skuldrådgivning för kommunens invånare. Kommunen deltar i nätverket LISA och skickar representanter till synergiverkstaden. Frågor om föreningsstöd och samverkan med civilsamhället tas emot av medborgarservice.',
    email: 'medborgarservice@karlskoga-kommun.example',
    phone: '0586-618 00',
    website: 'https://karlskoga-kommun.example',
    translations: {
      en: {
        name: 'Karlskoga Municipality',
        description:
          'Karlskoga Municipality is responsible for social services, schools, elderly care and budget and debt advice for its residents, among other things. The municipality takes part in the LISA network and sends representatives to the synergy workshop. Questions about support for associations and cooperation with civil society go to the citizen service office.',
      },
    },
  },
  {
    slug: 'degerfors-kommun',
    kind: 'MUNICIPALITY',
    name: 'Degerfors kommun',
    municipality: '1862',
    description:
      'Degerfors kommun ansvarar bland annat för socialtjänst, skola, familjecentral och arbetsmarknadsinsatser för kommunens invånare. Kommunen deltar i nätverket LISA och i synergiverkstaden. Många av nätverkets föreningar har verksamhet i båda kommunerna.',
    email: 'kommun@degerfors-kommun.example',
    phone: '0586-45 20 00',
    website: 'https://degerfors-kommun.example',
    translations: {
      en: {
        name: 'Degerfors Municipality',
        description:
          'Degerfors Municipality is responsible for social services, schools, the family centre and employment support for its residents, among other things. The municipality takes part in the LISA network and the synergy workshop. Many of the network’s associations work in both municipalities.',
      },
    },
  },
];
