#include "prose_words.h"

#include <cstdio>

namespace gdprscan::corpus::words {

// Lists from the earlier Python generator (bench/gen_corpus.py, in git history), without the institutions, departments and sentences that
// name a health, social-case, union or religious word: those are planted with their truth.
const std::vector<std::string_view> first_names = {
    "Anne", "Kirsten", "Mette", "Hanne", "Helle", "Susanne", "Lene", "Marianne", "Camilla", "Louise",
    "Charlotte", "Pia", "Tina", "Maria", "Karen", "Bente", "Birgitte", "Inge", "Lone", "Jette", "Ida",
    "Emma", "Freja", "Sofie", "Laura", "Signe", "Line", "Malene", "Aase", "Ebba", "Gitte", "Dorthe",
    "Vibeke", "Rikke", "Trine", "Maja", "Clara", "Agnes", "Astrid", "Esther", "Ellen", "Ulla", "Peter",
    "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Jan", "Niels", "Morten", "Anders", "Rasmus",
    "Jesper", "Martin", "Mads", "Christian", "Kasper", "Frederik", "Jørgen", "Poul", "Ole", "Bjørn",
    "Torben", "Kåre", "Ove", "Erik", "Hans", "Knud", "Bo", "Mikkel", "Nikolaj", "Emil", "Oliver",
    "William", "Noah", "Malthe", "Asger", "Villads", "Aksel", "Claus", "Flemming", "Preben", "Ahmed",
    "Fatima", "Mohammad", "Ali", "Zeynep", "Agnieszka", "Tomasz", "Yasmin", "Omar", "Leila", "Ewa", "Piotr"};

const std::vector<std::string_view> last_names = {
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen",
    "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Lund", "Holm",
    "Schmidt", "Eriksen", "Kristiansen", "Simonsen", "Clausen", "Svendsen", "Andreasen", "Iversen",
    "Østergaard", "Jeppesen", "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Jespersen", "Mogensen", "Skov",
    "Søndergaard", "Bertelsen", "Nørgaard", "Dahl", "Kjærgaard", "Bækgaard", "Thygesen", "Højgaard", "Bøgh",
    "Krøyer", "Ærenlund", "Åberg", "Friis", "Brøndum", "Damgaard", "Lykke", "Bach", "Hussein", "Yilmaz",
    "Nowak", "Kowalski", "Khan", "Demir"};

const std::vector<std::string_view> streets = {
    "Vestergade", "Østergade", "Nørregade", "Søndergade", "Algade", "Jernbanegade", "Skolevej", "Kirkevej",
    "Engvej", "Møllevej", "Bøgevej", "Egevej", "Birkevej", "Ahornvej", "Lærkevej", "Rosenvænget",
    "Kastanie Allé", "Strandvejen", "Havnegade", "Torvet", "Skovvej", "Åboulevarden", "Grønnegade",
    "Kongensgade", "Ørstedsvej", "Fælledvej", "Nørrebrogade", "Amagerbrogade", "Frederiksberg Allé",
    "H.C. Andersens Boulevard", "Bispensgade", "Kærvej", "Præstøvej", "Sølvgade", "Fåborgvej", "Hørsholmvej",
    "Æblehaven", "Ågade", "Tværgade", "Mølleparken", "Slotsgade", "Bredgade", "Klostergade", "Vibevej",
    "Svanevej", "Solsikkevej", "Højvangen", "Gl. Kongevej", "Rådhusstræde", "Smedegade", "Bøgebakken"};

const std::vector<City> cities = {
    {"1050", "København K"}, {"2100", "København Ø"}, {"2200", "København N"}, {"2300", "København S"},
    {"2500", "Valby"},       {"2700", "Brønshøj"},    {"2720", "Vanløse"},     {"2000", "Frederiksberg"},
    {"2800", "Kongens Lyngby"}, {"2970", "Hørsholm"}, {"3000", "Helsingør"},   {"3400", "Hillerød"},
    {"4000", "Roskilde"},    {"4600", "Køge"},        {"4700", "Næstved"},     {"5000", "Odense C"},
    {"5700", "Svendborg"},   {"6000", "Kolding"},     {"6100", "Haderslev"},   {"6200", "Aabenraa"},
    {"6400", "Sønderborg"},  {"6700", "Esbjerg"},     {"7100", "Vejle"},       {"7400", "Herning"},
    {"7500", "Holstebro"},   {"8000", "Aarhus C"},    {"8200", "Aarhus N"},    {"8600", "Silkeborg"},
    {"8700", "Horsens"},     {"8800", "Viborg"},      {"8900", "Randers C"},   {"9000", "Aalborg"},
    {"9400", "Nørresundby"}, {"9800", "Hjørring"},    {"9900", "Frederikshavn"}, {"3700", "Rønne"},
    {"4800", "Nykøbing F"},  {"6950", "Ringkøbing"},  {"7800", "Skive"},       {"4200", "Slagelse"}};

const std::vector<std::string_view> departments = {
    "Borgerservice", "Jobcenter", "Familieafdelingen", "Ældre og Omsorg", "Myndighedsafdelingen",
    "Visitationen", "Børn og Unge", "Skoleafdelingen", "Teknik og Miljø", "Byggesagsafdelingen",
    "Økonomiafdelingen", "HR og Løn", "Ydelsescentret", "Integrationsafdelingen", "Hjemmeplejen",
    "Tandplejen", "Kultur og Fritid", "Digitalisering og IT"};

const std::vector<std::string_view> benefits = {
    "uddannelseshjælp", "førtidspension", "fleksjob", "ressourceforløb", "jobafklaringsforløb", "boligstøtte",
    "enkeltydelse", "hjemmehjælp", "praktisk hjælp", "personlig pleje", "madservice", "hjælpemidler",
    "boligindretning", "dækning af merudgifter", "tabt arbejdsfortjeneste", "ledsageordning", "plejebolig",
    "midlertidigt ophold", "støttekontaktperson", "kørsel", "fripladstilskud", "søskendetilskud",
    "begravelseshjælp", "personligt tillæg", "boligsikring", "friplads i SFO"};

const std::vector<std::string_view> laws = {
    "servicelovens § 83", "§ 85 i serviceloven", "aktivlovens § 81", "lov om aktiv socialpolitik § 34",
    "servicelovens § 41", "servicelovens § 100", "servicelovens § 112", "forvaltningslovens § 19",
    "forvaltningslovens § 24", "boligstøttelovens § 9", "pensionslovens § 14", "beskæftigelseslovens § 68",
    "retssikkerhedslovens § 5", "offentlighedslovens § 7", "byggeloven § 16"};

const std::vector<std::string_view> institutions = {
    "Solsikkens Børnehave", "Østre Skole", "Nørrebro Park Skole", "Plejecenter Åhaven", "Bostedet Lærkely",
    "Ungdomsskolen", "Højvangskolen", "Fritidsklubben Ørnen", "Dagplejen Syd", "Aktivitetscentret Møllen",
    "Bøgeskovens Plejehjem", "Specialskolen Kærholm", "Biblioteket på Torvet", "Rådhuset"};

const std::vector<std::string_view> committees = {
    "Social- og Omsorgsudvalget", "Børne- og Ungeudvalget", "Økonomiudvalget", "Teknik- og Miljøudvalget",
    "Beskæftigelsesudvalget", "Kultur- og Fritidsudvalget", "Ældreudvalget", "Klima- og Planudvalget",
    "Byrådet", "Ældrerådet", "Integrationsrådet", "Hovedudvalget (MED)"};

const std::vector<std::string_view> subjects = {
    "Hjemmehjælp", "Boligsag", "Byggetilladelse", "Klage over afgørelse", "Aktindsigt", "Tilsyn",
    "Skolevalg", "Flytning", "Ansøgning om enkeltydelse", "Partshøring", "Ressourceforløb", "Fleksjob",
    "Førtidspension", "Hjælpemidler", "Ledsageordning", "Personsag", "Dødsbo", "Navnebeskyttelse",
    "Boligindretning", "Merudgifter", "Tabt arbejdsfortjeneste", "Plejebolig"};

const std::vector<std::string_view> positions = {
    "sagsbehandler", "socialrådgiver", "jobkonsulent", "visitator", "pædagog", "lærer",
    "social- og sundhedsassistent", "teamleder", "afdelingsleder", "kontorfuldmægtig", "overassistent",
    "ergoterapeut", "IT-medarbejder", "økonomikonsulent", "jurist", "byggesagsbehandler", "sekretær"};

const std::vector<std::string_view> months = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                              "juli",    "august",  "september", "oktober", "november", "december"};
const std::vector<std::string_view> weekdays = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag"};
const std::vector<std::string_view> systems = {"KMD Nexus", "SBSYS",  "Opus",    "KMD Aktiv", "DUBU",    "Cura",
                                               "Acadre",    "LOS",    "Fasit",   "Momentum",  "eDoc"};

