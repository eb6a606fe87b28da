import type { BuiltinTemplate, Localized } from '../template';
import type { AreaColor } from '../../model/focusArea';

/*
 * Seed 003, the interim report "Sammanställt framtidsläge, Lokal Kunskapsstyrning i Uppsala län".
 * Word for word from the seed (Swedish, modulo line breaks): every area title (the report's
 * headings), every area description (the theme's proposal from "Sammanfattning framtidsläge"), every
 * reference note and the instruction of the opening step. Template title, summary, step titles and
 * the other instructions are ours.
 *
 * Each theme's notes follow the report: the findings, the respondents' quotes, then the assignment
 * leads' comments, split at sentence boundaries so that a note stays short. The report's spelling is
 * kept ("utmanade", the asterisks around a project name); quotes drop only the
 * full stop after their closing quote mark.
 */

type Area = BuiltinTemplate['areas'][number];

function theme(
  code: string,
  color: AreaColor,
  title: Localized,
  description: Localized,
  reference: Localized[],
): Area {
  return { code, title, description, color, kind: 'theme', reference };
}

const areas: Area[] = [
  theme(
    'T1',
    'blue',
    {
      sv: 'Ett länsgemensamt system för den lokala kunskapsstyrningen',
      en: 'A county-wide system for local knowledge-based management',
    },
    {
      sv: 'En integrering av LSK i kärnverksamheternas linjeorganisation behöver genomföras i syfte att reducera upplevelsen av att verka i parallella komplexa system samt för att tydliggöra implementeringsarbetet, effekt och resultat.',
      en: 'LSK needs to be integrated into the line organisation of the core services, to reduce the sense of working in parallel complex systems and to clarify implementation, effect and results.',
    },
    [
      {
        sv: 'Intervjuade respondenter lyfter fram möjligheten till samarbete mellan huvudmännen som något som sker till förmån för invånarna. Det är en positiv effekt till följd av att Uppsala län valt att införa den lokala kunskapsstyrningen (LSK) länsgemensamt.',
        en: "Interviewed respondents highlight the opportunity for cooperation between the principals as something that benefits residents. It is a positive effect of Uppsala County's choice to introduce local knowledge-based management (LSK) county-wide.",
      },
      {
        sv: 'Det länsgemensamma arbetet upplevs dock som utmanade och bidrar till en känsla av ökad komplexitet. Otydlighet uppstår kring kärnverksamhetens linjestruktur i förhållande till samverkansstrukturen och den nationella kunskapsstyrningsstrukturen.',
        en: "The county-wide work is, however, experienced as challenging and adds to a sense of increased complexity. Unclarity arises around the core services' line structure in relation to the collaboration structure and the national structure for knowledge-based management.",
      },
      {
        sv: 'Ovanstående, beskrivs av intervjuade respondenter som en stor utmaning. Frågor som lyfts fram är: Vem beslutar över vad? Vem har egentligen ansvaret? Vad innebär det för mig i min roll som kliniker? I vilket system verkar jag?',
        en: 'Interviewed respondents describe the above as a major challenge. Questions raised are: Who decides what? Who is actually responsible? What does it mean for me in my role as a clinician? Which system am I working in?',
      },
      {
        sv: 'Exempel som lyfts fram är att det finns grupperingar som arbetar med samma frågor men där initiativen kommer från kärnverksamheten eller från en samverkanskontext, vilket förstärker upplevelsen av utebliven samordning.',
        en: 'One example raised is that there are groups working on the same issues, with initiatives coming either from the core services or from a collaboration context, which reinforces the sense of missing coordination.',
      },
      {
        sv: 'Förslag som kommer från respondenterna är möjligheten att integrera det lokala systemet för kunskapsstyrning i kärnverksamheterna.',
        en: 'A proposal from the respondents is the possibility of integrating the local system for knowledge-based management into the core services.',
      },
      {
        sv: '”Kunskapsstyrning tillhör kärnuppdraget, det är inget extra. Men det viktigaste!”',
        en: '“Knowledge-based management belongs to the core mission, it is nothing extra. But it is the most important thing!”',
      },
      {
        sv: '”Verksamhetsstyrning och kunskapsstyrning bör hänga ihop”',
        en: '“Operational management and knowledge-based management should go together”',
      },
      {
        sv: '”Tydliga och sammankopplade uppdragsbeskrivningar som sker i dialog med verksamheterna, det tror jag skulle funka”',
        en: '“Clear and connected remits, drawn up in dialogue with the services – I think that would work”',
      },
      {
        sv: 'Uppdragsledarna föreslår en integrering av LSK i kärnverksamheternas linjeorganisation för att reducera upplevelsen av att verka i parallella komplexa system.',
        en: 'The assignment leads propose integrating LSK into the line organisation of the core services, to reduce the sense of working in parallel complex systems.',
      },
      {
        sv: 'Genom att representanter med styr- och ledningsansvar för kvalitetsarbete, ekonomi och resurser involveras i den länsgemensamma styrgruppen kopplas kärnverksamheten, samverkan och kunskapsstyrningen samman.',
        en: 'By involving representatives with management responsibility for quality work, finances and resources in the county-wide steering group, the core services, collaboration and knowledge-based management are linked together.',
      },
      {
        sv: 'En styrka blir att chefer på övergripande operativ nivå med ansvar för kvalitetsarbete, uppföljning och ekonomi, även görs ansvariga för kunskapsstyrningen. De förfogar över resurser och resultat och kan göra de prioriteringar som krävs.',
        en: 'One strength is that managers at the overall operational level who are responsible for quality work, follow-up and finances are also made responsible for knowledge-based management. They control resources and results and can make the priorities that are needed.',
      },
      {
        sv: 'Vidare ansvarar den övergripande operativa nivån även för resurstillsättning och implementering i verksamheten. Verksamheterna är också mottagare av effekterna av en välfungerande kunskaps-spridning.',
        en: 'The overall operational level is also responsible for allocating resources and for implementation in the services. The services are also the ones who receive the effects of well-functioning knowledge dissemination.',
      },
      {
        sv: 'Betraktar vi subsidiaritetsprincipen, som bygger på att beslut ska tas på lägsta effektiva nivå närmast invånarna, så flyttas kunskapsstyrningsarbetet till linjeverksamheten, där det gör mest nytta.',
        en: 'If we consider the subsidiarity principle – that decisions should be taken at the lowest effective level, closest to residents – knowledge-based management moves to the line organisation, where it does the most good.',
      },
    ],
  ),
  theme(
    'T2',
    'light-blue',
    {
      sv: 'Länsgemensamt syfte, målbild och effekter',
      en: 'County-wide purpose, target picture and effects',
    },
    {
      sv: 'Ett prioriterat arbete bör påbörjas inom kort med fokus på kommunikation av syfte, målbilder och effekter av det länsgemensamma arbetet med kunskapsstyrning. Syftet är att stärka förtroendet och kunskapsstyrningsarbetets rykte i Uppsala län. Arbete bör ske tillsammans med Kommunikationsavdelningen.',
      en: 'Prioritised work should start shortly, focused on communicating the purpose, target pictures and effects of the county-wide work on knowledge-based management. The aim is to strengthen trust in, and the reputation of, knowledge-based management in Uppsala County. The work should be done together with the Communications Department.',
    },
    [
      {
        sv: 'Den samlade uppfattningen hos intervjuade respondenter är att det finns behov av ett arbete kring vad syfte, målbild och effekter av ett länsgemensamt arbete innebär kopplat till kunskapsstyrning.',
        en: 'The overall view among interviewed respondents is that work is needed on what the purpose, target picture and effects of county-wide work on knowledge-based management mean.',
      },
      {
        sv: 'Respondenter inom LSK beskriver att ett mål är att kunna förmedla att arbetet inom kunskapsstyrningen tillhör kärnuppdraget för varje verksamhet och förvaltning.',
        en: 'Respondents within LSK describe one goal as being able to convey that knowledge-based management belongs to the core mission of every service and administration.',
      },
      {
        sv: 'Ett krav är då att budskapen rörande det gemensamma arbetet är sammanhållet, lättbegripligt och innefattar en tydlig vinst för verksamheter och förvaltningar.',
        en: 'This requires the messages about the joint work to be coherent and easy to understand, and to include a clear gain for services and administrations.',
      },
      {
        sv: 'Då arbetet med LSK pågått ett antal år så uttrycker respondenterna att syfte, målbild och effekter är ett prioriterat nästa steg för att bibehålla och öka förtroendet för systemet.',
        en: 'As the work on LSK has been going on for a number of years, respondents say that purpose, target picture and effects are a prioritised next step to maintain and increase trust in the system.',
      },
      {
        sv: 'En målgrupp som lyfts fram som extra viktig är chefer och ledare inom verksamheterna och förvaltningarna, då denna grupp anses vara nyckel för en framtidsförflyttning.',
        en: 'One target group highlighted as especially important is managers and leaders in the services and administrations, as this group is seen as key to moving towards the future state.',
      },
      {
        sv: '"Kunskapsstyrning har dåligt rykte, man har 1-2 år på sig att visa att arbetet gör skillnad"',
        en: '"Knowledge-based management has a bad reputation; you have 1–2 years to show that the work makes a difference"',
      },
      {
        sv: '"Vikten av kontinuerlig marknadsföring och kommunikation. Idag finns det ett bristande ambassadörskap, snarare en viss tveksamhet"',
        en: '"The importance of continuous marketing and communication. Today there is a lack of ambassadorship, rather a certain hesitancy"',
      },
      {
        sv: '"Förenklad information, ett användbart paraplybegrepp som är dragande"',
        en: '"Simplified information, a useful umbrella term that draws people in"',
      },
      {
        sv: 'Syfte, målbild och förväntade effekter behöver förtydligas och arbetsformer för ett framtidsläge behöver beslutas utifrån beskrivna förslag.',
        en: 'Purpose, target picture and expected effects need to be clarified, and ways of working for a future state need to be decided on the basis of the proposals described.',
      },
      {
        sv: 'En initial kontakt har tagits av uppdragsledare och ordförande för den länsgemensamma styrgruppen med kommunikationsavdelningen på Region Uppsalas ledningskontor. Syftet har varit att etablera kontakt inför kommande arbete med syfte och målbild kring LSK.',
        en: "The assignment leads and the chair of the county-wide steering group have made initial contact with the communications department at Region Uppsala's executive office. The aim was to establish contact ahead of the coming work on the purpose and target picture of LSK.",
      },
      {
        sv: 'Det kommunikativa arbetet behöver innehålla två viktiga perspektiv, dels det interna, inre arbetet om hur ett framtidsläge kan se ut, dels det mer externa huvudbudskapet till chefer och medarbetare om fortsatt utvecklingsarbete.',
        en: 'The communication work needs two important perspectives: the internal work on what a future state could look like, and the more external main message to managers and staff about continued development work.',
      },
      {
        sv: 'Ett medskick är att ha koll på det kommunikationsmaterial som är under framtagande för projektet *"Ett regionsövergripande kvalitetsledningssystem för hälso-, sjukvård och tandvård"*.',
        en: 'One piece of advice is to keep track of the communication material being developed for the project "A region-wide quality management system for health care, medical care and dental care".',
      },
      {
        sv: 'Några av de framtagna budskapsbilderna skulle kanske kunna passa även för det kommunikationsmaterial som rör LSK, speciellt med tanke på att vikten av att ett utvecklat kvalitetsarbete är ett bärande budskap i det regionsövergripande kvalitetsledningssystemet.',
        en: 'Some of the key messages developed there might also suit the communication material on LSK, especially since the importance of developed quality work is a central message of the region-wide quality management system.',
      },
      {
        sv: 'Ett annat syfte är att undvika parallella styr signaler och kommunikationsbudskap som skickas ut till verksamheterna. Det är positivt om vi förmår koordinera kommunikationen så upplevelsen av information i olika stuprör förebyggs.',
        en: 'Another aim is to avoid parallel steering signals and communication messages being sent out to the services. It is good if we manage to coordinate communication so that information is not experienced as coming from separate silos.',
      },
    ],
  ),
  theme(
    'T3',
    'green',
    {
      sv: 'Strukturer för att styra, stödja och utveckla systemet',
      en: 'Structures to govern, support and develop the system',
    },
    {
      sv: 'Representanter från kärnverksamheten med styr- och ledningsansvar för kvalitetsarbete, ekonomi och resurser behöver involveras i den länsgemensamma styrgruppen. I detta arbete bör begreppet kunskapsstyrning ses över.',
      en: 'Representatives of the core services with management responsibility for quality work, finances and resources need to be involved in the county-wide steering group. In this work the term "kunskapsstyrning" (knowledge-based management) should be reviewed.',
    },
    [
      {
        sv: 'Respondenterna har uttryckt att det saknas en naturlig koppling mellan den egna kärnverksamhetens styr-, stöd och uppföljningsstrukturer och det lokala systemet för kunskapsstyrning.',
        en: "Respondents have said that there is no natural link between their own core service's structures for governance, support and follow-up and the local system for knowledge-based management.",
      },
      {
        sv: 'Arbetet med kunskapsstyrning upplevs bedrivas vid sidan av övrigt kvalitets- och utvecklingsarbete i linjen, och upplevs då som ineffektivt.',
        en: 'Knowledge-based management is seen as being carried out alongside other quality and development work in the line organisation, and is then seen as inefficient.',
      },
      {
        sv: 'Många respondenter pekar på vikten av att de olika systemen korrelerar, och att det är ett viktigt arbete att se till att flödena är genomtänka så att systemet samverkar optimalt.',
        en: 'Many respondents point to the importance of the different systems being aligned, and to the importance of making sure the flows are well thought out so that the system works together optimally.',
      },
      {
        sv: 'En brist som lyfts fram är att de privata vårdgivarna inte är delaktiga i utvecklingsarbetet inom kunskapsstyrningssystemet och att detta behöver förbättras.',
        en: 'One shortcoming raised is that private care providers do not take part in the development work within the knowledge-based management system, and that this needs to improve.',
      },
      {
        sv: 'Respondenter från privata vårdgivare har lyft att de inte förmår avsätta tid för att delta i det gemensamma arbetet, samtidigt som de helt självklart arbetar med kontinuerlig kvalitetsutveckling i den egna verksamheten.',
        en: 'Respondents from private care providers have said that they cannot set aside time to take part in the joint work, while of course working on continuous quality improvement in their own services.',
      },
      {
        sv: 'Kunskapsstyrningssystemet betraktas av många som en väsentlig del av verksamheternas kvalitetsarbete. Utvecklingen går snabbt och det är viktigt att medarbetare enkelt vet var man söker information.',
        en: "Many regard the knowledge-based management system as an essential part of the services' quality work. Things move fast, and it is important that staff easily know where to look for information.",
      },
      {
        sv: 'Man behöver inte veta precis hur allting hänger samman bara att det är en integrerad del av det ordinarie arbetet.',
        en: 'You do not need to know exactly how everything fits together, only that it is an integrated part of everyday work.',
      },
      {
        sv: '”Ta bort alla lager som mer eller mindre gör samma sak”',
        en: '“Remove all the layers that more or less do the same thing”',
      },
      {
        sv: '”Saknas en helhetsstruktur i Uppsala, vi är inte ETT. Ledningens ansvar för att ta oss dit”',
        en: "“An overall structure is missing in Uppsala, we are not ONE. It is management's responsibility to get us there”",
      },
      {
        sv: '”Hur kan vi ha en så hög lägsta nivå som möjligt? Vi behöver använda alla resurser så klokt som möjligt”',
        en: '“How can we have as high a minimum level as possible? We need to use all resources as wisely as possible”',
      },
      {
        sv: 'Region och kommuner har egna strukturer för att styra, stödja och kontinuerligt utveckla sitt respektive system.',
        en: 'The region and the municipalities have their own structures to govern, support and continuously develop their respective systems.',
      },
      {
        sv: 'För att överbygga upplevelsen av att samverkansstrukturen inte hänger samman med respektive kärnverksamhet, är vårt förslag att fokusera på bemanningen i styrgruppen.',
        en: 'To bridge the sense that the collaboration structure is not connected to each core service, our proposal is to focus on who sits on the steering group.',
      },
      {
        sv: 'Om representanter för respektive kärnverksamheter också finns som beslutsfattare i den länsgemensamma styrgruppen tror vi medarbetare i respektive kärnverksamhet i högre utsträckning, känner att systemen hänger ihop.',
        en: 'If representatives of each core service also sit as decision-makers in the county-wide steering group, we believe staff in each core service will to a greater extent feel that the systems fit together.',
      },
      {
        sv: 'Om LSK kan effektiviseras och integreras i kärnverksamheterna kvalitetsarbete så länet upplevs driva ett kvalitetsarbete i framkant, tror vi de privata vårdgivarna blir intresserade och är villiga att delta utifrån nya premisser.',
        en: "If LSK can be made more efficient and integrated into the core services' quality work so that the county is seen to lead in quality work, we believe private care providers will become interested and willing to take part on new terms.",
      },
      {
        sv: 'Utvecklingen av 1177 kommer att göra det möjligt att publicera regionala tillägg direkt på 1177, därmed kommer 1177 att utgöra den huvudsakliga sajten att vända sig till rörande kunskapsstöd.',
        en: 'The development of 1177 will make it possible to publish regional additions directly on 1177, so 1177 will be the main site to turn to for knowledge support.',
      },
    ],
  ),
  theme(
    'T4',
    'light-green',
    { sv: 'Styrgruppens roll – Beslutsgrupp', en: "The steering group's role – decision group" },
    {
      sv: 'Styrgruppens uppdrag behöver ses över och renodlas i syfte att ha fokus på horisontella prioriteringar, kvalitetsfrågor och koppling till digitalisering och AI. Förslaget innebär att en beslutsgrupp tillsätts.',
      en: "The steering group's remit needs to be reviewed and narrowed to focus on horizontal priorities, quality issues and the link to digitalisation and AI. The proposal means that a decision group is appointed.",
    },
    [
      {
        sv: 'En efterfrågan finns på att styrgruppen ska ta ett större helhetsansvar och arbeta aktivt med prioriteringar i ett kommande framtidsläge.',
        en: 'There is a demand for the steering group to take greater overall responsibility and to work actively on priorities in a coming future state.',
      },
      {
        sv: 'Prioriteringar förväntas basera sig på analys av behov och datadrivna underlag och vara transparent gentemot befintliga arbetsgrupper inom LSK. En modell för horisontella prioriteringar efterfrågas av respondenterna.',
        en: 'Priorities are expected to be based on needs analysis and data-driven evidence and to be transparent towards existing working groups within LSK. Respondents ask for a model for horizontal prioritisation.',
      },
      {
        sv: 'Vidare beskrivs förväntningar på att styrgruppen ska ta ett ägandeskap i kvalitetsfrågor. I förväntningen ingår förmågan att förstå kvalitetsutveckling, kopplingen mellan förbättringsarbete till patient- och brukarnyttan samt kopplingen till ekonomi.',
        en: 'Respondents also expect the steering group to take ownership of quality issues. This includes the ability to understand quality development, the link between improvement work and benefit to patients and service users, and the link to finances.',
      },
      {
        sv: 'Respondenterna efterfrågar också flexibilitet och utvecklingsförmåga när det kommer till behov av inrättandet av nya roller, de kompetenser och förmågor som efterfrågas i olika arbeten samt att kopplingen till digitalisering och AI blir tydligare i framtiden.',
        en: 'Respondents also ask for flexibility and capacity to develop when new roles are needed and when pieces of work call for new skills and abilities, and for the link to digitalisation and AI to become clearer in future.',
      },
      {
        sv: '”Många parallellarbeten som pågår, det är vansinnigt! Det är så viktigt att samla frågorna”',
        en: "“So much parallel work going on, it's insane! It is so important to bring the issues together”",
      },
      {
        sv: '”Vi behöver jobba mer systematiskt på systemnivå med kvalitetsarbeten och kunskapsstöd som en delmängd”',
        en: '“We need to work more systematically at system level, with quality work and knowledge support as a subset”',
      },
      {
        sv: '”Nya roller, kompetenser och förmågor krävs, kopplat till digitalisering och AI. Tekniker och digitaliseringsstrategier behövs”',
        en: '“New roles, skills and abilities are needed, linked to digitalisation and AI. Technicians and digitalisation strategies are needed”',
      },
      {
        sv: 'Den länsgemensamma styrgruppens uppdrag och upplägg ger inte den effekt och det stöd som det lokala systemet för kunskapsstyrning efterfrågar.',
        en: 'The remit and set-up of the county-wide steering group do not give the effect and support that the local system for knowledge-based management asks for.',
      },
      {
        sv: 'Uppdragsbeskrivningen för den länsgemensamma styrgruppen har inte uppdaterats sedan år 2021.',
        en: 'The remit of the county-wide steering group has not been updated since 2021.',
      },
      {
        sv: 'Uppdragsledarna ser behov av att det tillsätts en annan form av styrgrupp, en beslutsgrupp, vars uppgifter bör vara mer renodlade än vad den länsgemensamma styrgruppens uppdrag och upplägg är idag.',
        en: "The assignment leads see a need for a different kind of steering group, a decision group, whose tasks should be more focused than the county-wide steering group's remit and set-up are today.",
      },
      {
        sv: 'Beslutsgruppens inriktning föreslås innehålla en tydlig strategi för hur effekter och valda insatser ska utvärderas och återkopplas till verksamheterna och förvaltningarna samt med en förmåga att fokusera på helhetsperspektivet och prioriteringar i det gemensamma, fortsatta arbetet.',
        en: "The decision group's direction is proposed to include a clear strategy for how effects and chosen efforts are evaluated and fed back to the services and administrations, and an ability to focus on the overall perspective and on priorities in the continued joint work.",
      },
      {
        sv: 'Beslutsgruppen bör också ha förmåga och kunskap rörande hälso- och sjukvårdssystemet utifrån ett systemperspektiv. Syftet är att främja ett systemtänkande snarare än ett organisationsfokus, som idag upplevs dominera och hålla tillbaka delar av arbetet inom Uppsala län.',
        en: 'The decision group should also have the ability and knowledge to see the health care system from a systems perspective. The aim is to promote systems thinking rather than an organisational focus, which today is felt to dominate and hold back parts of the work in Uppsala County.',
      },
    ],
  ),
  theme(
    'T5',
    'yellow',
    {
      sv: 'Kansliets roll – Lednings- och kvalitetsstöd',
      en: "The secretariat's role – management and quality support",
    },
    {
      sv: 'Nuvarande kanslifunktion avvecklas till förmån för en lednings- och kvalitetsstödsfunktion för att bistå med kvalificerat beredningsarbete.',
      en: 'The current secretariat is wound up in favour of a management and quality support function that provides qualified preparatory work.',
    },
    [
      {
        sv: 'En effektiv stödfunktion i det lokala systemet för kunskapsstyrning saknas idag i Uppsala län.',
        en: 'Uppsala County currently lacks an effective support function in the local system for knowledge-based management.',
      },
      {
        sv: 'Tydlig feedback har framkommit under genomförda intervjuer med respondenter och man upplever inte att kansliet levererar enligt framtagen uppdragsbeskrivning.',
        en: 'Clear feedback emerged in the interviews: respondents do not feel that the secretariat delivers according to its remit.',
      },
      {
        sv: 'Ett stort behov är ökad tillgänglighet och service i administrativa frågor.',
        en: 'A major need is greater availability and service on administrative matters.',
      },
      {
        sv: 'Idag bedrivs det administrativa stödet primärt till den länsgemensamma styrgruppen och lite administrativt stöd ges till aktiva grupperingar, vilket resulterar i långa ledtider, utebliven återkoppling och låg spridning av resultat.',
        en: 'Today administrative support goes mainly to the county-wide steering group and little goes to active groups, which results in long lead times, missing feedback and little dissemination of results.',
      },
      {
        sv: 'En framgångsfaktor som respondenterna lyfter är vikten av gemensamt lärande och kansliets roll i att främja ett lärande inom ramen för LSK.',
        en: "A success factor respondents raise is the importance of shared learning and the secretariat's role in promoting learning within LSK.",
      },
      {
        sv: 'Förväntan som uttrycks är att kansliet ska stödja utvecklingsarbetet och bidra med kompetens i förbättringsledning för spridning inom LSK. Många respondenter upplever att detta har uteblivit.',
        en: 'The expectation is that the secretariat should support development work and contribute expertise in improvement leadership for dissemination within LSK. Many respondents feel this has not happened.',
      },
      {
        sv: '”Saknas en medveten och vass stödfunktion med förståelse för representanterna, i systemets verklighet”',
        en: '“There is no deliberate, sharp support function that understands the representatives, in the reality of the system”',
      },
      {
        sv: '”Öka transparens och insyn. Inga slutna informationsforum! Kansliet behöver vara utformat för att hålla ihop, underlätta och vara ett forum som gör det lätt att hitta rätt”',
        en: '“Increase transparency and insight. No closed information forums! The secretariat needs to be designed to hold things together, make things easier and be a forum where it is easy to find your way”',
      },
      {
        sv: '”Alla fynd om effektivitetsutveckling behöver kanaliseras vidare. Mer stöd i och efter en GAP-analys för att få kraft i förändring, utvecklingsarbetet. Viktigt att de inte känner sig ensamma, dvs ordföranden och processledare för att kanalisera arbete vidare”',
        en: '“All findings on efficiency need to be passed on. More support during and after a GAP analysis to give force to change, to the development work. Important that they do not feel alone, i.e. the chairs and process leaders, in passing work on”',
      },
      {
        sv: 'Utifrån de tankar och förslag som inkommit från respondenterna har det blivit allt tydligare för uppdragsledarna att det behövs ett gediget beredningsarbete för att beslut ska kunna fattas i högt tempo.',
        en: 'From the thoughts and proposals received from respondents, it has become increasingly clear to the assignment leads that thorough preparatory work is needed for decisions to be taken at a high pace.',
      },
      {
        sv: 'Ett högt tempo krävs för att inte hindra grupperingarnas förbättringsarbeten och dessutom behöver effekterna synliggöras löpande.',
        en: "A high pace is needed so as not to hold back the groups' improvement work, and the effects also need to be made visible continuously.",
      },
      {
        sv: 'Iakttagelserna har resulterat i förslaget att kansliet som stödfunktion bör avvecklas och en lednings- och kvalitetsstöds funktion bör inrättas i stället.',
        en: 'These observations have led to the proposal that the secretariat as a support function should be wound up and a management and quality support function set up instead.',
      },
      {
        sv: 'Delar av de arbetsuppgifter som det idag finns förväntningar på att den länsgemensamma styrgruppen ska göra, bör i stället beredas i en lednings- och kvalitetsstödsfunktion.',
        en: 'Some of the tasks the county-wide steering group is expected to do today should instead be prepared in a management and quality support function.',
      },
      {
        sv: 'Förslaget innebär att lednings- och kvalitetsstödet inkluderar flera olika stödfunktioner, så som information och kommunikation, kunskapsstöd, stöd i förbättringsledning, underlag för beslut och prioriteringar, utbildning samt uppföljning och analys.',
        en: 'Under the proposal, management and quality support includes several support functions, such as information and communication, knowledge support, support in improvement leadership, material for decisions and priorities, training, and follow-up and analysis.',
      },
      {
        sv: 'Stödet ska bereda underlag för beslutsgruppen men dessutom utgöra ett starkt stöd till de aktiva grupperingarna. En aktivt och bred stödfunktion ses som ett viktigt nav för att sprida information och fortlöpande stödja och genomföra förbättringar.',
        en: 'The support is to prepare material for the decision group but also to be strong support for the active groups. An active and broad support function is seen as an important hub for spreading information and for continuously supporting and carrying out improvements.',
      },
      {
        sv: 'Förslaget innebär att lednings- och kvalitetsstödet behöver resursättas på ett annat sätt än idag.',
        en: 'The proposal means that management and quality support needs to be resourced differently from today.',
      },
    ],
  ),
  theme(
    'T6',
    'orange',
    { sv: 'Kunskapsnoder i verksamheten', en: 'Knowledge nodes in the services' },
    {
      sv: 'Kunskapsnoder etableras i verksamheterna med breda uppdrag kopplat till kvalitetsutveckling. Syftet är att fånga in uppdrag och minska antal parallellarbeten som pågår samtidigt samt att kunskapsnoderna har förmågor och resurser som ska kunna nå flera i Uppsala län.',
      en: 'Knowledge nodes are set up in the services with broad remits linked to quality development. The aim is to gather assignments and reduce the number of parallel pieces of work, and for the knowledge nodes to have the abilities and resources to reach more people in Uppsala County.',
    },
    [
      {
        sv: 'Det lokala systemet för kunskapsstyrning speglar organisationsstrukturen enligt den nationella modellen rakt av.',
        en: 'The local system for knowledge-based management mirrors the organisational structure of the national model exactly.',
      },
      {
        sv: 'Respondenter i grupper som har insyn i systemet på nationell eller sjukvårdsregional nivå ger uttryck för att de förstår hur det nationella systemet är uttänkt.',
        en: 'Respondents in groups with insight into the system at national or healthcare-region level say that they understand how the national system is designed.',
      },
      {
        sv: 'Andra respondenter i grupper ser främst det lokala systemet och förstår inte hur ärenden, dialog och feedback ska flöda.',
        en: 'Other respondents mainly see the local system and do not understand how matters, dialogue and feedback are supposed to flow.',
      },
      {
        sv: 'De respondenter som inte är involverade i kunskapsstyrningen har svårt att förstå vad syftet är, vad det fyller för funktion och upplever främst att det tar resurser.',
        en: 'Respondents who are not involved in knowledge-based management find it hard to understand its purpose and function, and mainly feel that it takes resources.',
      },
      {
        sv: 'Aktiva grupper inom LSK når inte ut till verksamheterna och kan inte erbjuda stöd och handläggning av uppdrag som är kopplat till deras expertområden. Parallella uppdrag skapas som tar resurser och tid från medarbetarna hos varje huvudman.',
        en: 'Active groups within LSK do not reach the services and cannot offer support and handling of assignments linked to their areas of expertise. Parallel assignments are created that take resources and time from staff at each principal.',
      },
      {
        sv: 'Resultatet blir en låg effekt av det lokala systemet för kunskapsstyrning, stöd från LSG grupper når inte ut till LPO och LAG. Det finns osäkerhet rörande befogenheter vilket gör att allt skickas uppåt, till styrgruppen och även till HSVO.',
        en: 'The result is a low effect of the local system for knowledge-based management; support from LSG groups does not reach LPO and LAG. There is uncertainty about mandates, which means everything is sent upwards, to the steering group and even to HSVO.',
      },
      {
        sv: '”Bra med struktur men det är för stort och resurskrävande”',
        en: '“Structure is good, but it is too big and resource-intensive”',
      },
      {
        sv: '”Hur ska förändringar implementeras när linjen inte är engagerad?”',
        en: '“How are changes to be implemented when the line organisation is not engaged?”',
      },
      {
        sv: '”Levnadsvanor, patientsäkerhet, läkemedel etc., säkerhetsställer att alla kvalitetsaspekter följer med. Frågor skickas på remiss och korsbefruktas. Då skulle jag bli involverad!”',
        en: '“Lifestyle habits, patient safety, medicines etc. – making sure all quality aspects are included. Questions are sent out for consultation and cross-fertilise. Then I would get involved!”',
      },
      {
        sv: 'I nuläget är kunskapsstyrningens grupperingar inte integrerade i kärnverksamheten utan existerar vid sidan av ordinarie verksamhet.',
        en: 'At present the groups of knowledge-based management are not integrated into the core services but exist alongside everyday operations.',
      },
      {
        sv: 'Det finns låg kännedom om grupperingarnas uppdrag, förmågor och att de finns att tillgå som expertnoder. Detta resulterar i att LSK inte använder sin fulla potential.',
        en: "There is little awareness of the groups' assignments and abilities, or that they are available as expert nodes. As a result LSK does not use its full potential.",
      },
      {
        sv: 'Ett förslag på framtidsläge är att skapa och utveckla kunskapsnoder. Kunskapsnoderna skulle då ha en bredare roll kopplat till kvalitet i sin helhet snarare än att begränsas till kunskapsstyrning.',
        en: 'One proposal for the future state is to create and develop knowledge nodes. The knowledge nodes would then have a broader role linked to quality as a whole rather than being limited to knowledge-based management.',
      },
      {
        sv: 'En tydlig process behöver tas fram för att beskriva hur arbetet mellan kunskapsnoder, linjen, lednings- och kvalitetsstöd samt beslutsgrupp skulle kunna se ut. Detta inkluderar även hur beslutsgruppen ska kunna förankra beslut inom sina respektive ledningsgrupper.',
        en: 'A clear process needs to be developed to describe how the work between knowledge nodes, the line organisation, management and quality support and the decision group could look. This also includes how the decision group is to anchor decisions in their respective management teams.',
      },
      {
        sv: 'Samtliga kunskapsnoder behöver kunna stämma av kvalitetsarbetet med tvärgående LSG grupperingar som arbetar med kunskapsdomäner så som till exempel patientsäkerhet, levnadsvanor och psykisk hälsa. LSG utgör därmed en inbyggd tvärgående kvalitetssäkringsfunktion.',
        en: 'All knowledge nodes need to be able to check their quality work with cross-cutting LSG groups working on knowledge domains such as patient safety, lifestyle habits and mental health. LSG thereby forms a built-in cross-cutting quality assurance function.',
      },
      {
        // The summary's second proposal for this theme; the first is the area's description.
        sv: 'En kvalitetssäkring byggs in genom att LSG-grupperingarna används horisontellt i samtliga kunskapsnoders arbete.',
        en: 'Quality assurance is built in by using the LSG groups horizontally in the work of all knowledge nodes.',
      },
    ],
  ),
  theme(
    'T7',
    'light-red',
    {
      sv: 'Kommunikation, information och administration',
      en: 'Communication, information and administration',
    },
    {
      sv: 'Ett arbete påbörjas för att skapa användarvänliga strukturer för information på samverkanswebben.',
      en: 'Work starts on creating user-friendly structures for information on the collaboration website.',
    },
    [
      {
        sv: 'I sammanställningen av nuläget lyfter respondenterna fram att information och kommunikation är områden som behöver utvecklas.',
        en: 'In the summary of the current state, respondents highlight information and communication as areas that need to be developed.',
      },
      {
        sv: 'Respondenterna trycker på att samverkanswebben är ett forum där information behöver samlas, vara lätt att hitta till och ge en bra helhetsöverblick.',
        en: 'Respondents stress that the collaboration website is a forum where information needs to be gathered, be easy to find and give a good overview.',
      },
      {
        sv: 'Trots återkommande inlämnade förbättringsförslag från olika grupperingar har en förbättrad informationsdelning inom LSK uteblivit. Ovanstående har resulterat i frustration och motverkat samverkan mellan olika grupperingar.',
        en: 'Despite repeated improvement proposals from various groups, better information sharing within LSK has not happened. This has caused frustration and worked against collaboration between groups.',
      },
      {
        sv: 'Respondenterna lyfter att de saknar information rörande planering och olika insatser från styrgrupp, process för beslutsvägar samt information till olika målgrupper som behöver synliggöras.',
        en: "Respondents say they lack information on the steering group's planning and efforts and on the process for decision paths, as well as information for different target groups, which needs to be made visible.",
      },
      {
        sv: 'Syftet med en samlad plats för information är att bidra till och reducera onödig administration för de aktiva grupperingarna, styrgruppen, stödfunktioner och samtidigt öka möjligheten till en gemensam översiktsbild.',
        en: 'The purpose of one place for information is to help reduce unnecessary administration for the active groups, the steering group and support functions, while making a shared overview more achievable.',
      },
      {
        sv: '”Kommunikation och transparens behöver finnas för meningsfullheten och minskar risken för dubbeljobb”',
        en: '“Communication and transparency are needed for the work to feel meaningful, and they reduce the risk of duplicated work”',
      },
      {
        sv: '”Försök att göra det enkelt, åtminstone pedagogiskt och användarvänligt!”',
        en: '“Try to make it simple, or at least clear and user-friendly!”',
      },
      {
        sv: '”Tydliggöra vad kommunikation är och vad det leder till”',
        en: '“Make clear what communication is and what it leads to”',
      },
      {
        sv: 'Ett aktivt arbete behöver påbörjas för att skapa strukturer för hur information ska delas på ett användarvänligt sätt på samverkanswebben och i befintliga teamskanaler.',
        en: 'Active work needs to start on creating structures for sharing information in a user-friendly way on the collaboration website and in existing Teams channels.',
      },
      {
        sv: 'Ett internt förslag behöver tas fram för att sedan förankras och utvecklas tillsammans med Kommunikationsavdelningen.',
        en: 'An internal proposal needs to be drawn up, then anchored and developed together with the Communications Department.',
      },
      {
        sv: 'Uppdragsledarna har i intervjuer uppfattat att det finns behov av att kunna ta del av så mycket information som möjligt direkt på samverkanswebben, det innefattar exempelvis verksamhetsplaner, minnesanteckningar från styrgrupp om fattade beslut, årsplanering från styrgrupp och resultat av genomförda kvalitetsarbeten.',
        en: "In the interviews the assignment leads have noted a need to access as much information as possible directly on the collaboration website, for example operational plans, steering group minutes on decisions taken, the steering group's annual plan and the results of completed quality work.",
      },
    ],
  ),
  theme(
    'T8',
    'violet',
    { sv: 'Ansvarsfördelning', en: 'Division of responsibilities' },
    {
      sv: 'Ansvar, befogenheter utvecklas parallellt med att rollbeskrivningar ses över och uppdateras.',
      en: 'Responsibilities and mandates are developed in parallel with reviewing and updating role descriptions.',
    },
    [
      {
        sv: 'Ansvarsfördelningen i det lokala systemet för kunskapsstyrning beskrivs som otydlig.',
        en: 'The division of responsibilities in the local system for knowledge-based management is described as unclear.',
      },
      {
        sv: 'När det kommer till ledning och styrning så finns det oklarheter runt var beslut och nästa steg sker för några av grupperingar. Fattas beslut på tjänsteledning HSVO eller i den läns-gemensamma styrgruppen?',
        en: 'When it comes to management and governance, for some groups it is unclear where decisions and next steps are taken. Are decisions made in the HSVO executive management or in the county-wide steering group?',
      },
      {
        sv: 'Det finns omfattande uppdragsbeskrivningar framtagna för lokala programområden och lokala samverkansgrupper, men beskrivningarna upplevs utmanade att följa och arbeta efter.',
        en: 'Extensive remits have been drawn up for local programme areas and local collaboration groups, but they are felt to be hard to follow and work by.',
      },
      {
        sv: 'En av orsakerna är att uppdragsbeskrivningarna för aktuella grupperingar inte speglar nuläget samt skickar dubbla budskap. Exempelvis startas grupperingar utan tillräcklig bemanning, vilket resulterar i begränsad förutsättning att leverera uppdraget.',
        en: 'One reason is that the remits of the groups concerned do not reflect the current state and send mixed messages. For example, groups are started without enough staff, which limits their ability to deliver.',
      },
      {
        sv: 'En annan aspekt som lyfts fram som ett problem är hur grupperingarnas arbete följs upp och utvärderas.',
        en: "Another aspect raised as a problem is how the groups' work is followed up and evaluated.",
      },
      {
        sv: 'Flera grupperingar inom LSK beskriver att den enda interaktionen som sker med styrgruppen är när gruppen presenterar sitt arbete, därefter uteblir feedback rörande leveransen.',
        en: 'Several groups within LSK describe their only interaction with the steering group as presenting their work, after which there is no feedback on what they delivered.',
      },
      {
        sv: '”Våga avsluta grupperingar som inte fungerar. Våga utvärdera det interna arbetet men också det vi levererar. Det behöver finnas en självutvärderingsfunktion”',
        en: "“Dare to close groups that don't work. Dare to evaluate the internal work but also what we deliver. There needs to be a self-evaluation function”",
      },
      {
        sv: '”Fokusera på nytta och värde, vilka effekter vill vi få ut? Vad ska det leda till och inte bara processen”',
        en: '“Focus on benefit and value – what effects do we want? What should it lead to, not just the process”',
      },
      {
        sv: '”Man utför men tänker och analyserar inte. Man tänker inte först utan rullar bara i gång”',
        en: "“People do things but don't think and analyse. They don't think first, they just get rolling”",
      },
      {
        sv: 'Det behöver tydliggöras för aktuella grupperingar inom LSK var beslutsmandat ligger. Detta för att främja en tydlig beslutskedja, undvika missförstånd eller att frågor hamnar på olika nivåer i samma system.',
        en: 'The groups concerned within LSK need to be told clearly where the mandate to decide lies. This is to promote a clear chain of decisions and avoid misunderstandings or issues ending up at different levels of the same system.',
      },
      {
        sv: 'Uppdragsbeskrivningarna inom LSK behöver revideras. Syftet med att revidera uppdragsbeskrivningar är att skapa bättre förutsättningar för grupperingarna att åstadkomma effekt och göra skillnad i sina uppdrag.',
        en: 'The remits within LSK need to be revised. The purpose is to give the groups better conditions to achieve effect and make a difference in their assignments.',
      },
      {
        sv: 'Uppdragsbeskrivningarna behöver tas fram med klarsynthet kring nuläge och de förutsättningar som finns, och inte utgå ifrån ett önskat framtidsläge.',
        en: 'The remits need to be drawn up with a clear view of the current state and the conditions that exist, not based on a desired future state.',
      },
    ],
  ),
  theme(
    'T9',
    'light-violet',
    {
      sv: 'Resultat och effekt av det lokala systemet för kunskapsstyrning',
      en: 'Results and effect of the local system for knowledge-based management',
    },
    {
      sv: 'Ansvaret för beredningsarbete föreslås flytta till stödfunktionen i systemet för att kunna stödja grupperingarna och ge styrgruppen möjlighet till att synliggöra resultat och effekt av det lokala arbetet med kunskapsstyrning.',
      en: 'Responsibility for preparatory work is proposed to move to the support function of the system, so that it can support the groups and enable the steering group to make visible the results and effect of the local work on knowledge-based management.',
    },
    [
      {
        sv: 'För att kunna sprida resultat och effekter av LSK är det viktigt att följa och utvärdera genomförda insatser. Leder förbättringsarbetet till ökad kvalitet för invånare i Uppsala län? Blev föreslagen förändring en förbättring? Kan förbättringen leda till kostnadseffektivitet?',
        en: 'To spread the results and effects of LSK, it is important to follow up and evaluate completed efforts. Does the improvement work lead to higher quality for residents of Uppsala County? Was the proposed change an improvement? Can the improvement lead to cost-effectiveness?',
      },
      {
        sv: 'Det finns stolthet hos många respondenter kopplat till att arbeta med kvalitetshöjande uppdrag. Samtidigt beskrivs en besvikelse över att det idag saknas uppföljningskrav från styrgruppen.',
        en: 'Many respondents take pride in working on assignments that raise quality. At the same time they describe disappointment that the steering group today sets no follow-up requirements.',
      },
      {
        sv: 'Upplevelsen är att modeller för uppföljning och utvärdering förväntas tas fram av grupperingar inom systemet. Respondenterna betonar att utvärderingsmodeller behöver styrgruppen och kansliet arbeta fram och ta ansvar för.',
        en: 'The experience is that groups within the system are expected to develop models for follow-up and evaluation. Respondents stress that the steering group and the secretariat need to develop evaluation models and take responsibility for them.',
      },
      {
        sv: 'En ansvarsförskjutning neråt i systemet har skett, vilket påverkar förmågan att synliggöra resultat och effekter av grupperingarnas arbete.',
        en: "Responsibility has shifted downwards in the system, which affects the ability to make the results and effects of the groups' work visible.",
      },
      {
        sv: '”Styrning är att ha koll och följa upp produktion, ekonomi och kvalitet. Avdramatisera kunskapsstyrning och prata om kunskapsspridning”',
        en: '“Governance means keeping track of and following up production, finances and quality. Take the drama out of knowledge-based management and talk about knowledge dissemination”',
      },
      {
        sv: '”Viktigt att hitta effektiva arbetssätt som ger effekt som vi kan följa över tid och analysera. Så att vi säkerhetsställer att det vi gör, verkligen gör skillnad”',
        en: '“Important to find effective ways of working with effects we can follow over time and analyse. So that we make sure that what we do really makes a difference”',
      },
      {
        sv: '”AI som stöd för att analysera vilka korskopplingar som finns, saknas”',
        en: '“AI as support for analysing which cross-links exist is missing”',
      },
      {
        sv: 'Det finns en stor utvecklingspotential och troligtvis mycket energi att hämta i att utveckla ett mycket starkare resultatfokus där utvärdering, förbättringsarbete och lärande ses som väsentligt, samt där hela länet är angeläget att ta del av de erfarenheter som görs.',
        en: 'There is great potential, and probably a lot of energy to be gained, in developing a much stronger focus on results, where evaluation, improvement work and learning are seen as essential and the whole county is keen to share the experience gained.',
      },
      {
        sv: 'Det skapar förutsättning för benchmarking mellan regioner som också kan utgöra en drivkraft i kvalitetsarbetet. Många drivs av att göra så kvalitativt och effektivt arbete som möjligt, med invånarens behov i fokus.',
        en: "That enables benchmarking between regions, which can also drive quality work. Many are driven by doing work of the highest possible quality and efficiency, with residents' needs in focus.",
      },
      {
        sv: 'Det respondenterna uttrycker att de saknar kompetens och stöd ifrån styrgruppen i hur arbete inom LSK ska påvisa effekter och resultat.',
        en: 'Respondents say they lack expertise and support from the steering group in how work within LSK is to demonstrate effects and results.',
      },
      {
        sv: 'Uppdragsledarnas förslag är att ett kvalificerat beredningsarbete behöver genomföras på en stödfunktionsnivå i systemet. Så att effekter och resultat kan synliggöras och ligga till grund för prioriterade beslut.',
        en: 'The assignment leads propose that qualified preparatory work be carried out at a support-function level in the system, so that effects and results can be made visible and form the basis for prioritised decisions.',
      },
    ],
  ),
];