const std::vector<std::string_view> suppliers = {
    "Lyreco Danmark A/S", "Dustin A/S", "Atea A/S", "KMD A/S", "Netcompany A/S", "Dansk Rengøring ApS",
    "Frugt til Tiden ApS", "Movia Flextrafik", "Bravida Danmark A/S", "Kommunernes Landsforening",
    "Falck Danmark A/S", "Arkitektfirmaet Nørgaard & Co.", "Ørsted Salg & Service A/S", "Hjælpemiddelhuset ApS"};

const std::vector<std::string_view> goods = {
    "kontorartikler", "printerpapir A4", "toner sort", "bærbar computer", "skærm 24\"", "kaffe og te",
    "frugtordning", "rengøringsmidler", "konsulentbistand", "timer til tolkning", "rollator", "kørestol",
    "plejeseng", "forplejning til møde", "licens, årlig", "vinduespudsning", "snerydning",
    "reparation af varmeanlæg", "låsesmed", "bøger og undervisningsmaterialer", "vikarbistand"};

const std::vector<std::string_view> agenda_items = {
    "Godkendelse af dagsorden", "Budgetopfølgning", "Orientering fra formanden",
    "Kvalitetsstandard for hjemmehjælp", "Tilsynsrapporter", "Lukket punkt: Personsag", "Høring om skolestruktur",
    "Status på fravær", "Eventuelt", "Takstblad for det kommende år", "Lokalplan for boligområde ved åen",
    "Klage over afgørelse om merudgifter", "Ansøgning om puljemidler", "Evaluering af forsøgsordning",
    "Databeskyttelse og informationssikkerhed"};

const std::vector<std::string_view> decisions = {
    "Beslutning: Godkendt.", "Beslutning: Taget til efterretning.", "Beslutning: Udsat.",
    "Beslutning: Indstillingen blev godkendt med 7 stemmer mod 2.", "Beslutning: Oversendt til Økonomiudvalget.",
    "Beslutning: Drøftet."};

const std::vector<std::string_view> case_sentences = {
    "Borgeren har {dag} rettet henvendelse til {afd} vedrørende {ydelse}.",
    "Det er aftalt, at {fornavn} kontakter sagsbehandleren igen i næste uge.",
    "Ved hjemmebesøget {dag} var en pårørende til stede som bisidder.",
    "Det vurderes, at betingelserne for at yde {ydelse} efter {lov} er opfyldt.",
    "Det vurderes, at betingelserne for at yde {ydelse} efter {lov} ikke er opfyldt.",
    "{fornavn} fortæller, at økonomien er meget stram, og at huslejen er steget.",
    "Sagsbehandleren {navn} har gennemgået sagens akter og vurderer, at der er behov for yderligere oplysninger.",
    "Afgørelsen er truffet efter {lov}, og der er vedlagt klagevejledning.",
    "Borgeren er orienteret om muligheden for at klage til Ankestyrelsen inden fire uger.",
    "Der er afholdt netværksmøde på {inst} med deltagelse af forældre og lærer.",
    "Familien er tilbudt {ydelse} i en periode på {antal} uger med opfølgning hver anden uge.",
    "{fornavn} {efternavn} deltog i samtalen sammen med en bisidder.",
    "Borgeren ønsker ikke, at oplysningerne videregives til arbejdsgiveren.",
    "Der er givet samtykke til, at kommunen må indhente oplysninger fra {inst}.",
    "Visitator har vurderet, at borgeren har behov for {ydelse} {antal} gange om ugen.",
    "Borgeren bor alene i en lejlighed på 2. sal uden elevator i {by}.",
    "Der er bevilget {ydelse} med virkning fra første hverdag i {maaned}.",
    "Sagen genoptages, når de manglende oplysninger er modtaget.",
    "Borgeren er partshørt over de oplysninger, der indgår i sagen, og har haft {antal} dage til at svare.",
    "Der er ikke modtaget bemærkninger til partshøringen.",
    "Efter samtalen er sagen overdraget til {afd} til videre sagsbehandling.",
    "Jobcentret vurderer, at borgeren kan arbejde {antal} timer om ugen i et fleksjob.",
    "Arbejdsevnen er beskrevet i ressourceprofilen, og sagen forelægges rehabiliteringsteamet.",
    "Opfølgningssamtalen blev holdt telefonisk, da borgeren ikke kunne møde frem.",
    "Der er lavet aftale om opfølgning {ugedag} i uge {uge}.",
    "Borgeren er informeret om, at kommunen behandler personoplysninger efter databeskyttelsesforordningen.",
    "Oplysningerne er journaliseret i {system}, og sagen er lukket.",
    "Aktindsigt er givet i de dokumenter, der ikke er undtaget efter offentlighedsloven.",
    "Ansøgningen afslås, da borgerens formue overstiger grænsen for hjælp.",
    "Borgeren har fået udleveret en rollator og et badetaburet fra hjælpemiddeldepotet.",
    "Ergoterapeuten har vurderet boligen og anbefaler, at dørtrin fjernes og der opsættes greb ved toilettet.",
    "Der er udarbejdet en handleplan efter {lov}, som er sendt til borgeren.",
    "Sagen er drøftet på teammødet {ugedag}, hvor der var enighed om at fortsætte indsatsen.",
    "Borgeren ønsker at flytte til en plejebolig tættere på familien i {by}.",
    "Visitationsudvalget har godkendt borgeren til plejebolig på {inst}.",
    "Borgeren er gjort bekendt med, at oplysningerne kan blive videregivet til Udbetaling Danmark.",
    "{navn} har forsøgt at kontakte borgeren telefonisk {antal} gange uden held.",
    "Der er sendt et brev med en ny mødeindkaldelse via Digital Post.",
    "Borgeren er fritaget for Digital Post og modtager derfor breve med almindelig post.",
    "Borgeren har fået bevilget en ledsager {antal} timer om måneden.",
    "Sagen er oversendt til {afd} i {by}, da borgeren er flyttet.",
    "Ved mødet deltog desuden en tolk, da borgeren ikke taler dansk.",
    "Vi har brug for kopi af lønsedler for de seneste tre måneder samt årsopgørelse fra Skattestyrelsen.",
    "Du bedes sende de manglende oplysninger, så vi kan færdiggøre sagen.",
    "Hvis du er uenig i afgørelsen, kan du klage skriftligt eller mundtligt til kommunen.",
    "Vi har lagt vægt på, at du selv kan klare de daglige gøremål med hjælpemidler.",
    "Du er velkommen til at kontakte mig, hvis du har spørgsmål til brevet.",
    "Vi skal gøre opmærksom på, at du har pligt til at oplyse om ændringer i din situation.",
    "Kommunen kan træffe afgørelse på det foreliggende grundlag, hvis oplysningerne ikke modtages.",
    "Vi har modtaget din ansøgning om {ydelse} og vil se på den hurtigst muligt.",
    "Sagsbehandlingstiden er normalt {antal} uger.",
    "Det fremgår af sagen, at du har været i praktik hos en lokal virksomhed i {by}.",
    "Borgerens søn har fuldmagt til at handle på borgerens vegne i sagen.",
    "Der er tale om en akut situation, og der er derfor iværksat midlertidig hjælp fra i dag."};