const ALL = areas.map((area) => area.code);

export const framtidslage: BuiltinTemplate = {
  id: 'framtidslage',
  title: {
    sv: 'Framtidsläge – lokal kunskapsstyrning',
    en: 'Future state – local knowledge-based management',
  },
  summary: {
    sv: 'Styrgruppens workshop om ett föreslaget framtidsläge: nio teman med rapportens fynd och förslag. Deltagarna skriver medskick och prioriterar dem inför slutrapporten.',
    en: "The steering group's workshop on a proposed future state: nine themes with the report's findings and proposals. Participants add comments and prioritise them for the final report.",
  },
  source: '003_9ba1c15410bf158f.txt',
  columns: 3,
  areas,
  agenda: [
    {
      title: { sv: 'Genomgång av framtidsläget', en: 'The proposed future state' },
      instruction: {
        sv: 'Syftet med att redovisa förslag på framtidsläge för styrgruppen är att de ska ha möjlighet att ge medskick till uppdragsledarna inför slutrapport.',
        en: 'The proposed future state is presented to the steering group so that it can give the assignment leads its comments ahead of the final report.',
      },
      durationMinutes: 20,
      kind: 'present',
      areas: [...ALL],
    },
    {
      title: { sv: 'Medskick', en: 'Comments' },
      instruction: {
        sv: 'Läs fynden och förslagen under varje tema och skriv medskick: kommentarer, invändningar och tillägg. Ett medskick per lapp.',
        en: 'Read the findings and proposals under each theme and write your comments: remarks, objections and additions. One comment per note.',
      },
      durationMinutes: 25,
      kind: 'brainstorm',
      areas: [...ALL],
    },
    {
      title: { sv: 'Slå ihop lika medskick', en: 'Merge similar comments' },
      instruction: {
        sv: 'Lägg medskick som säger samma sak tillsammans, så att rösterna inte delas mellan dem.',
        en: 'Put comments that say the same thing together, so that votes are not split between them.',
      },
      durationMinutes: 10,
      kind: 'cluster',
      areas: [...ALL],
    },
    {
      title: { sv: 'Prioritera medskick', en: 'Prioritise comments' },
      instruction: {
        sv: 'Sätt dina prickar på de medskick som är viktigast att ta med i slutrapporten.',
        en: 'Put your dots on the comments that matter most to include in the final report.',
      },
      durationMinutes: 10,
      kind: 'vote',
      areas: [...ALL],
    },
    {
      title: { sv: 'De viktigaste medskicken', en: 'The most important comments' },
      instruction: {
        sv: 'Vi går igenom medskicken med flest röster, tema för tema.',
        en: 'We go through the comments with the most votes, theme by theme.',
      },
      durationMinutes: 20,
      kind: 'discuss',
      areas: [...ALL],
    },
  ],
};