const std::vector<std::string_view> admin_sentences = {
    "Udvalget godkendte dagsordenen uden bemærkninger.",
    "Administrationen indstiller, at udvalget tager orienteringen til efterretning.",
    "Administrationen indstiller, at sagen oversendes til {udvalg} med anbefaling.",
    "Udvalget drøftede forslaget til budget {aar} og besluttede at sende det i høring.",
    "Forvaltningen har udarbejdet et notat om udgiftsudviklingen på {ydelse}, som vedlægges.",
    "Det samlede forbrug på området forventes at overstige budgettet med {pct} procent.",
    "Der er i {aar} visiteret {antal} borgere til {ydelse}, hvilket er en stigning i forhold til sidste år.",
    "Sagen drøftes som lukket punkt af hensyn til de personoplysninger, der indgår.",
    "Medlemmerne af {udvalg} blev orienteret om status på implementeringen af {system}.",
    "Kvalitetsstandarden for {ydelse} revideres hvert andet år og godkendes af byrådet.",
    "Formålet med kvalitetsstandarden er at sikre ensartet og gennemsigtig sagsbehandling.",
    "Indsatsen leveres af medarbejdere fra {afd} og tilrettelægges i samarbejde med borgeren.",
    "Borgere, der er uenige i en afgørelse, kan klage til Ankestyrelsen.",
    "Vejledningen beskriver, hvordan personoplysninger skal håndteres i det daglige arbejde.",
    "Dokumenter med fortrolige oplysninger må ikke gemmes på fællesdrev eller sendes med almindelig e-mail.",
    "Alle medarbejdere skal gennemføre kurset i informationssikkerhed inden {maaned}.",
    "Ved brud på persondatasikkerheden skal den databeskyttelsesansvarlige underrettes straks.",
    "Databehandleraftalen med leverandøren blev fornyet i {aar} efter en risikovurdering.",
    "Der blev orienteret om resultatet af tilsynet på {inst}, som ikke gav anledning til påbud.",
    "Tilsynet bemærkede, at dokumentationen i {system} generelt var af høj kvalitet.",
    "Byrådet besluttede at afsætte midler til en forsøgsordning med {ydelse} i {aar}.",
    "Arbejdsmiljørepræsentanten oplyste, at fraværet i {afd} er steget i det seneste kvartal.",
    "Der blev spurgt til status på rekrutteringen af nye medarbejdere til {afd}.",
    "Næste møde afholdes {ugedag} den {dagnr}. {maaned} kl. {tidspunkt} i mødelokale {antal}.",
    "Punktet blev udsat til næste møde, da der manglede materiale.",
    "Udvalget besluttede at iværksætte en analyse af kapaciteten på {inst}.",
    "Høringssvarene fra Ældrerådet er vedlagt som bilag.",
    "Der er afsat en pulje til udvikling af digitale løsninger på ældreområdet.",
    "Forbruget følges tæt, og der forelægges en ny budgetopfølgning i {maaned}.",
    "Medarbejderne oplever et stort arbejdspres, og der er ønske om flere ressourcer.",
    "Ledelsen orienterede om den nye organisering af {afd}, som træder i kraft {dag}.",
    "Ændringen forventes at give en besparelse på området fra {aar}.",
    "Kommunen skal efter lovgivningen føre tilsyn med kvaliteten af {ydelse}.",
    "Det anbefales, at borgerne inddrages tidligt i processen.",
    "Leverandøren har leveret varerne i henhold til rammeaftalen.",
    "Beløbet konteres på omkostningssted {afd}.",
    "Planlægningen af byggeriet på {gade} forventes afsluttet i {aar}.",
    "Lokalplanforslaget har været i offentlig høring i otte uger.",
    "Der er indkommet {antal} høringssvar, som er sammenfattet i vedlagte notat.",
    "Klimaplanen indeholder mål for reduktion af udledningen frem mod 2030.",
    "Skolestrukturen drøftes på et temamøde i {maaned}.",
    "Elevtallet på {inst} forventes at falde med {antal} elever over de næste fem år.",
    "Formanden takkede for et godt møde.",
    "Referatet blev godkendt og underskrevet."};

const std::vector<std::string_view> log_messages = {
    "login OK", "logout", "visning af sag", "udskrift af dokument", "ændring af stamdata", "søgning i journal",
    "eksport til Excel", "åbn dokument", "fejl: timeout ved kald til Serviceplatformen", "session udløbet",
    "adgang nægtet til sag", "dokument journaliseret", "brev sendt via Digital Post"};

namespace {
thread_local bool g_nameless = false;
}  // namespace

NamelessProse::NamelessProse() : was_(g_nameless) { g_nameless = true; }
NamelessProse::~NamelessProse() { g_nameless = was_; }

std::string full_name(Rng& rng) {
  if (g_nameless) return "borgeren";
  std::string name(rng.pick(first_names));
  if (rng.chance(0.15)) name.append(" ").append(rng.pick(first_names));
  return name.append(" ").append(rng.pick(last_names));
}

std::string street_address(Rng& rng) {
  std::string out(rng.pick(streets));
  out.append(" ").append(std::to_string(rng.between(1, 180)));
  if (rng.chance(0.4)) {
    static const std::vector<std::string_view> floors = {"st.", "1.", "2.", "3.", "4."};
    static const std::vector<std::string_view> sides = {"tv.", "th.", "mf."};
    out.append(", ").append(rng.pick(floors)).append(" ").append(rng.pick(sides));
  }
  const City& city = rng.pick(cities);
  return out.append(", ").append(city.postcode).append(" ").append(city.name);
}

std::string date_dk(Rng& rng, int year) {
  int month = static_cast<int>(rng.between(1, 12)), day = static_cast<int>(rng.between(1, 28));
  char buffer[48];
  double u = rng.unit();
  if (u < 0.6) std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", day, month, year);
  else if (u < 0.75) std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", day, month, year);
  else if (u < 0.85) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  else return std::to_string(day).append(". ").append(months[static_cast<size_t>(month - 1)]).append(" ").append(std::to_string(year));
  return buffer;
}

std::string amount_dkk(Rng& rng) {
  uint64_t value = 20 + rng.below(250000);
  std::string digits = std::to_string(value), grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return grouped.append(rng.chance(0.7) ? ",00 kr." : ",50 kr.");
}

namespace {

std::string slot_value(std::string_view slot, Rng& rng) {
  if (slot == "fornavn") return g_nameless ? "borgeren" : std::string(rng.pick(first_names));
  if (slot == "efternavn") return g_nameless ? "selv" : std::string(rng.pick(last_names));
  if (slot == "navn") return full_name(rng);
  if (slot == "afd") return std::string(rng.pick(departments));
  if (slot == "ydelse") return std::string(rng.pick(benefits));
  if (slot == "lov") return std::string(rng.pick(laws));
  if (slot == "inst") return std::string(rng.pick(institutions));
  if (slot == "udvalg") return std::string(rng.pick(committees));
  if (slot == "by") return std::string(rng.pick(cities).name);
  if (slot == "gade") return std::string(rng.pick(streets));
  if (slot == "maaned") return std::string(rng.pick(months));
  if (slot == "ugedag") return std::string(rng.pick(weekdays));
  if (slot == "system") return std::string(rng.pick(systems));
  if (slot == "dag") return std::string("den ").append(std::to_string(rng.between(1, 28))).append(". ").append(rng.pick(months));
  if (slot == "dagnr") return std::to_string(rng.between(1, 28));
  if (slot == "antal") return std::to_string(rng.between(2, 30));
  if (slot == "uge") return std::to_string(rng.between(1, 52));
  if (slot == "aar") return std::to_string(rng.between(2008, 2025));
  if (slot == "pct") return std::to_string(rng.between(2, 18));
  if (slot == "tidspunkt") {
    static const std::vector<std::string_view> times = {"8.30", "9.00", "10.00", "13.00", "14.30", "16.00"};
    return std::string(rng.pick(times));
  }
  return std::string(slot);  // a template typo shows up in the text instead of crashing
}

// Upper-cases a leading ASCII or æøå letter (the templates start with a slot or a word).
void capitalise(std::string& s) {
  if (s.empty()) return;
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  else if (s.compare(0, 2, "æ") == 0) s.replace(0, 2, "Æ");
  else if (s.compare(0, 2, "ø") == 0) s.replace(0, 2, "Ø");
  else if (s.compare(0, 2, "å") == 0) s.replace(0, 2, "Å");
}

}  // namespace

std::string fill(std::string_view templ, Rng& rng) {
  std::string out;
  out.reserve(templ.size() + 32);
  size_t at = 0;
  while (at < templ.size()) {
    size_t open = templ.find('{', at);
    size_t close = open == std::string_view::npos ? open : templ.find('}', open);
    if (close == std::string_view::npos) {
      out.append(templ.substr(at));
      break;
    }
    out.append(templ.substr(at, open - at)).append(slot_value(templ.substr(open + 1, close - open - 1), rng));
    at = close + 1;
  }
  capitalise(out);
  return out;
}

}  // namespace gdprscan::corpus::words
