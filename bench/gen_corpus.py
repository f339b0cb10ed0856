#!/usr/bin/python3
"""Generate a deterministic tree of Danish-like municipal plain-text files.

    bench/gen_corpus.py OUT_DIR [--size 1G] [--seed 1] [--small]

For throughput benchmarks of gdprscan (and the ripgrep baseline in bench/compare.sh).
The same --seed and --size give a byte-identical tree (same paths, same bytes) with
the same CPython version; only the stdlib `random` module is used.

What the tree looks like:
  * nested folders: Sager/<år>/<sagsnr> <efternavn>, <emne>/, Personale/<afdeling>/<navn>/,
    Borgerservice/<område>/Lister/<år>/, Udvalg/<udvalg>/Referater/<år>/,
    Økonomi/Kreditorer/<år>/<md>/, IT/Logfiler/<system>/<år>/, Fælles/Vejledninger/...
    (folder and file names contain spaces and æøå).
  * file sizes log-uniform from 1 KiB to 2 MiB, plus a few ~16 MiB journal/log exports.
  * the kind of document depends on its size: letters and notes are small, minutes and
    reports medium, journal extracts, access logs and reports large.
  * ~5% of files Windows-1252 (legacy, CRLF), a few UTF-8 files with BOM or CRLF.
  * identifiers: CPR numbers (~1 per 8 KiB on average, heavily clustered in citizen lists,
    journal extracts and logs; most files have none or one) as DDMMYY-SSSS / DDMMYYSSSS /
    DDMMYY SSSS, valid dates, mostly mod-11 valid; a few replacement CPRs (day + 60);
    e-mail addresses (~1 per 4 KiB), phone numbers, dates, amounts, postal addresses, and
    decoys: 10-digit invoice/order/account numbers after "Fakturanr.", "Ordrenr.", ...
  * OUT_DIR/truth.jsonl (unless --no-truth): what was planted, one JSON object per distinct
    (file, detector, value) in a file, for `gdprscan bench`:
      {"file": "Sager/...txt", "detector": "dk.cpr", "value": "0101901236", "kind": "positive", "note": ...}
    kinds: "positive" (must be found): mod-11-valid CPR numbers (dk.cpr), replacement
    numbers with a keyword of their rule close by (dk.cpr_replacement), e-mail addresses
    (email); "decoy" (must not be reported
    as dk.cpr): 10-digit invoice/order/account numbers of CPR shape after their label;
    "ambiguous" (bench ignores it): CPR numbers that fail mod-11 on a date CPR-kontoret
    does not list, which a scanner may fairly report only next to a CPR keyword, and
    replacement numbers with no keyword close by (see replacement_keyword_near).
    Values are normalised as gdprscan reports them with --reveal (CPR digits only, e-mail
    lower case). The tree itself is byte-identical with or without the truth file: the
    truth is read back from each file's text and takes nothing from the random stream.

Speed: the prose comes from a pool of pre-built paragraphs picked with random.choices;
only the identifiers are generated one by one.
"""

import argparse
import json
import math
import os
import random
import re
import sys
import textwrap
import time

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

FORNAVNE = """Anne Kirsten Mette Hanne Helle Susanne Lene Marianne Camilla Louise Charlotte
Pia Tina Maria Karen Bente Birgitte Inge Lone Jette Ida Emma Freja Sofie Laura Signe Line
Malene Aase Ebba Gitte Dorthe Vibeke Rikke Trine Maja Clara Agnes Astrid Esther Ellen Ulla
Peter Jens Lars Michael Henrik Søren Thomas Jan Niels Morten Anders Rasmus Jesper Martin
Mads Christian Kasper Frederik Jørgen Poul Ole Bjørn Torben Kåre Ove Erik Hans Knud Bo
Mikkel Nikolaj Emil Oliver William Noah Malthe Asger Villads Aksel Claus Flemming Preben
Ahmed Fatima Mohammad Ali Zeynep Agnieszka Tomasz Yasmin Omar Leila Ewa Piotr""".split()

EFTERNAVNE = """Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen
Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller
Mortensen Knudsen Jakobsen Mikkelsen Frederiksen Lund Holm Schmidt Eriksen Kristiansen
Simonsen Clausen Svendsen Andreasen Iversen Østergaard Jeppesen Vestergaard Nissen
Lauridsen Kjær Jespersen Mogensen Skov Søndergaard Bertelsen Nørgaard Dahl Kjærgaard
Bækgaard Thygesen Højgaard Bøgh Krøyer Ærenlund Åberg Friis Brøndum Damgaard Lykke Bach
Ahmed Hussein Yilmaz Nowak Kowalski Ali Khan Demir""".split()

GADER = """Vestergade|Østergade|Nørregade|Søndergade|Algade|Jernbanegade|Skolevej|Kirkevej|
Engvej|Møllevej|Bøgevej|Egevej|Birkevej|Ahornvej|Lærkevej|Rosenvænget|Kastanie Allé|
Strandvejen|Havnegade|Torvet|Skovvej|Åboulevarden|Grønnegade|Kongensgade|Ørstedsvej|
Fælledvej|Nørrebrogade|Amagerbrogade|Frederiksberg Allé|H.C. Andersens Boulevard|
Bispensgade|Kærvej|Præstøvej|Sølvgade|Fåborgvej|Hørsholmvej|Æblehaven|Ågade|Tværgade|
Mølleparken|Slotsgade|Bredgade|Klostergade|Vibevej|Svanevej|Solsikkevej|Højvangen|
Gl. Kongevej|Rådhusstræde|Smedegade|Bøgebakken|Enghavevej|Lindevej|Åparken""".replace("\n", "").split("|")

KOMMUNE_NAVN = {"Kongens Lyngby": "Lyngby-Taarbæk", "Nykøbing F": "Guldborgsund",
                "Nørresundby": "Aalborg", "Valby": "København", "Brønshøj": "København",
                "Vanløse": "København", "Odder": "Odder"}

BYER = [
    ("1050", "København K"), ("2100", "København Ø"), ("2200", "København N"),
    ("2300", "København S"), ("2400", "København NV"), ("2450", "København SV"),
    ("2500", "Valby"), ("2700", "Brønshøj"), ("2720", "Vanløse"), ("2000", "Frederiksberg"),
    ("2800", "Kongens Lyngby"), ("2970", "Hørsholm"), ("3000", "Helsingør"),
    ("3400", "Hillerød"), ("4000", "Roskilde"), ("4600", "Køge"), ("4700", "Næstved"),
    ("5000", "Odense C"), ("5700", "Svendborg"), ("6000", "Kolding"), ("6100", "Haderslev"),
    ("6200", "Aabenraa"), ("6400", "Sønderborg"), ("6700", "Esbjerg"), ("7100", "Vejle"),
    ("7400", "Herning"), ("7500", "Holstebro"), ("8000", "Aarhus C"), ("8200", "Aarhus N"),
    ("8210", "Aarhus V"), ("8600", "Silkeborg"), ("8700", "Horsens"), ("8800", "Viborg"),
    ("8900", "Randers C"), ("9000", "Aalborg"), ("9400", "Nørresundby"),
    ("9800", "Hjørring"), ("9900", "Frederikshavn"), ("3700", "Rønne"),
    ("4800", "Nykøbing F"), ("6950", "Ringkøbing"), ("7800", "Skive"), ("4200", "Slagelse"),
    ("5500", "Middelfart"), ("3600", "Frederikssund"), ("4300", "Holbæk"), ("9500", "Hobro"),
    ("7000", "Fredericia"), ("6800", "Varde"), ("8300", "Odder"),
]

KOMMUNE_DOMAENER = """aarhus.dk kk.dk odense.dk aalborg.dk esbjerg.dk randers.dk kolding.dk vejle.dk
horsens.dk silkeborg.dk herning.dk roskilde.dk naestved.dk frederiksberg.dk helsingor.dk
hillerod.dk koege.dk svendborg.dk viborg.dk holstebro.dk skive.dk hjoerring.dk
frederikshavn.dk slagelse.dk sonderborg.dk aabenraa.dk haderslev.dk brk.dk gentofte.dk
ltk.dk""".split()
PRIVATE_DOMAENER = """gmail.com hotmail.com hotmail.dk live.dk outlook.dk yahoo.dk mail.dk
jubii.dk youmail.dk stofanet.dk email.dk privat.dk icloud.com post.tele.dk webspeed.dk
get2net.dk mail.tele.dk""".split()
ORG_DOMAENER = """rm.dk regionh.dk rsyd.dk rn.dk regionsjaelland.dk sst.dk kl.dk 3f.dk foa.dk
dlf.org kab-bolig.dk bolig-fyn.dk advokathuset.dk revisorgruppen.dk tandlaegerne.dk
laegehuset-torvet.dk""".split()

AFDELINGER = """Borgerservice|Jobcenter|Familieafdelingen|Handicap og Psykiatri|Ældre og Sundhed|
Myndighedsafdelingen|Visitationen|Børn og Unge|Skoleafdelingen|Teknik og Miljø|
Byggesagsafdelingen|Økonomiafdelingen|HR og Løn|Sundhedsplejen|PPR|Ydelsescentret|
Integrationsafdelingen|Hjemmeplejen|Tandplejen|Misbrugscentret""".replace("\n", "").split("|")

YDELSER = """kontanthjælp|uddannelseshjælp|sygedagpenge|førtidspension|fleksjob|ressourceforløb|
jobafklaringsforløb|boligstøtte|enkeltydelse|hjemmehjælp|praktisk hjælp|personlig pleje|
madservice|genoptræning|hjælpemidler|boligindretning|handicapbil|dækning af merudgifter|
tabt arbejdsfortjeneste|aflastning|ledsageordning|BPA-ordning|plejebolig|midlertidigt ophold|
støttekontaktperson|socialpædagogisk støtte|kørsel til læge|tandpleje|særlig støtte|
forebyggende foranstaltning|anbringelse uden for hjemmet|familiebehandling|fripladstilskud|
søskendetilskud|begravelseshjælp|helbredstillæg|personligt tillæg|
tilskud til medicin""".replace("\n", "").split("|")

LOVE = """servicelovens § 83|§ 85 i serviceloven|aktivlovens § 81|sygedagpengelovens § 7|
lov om aktiv socialpolitik § 34|servicelovens § 41|servicelovens § 100|servicelovens § 112|
barnets lov § 32|forvaltningslovens § 19|forvaltningslovens § 24|
databeskyttelsesforordningens artikel 9|databeskyttelseslovens § 11|boligstøttelovens § 9|
pensionslovens § 14|beskæftigelseslovens § 68|retssikkerhedslovens § 5|
offentlighedslovens § 7""".replace("\n", "").split("|")

DIAGNOSER = """diabetes type 2|KOL|depression|angst|demens|sklerose|slidgigt|diskusprolaps|ADHD|
autisme|skizofreni|hjerneskade efter blodprop|kræft i tyktarmen|alkoholmisbrug|PTSD|
epilepsi|kroniske rygsmerter|hjertesvigt|nedsat syn|høretab|stress|
spiseforstyrrelse""".replace("\n", "").split("|")

RELATIONER = """datter|søn|ægtefælle|samlever|mor|far|bror|søster|værge|bisidder|pårørende|nabo|
plejefamilie|svigersøn|barnebarn""".replace("\n", "").split("|")

INSTITUTIONER = """Solsikkens Børnehave|Østre Skole|Nørrebro Park Skole|Plejecenter Åhaven|
Bostedet Lærkely|Ungdomsskolen|Sygehus Lillebælt|Aarhus Universitetshospital|Rigshospitalet|
Odense Universitetshospital|Regionshospitalet Randers|Lægehuset på Torvet|
Psykiatrisk Center Ballerup|Misbrugscenter Nord|Højvangskolen|Fritidsklubben Ørnen|
Dagplejen Syd|Aktivitetscentret Møllen|Bøgeskovens Plejehjem|Specialskolen Kærholm""".replace("\n", "").split("|")

UDVALG = """Social- og Sundhedsudvalget|Børne- og Ungeudvalget|Økonomiudvalget|
Teknik- og Miljøudvalget|Beskæftigelsesudvalget|Kultur- og Fritidsudvalget|Ældreudvalget|
Klima- og Planudvalget|Byrådet|Handicaprådet|Ældrerådet|Integrationsrådet|
Hovedudvalget (MED)""".replace("\n", "").split("|")

EMNER = """Hjemmehjælp|Anbringelse|Underretning|Boligsag|Byggetilladelse|Sygeopfølgning|
Klage over afgørelse|Aktindsigt|Tilsyn|Skolevalg|Særlig støtte|Flytning|
Ansøgning om enkeltydelse|Partshøring|Ressourceforløb|Fleksjob|Førtidspension|Hjælpemidler|
Ledsageordning|Personsag|Samvær|Gældssanering|Dødsbo|Navnebeskyttelse|Familiesammenføring|
Boligindretning|Merudgifter|Tabt arbejdsfortjeneste|Genoptræning|Plejebolig""".replace("\n", "").split("|")

STILLINGER = """sagsbehandler|socialrådgiver|jobkonsulent|visitator|sundhedsplejerske|pædagog|lærer|
social- og sundhedsassistent|social- og sundhedshjælper|teamleder|afdelingsleder|
kontorfuldmægtig|overassistent|fysioterapeut|ergoterapeut|psykolog|IT-medarbejder|
økonomikonsulent|jurist|byggesagsbehandler|sekretær|rengøringsassistent|køkkenmedhjælper|
pedel""".replace("\n", "").split("|")

MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december"]
UGEDAGE = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
LEVERANDOERER = """Lyreco Danmark A/S|Dustin A/S|Atea A/S|KMD A/S|Netcompany A/S|Dansk Rengøring ApS|
Frugt til Tiden ApS|Taxa 4x35|Movia Flextrafik|Bravida Danmark A/S|Kommunernes Landsforening|
Boligselskabet Østjylland|Apoteket Torvet|Falck Danmark A/S|Arkitektfirmaet Nørgaard & Co.|
Aarhus Vand A/S|Ørsted Salg & Service A/S|Kirkens Korshær|Dansk Folkehjælp|
Hjælpemiddelhuset ApS""".replace("\n", "").split("|")
VARER = """kontorartikler|printerpapir A4|toner sort|bærbar computer|skærm 24"|kaffe og te|
frugtordning|rengøringsmidler|kørsel i henhold til aftale|konsulentbistand|timer til tolkning|
hjælpemiddel: rollator|hjælpemiddel: kørestol|toiletstol|plejeseng|forplejning til møde|
licens, årlig|vinduespudsning|snerydning|reparation af varmeanlæg|låsesmed|flytning af
inventar|bøger og undervisningsmaterialer|vikarbistand|juridisk bistand""".replace("\n", "").split("|")
SYSTEMER = ["KMD Nexus", "SBSYS", "Opus", "KMD Aktiv", "DUBU", "Cura", "Acadre", "LOS",
            "Serviceplatformen", "Fasit", "Momentum", "eDoc"]

# Case-work prose: notes, letters, journal entries. {slot}s are filled from the lists above.
SAG_SAETNINGER = """Borgeren har {dag} rettet henvendelse til {afd} vedrørende {ydelse}.
Det er aftalt, at {fornavn} kontakter sagsbehandleren igen efter næste lægebesøg.
Ved hjemmebesøget {dag} var {relation} til stede som bisidder.
Borgeren oplyser, at hun gennem længere tid har haft {diagnose}, og at det påvirker hverdagen.
Borgeren oplyser, at han gennem længere tid har haft {diagnose} og ikke kan passe sit arbejde.
Det vurderes, at betingelserne for at yde {ydelse} efter {lov} er opfyldt.
Det vurderes, at betingelserne for at yde {ydelse} efter {lov} ikke er opfyldt.
Kommunen har modtaget lægeerklæring fra {inst}, som beskriver et behov for {ydelse}.
Der er indhentet oplysninger fra egen læge med borgerens samtykke.
{fornavn} fortæller, at økonomien er meget stram, og at huslejen er steget.
Sagsbehandleren {sb} har gennemgået sagens akter og vurderer, at der er behov for yderligere oplysninger.
Afgørelsen er truffet efter {lov}, og der er vedlagt klagevejledning.
Borgeren er orienteret om muligheden for at klage til Ankestyrelsen inden fire uger.
Der er afholdt netværksmøde på {inst} med deltagelse af forældre, lærer og sundhedsplejerske.
Barnet trives ikke i skolen og har et stort fravær i indeværende skoleår.
Underretningen er modtaget fra {inst} og er behandlet inden for 24 timer.
Det er vurderet, at der ikke er grundlag for en børnefaglig undersøgelse på nuværende tidspunkt.
Familien er tilbudt {ydelse} i en periode på {antal} uger med opfølgning hver anden uge.
{fornavn} {efternavn} deltog i samtalen sammen med sin {relation}.
Borgeren ønsker ikke, at oplysningerne videregives til arbejdsgiveren.
Der er givet samtykke til, at kommunen må indhente oplysninger fra {inst}.
Visitator har vurderet, at borgeren har behov for {ydelse} {antal} gange om ugen.
Hjemmeplejen oplyser, at borgeren er faldet flere gange i hjemmet den seneste måned.
Borgeren bor alene i en lejlighed på 2. sal uden elevator i {by}.
Der er bevilget {ydelse} med virkning fra første hverdag i {maaned}.
Sagen genoptages, når de manglende oplysninger er modtaget.
Borgeren er partshørt over de oplysninger, der indgår i sagen, og har haft {antal} dage til at svare.
Der er ikke modtaget bemærkninger til partshøringen.
{relation} har telefonisk oplyst, at borgeren er indlagt på {inst}.
Efter samtalen er sagen overdraget til {afd} til videre behandling.
Jobcentret vurderer, at borgeren kan arbejde {antal} timer om ugen i et fleksjob.
Arbejdsevnen er beskrevet i ressourceprofilen, og sagen forelægges rehabiliteringsteamet.
Rehabiliteringsteamet anbefaler et ressourceforløb af {antal} måneders varighed.
Borgeren har været sygemeldt siden {maaned} på grund af {diagnose}.
Opfølgningssamtalen blev holdt telefonisk, da borgeren ikke kunne møde frem.
Der er lavet aftale om opfølgning {ugedag} i uge {uge}.
Borgeren er informeret om, at kommunen behandler personoplysninger i overensstemmelse med databeskyttelsesforordningen.
Oplysningerne er journaliseret i {system}, og sagen er lukket.
Aktindsigt er givet i de dokumenter, der ikke er undtaget efter offentlighedsloven.
Der er søgt om {ydelse} til dækning af udgifter til tandbehandling og briller.
Ansøgningen afslås, da borgerens formue overstiger grænsen for hjælp.
Borgeren har fået udleveret en rollator og et badetaburet fra hjælpemiddeldepotet.
Ergoterapeuten har vurderet boligen og anbefaler, at dørtrin fjernes og der opsættes greb ved toilettet.
Borgeren har et dagligt forbrug af alkohol, som påvirker evnen til at tage vare på sig selv.
Misbrugscentret har tilbudt ambulant behandling, som borgeren har takket ja til.
Mor oplyser, at faren ikke har overholdt samværsaftalen de sidste {antal} weekender.
Familieretshuset er orienteret om sagen.
Der er udarbejdet en handleplan efter {lov}, som er sendt til borgeren.
Sagen er drøftet på teammødet {ugedag}, hvor der var enighed om at fortsætte indsatsen.
Borgeren ønsker at flytte til en plejebolig tættere på sin {relation} i {by}.
Visitationsudvalget har godkendt borgeren til plejebolig på {inst}.
Borgeren giver udtryk for stor utryghed ved at være alene om natten.
Sundhedsplejersken har ved besøget observeret, at barnet er undervægtigt.
Borgeren er gjort bekendt med, at oplysningerne kan blive videregivet til Udbetaling Danmark.
{sb} har forsøgt at kontakte borgeren telefonisk {antal} gange uden held.
Der er sendt et brev med en ny mødeindkaldelse via Digital Post.
Borgeren er fritaget for Digital Post og modtager derfor breve med almindelig post.
Borgeren har fået bevilget en ledsager {antal} timer om måneden.
Det er oplyst, at borgeren modtager {ydelse} fra en anden kommune.
Sagen er oversendt til {afd} i {by}, da borgeren er flyttet.
Ved mødet deltog desuden en tolk, da borgeren ikke taler dansk.
Borgeren er opfordret til at søge om {ydelse} hos Udbetaling Danmark.
Vi har brug for kopi af lønsedler for de seneste tre måneder samt årsopgørelse fra SKAT.
Du bedes sende de manglende oplysninger, så vi kan færdigbehandle din ansøgning.
Hvis du er uenig i afgørelsen, kan du klage skriftligt eller mundtligt til kommunen.
Vi har lagt vægt på, at du selv kan klare de daglige gøremål med hjælpemidler.
Du er velkommen til at kontakte mig, hvis du har spørgsmål til brevet.
Vi skal gøre opmærksom på, at du har pligt til at oplyse om ændringer i din situation.
Kommunen kan træffe afgørelse på det foreliggende grundlag, hvis oplysningerne ikke modtages.
Din sag er nu afsluttet, og dine oplysninger opbevares i overensstemmelse med gældende regler.
Vi har modtaget din ansøgning om {ydelse} og vil behandle den hurtigst muligt.
Sagsbehandlingstiden er normalt {antal} uger.
Det fremgår af sagen, at du har været i praktik hos en lokal virksomhed i {by}.
Borgerens søn har fuldmagt til at handle på borgerens vegne i sagen.
Borgeren har anmodet om navne- og adressebeskyttelse, hvilket er registreret.
Der er tale om en akut situation, og der er derfor iværksat midlertidig hjælp fra i dag.
Lægen anbefaler, at borgeren ikke genoptager arbejdet før tidligst om {antal} uger.
Borgeren har fået tilbudt en samtale med en psykolog via {afd}.""".split("\n")

# Administrative prose: minutes, reports, guidelines, invoices' remarks.
ADM_SAETNINGER = """Udvalget godkendte dagsordenen uden bemærkninger.
Administrationen indstiller, at udvalget tager orienteringen til efterretning.
Administrationen indstiller, at sagen oversendes til {udvalg} med anbefaling.
Udvalget drøftede forslaget til budget {aar} og besluttede at sende det i høring.
Forvaltningen har udarbejdet et notat om udgiftsudviklingen på {ydelse}, som vedlægges.
Det samlede forbrug på området forventes at overstige budgettet med {pct} procent.
Der er i {aar} visiteret {antal} borgere til {ydelse}, hvilket er en stigning i forhold til sidste år.
Sagen behandles som lukket punkt af hensyn til de personoplysninger, der indgår.
Medlemmerne af {udvalg} blev orienteret om status på implementeringen af {system}.
Kvalitetsstandarden for {ydelse} revideres hvert andet år og godkendes af byrådet.
Formålet med kvalitetsstandarden er at sikre ensartet og gennemsigtig sagsbehandling.
Indsatsen leveres af medarbejdere fra {afd} og tilrettelægges i samarbejde med borgeren.
Borgere, der er uenige i en afgørelse, kan klage til Ankestyrelsen.
Vejledningen beskriver, hvordan personoplysninger skal håndteres i det daglige arbejde.
Dokumenter med fortrolige oplysninger må ikke gemmes på fællesdrev eller sendes med almindelig e-mail.
CPR-numre må kun behandles, når det er nødvendigt for at løse en konkret opgave.
Alle medarbejdere skal gennemføre kurset i informationssikkerhed inden {maaned}.
Ved brud på persondatasikkerheden skal den databeskyttelsesansvarlige underrettes straks.
Databehandleraftalen med leverandøren blev fornyet i {aar} efter en risikovurdering.
Der blev orienteret om resultatet af tilsynet på {inst}, som ikke gav anledning til påbud.
Tilsynet bemærkede, at dokumentationen i {system} generelt var af høj kvalitet.
Byrådet besluttede at afsætte midler til en forsøgsordning med {ydelse} i {aar}.
Arbejdsmiljørepræsentanten oplyste, at sygefraværet i {afd} er steget i det seneste kvartal.
Der blev spurgt til status på rekrutteringen af {stilling}e til {afd}.
Næste møde afholdes {ugedag} den {dagnr}. {maaned} kl. {tidspunkt} i mødelokale {antal}.
Punktet blev udsat til næste møde, da der manglede materiale.
Udvalget besluttede at iværksætte en analyse af kapaciteten på {inst}.
Høringssvarene fra Ældrerådet og Handicaprådet er vedlagt som bilag.
Der er afsat en pulje til udvikling af digitale løsninger på ældreområdet.
Forbruget følges tæt, og der forelægges en ny budgetopfølgning i {maaned}.
Medarbejderne oplever et stort arbejdspres, og der er ønske om flere ressourcer.
Ledelsen orienterede om den nye organisering af {afd}, som træder i kraft {dag}.
Ændringen forventes at give en besparelse på området fra {aar}.
Kommunen skal efter lovgivningen føre tilsyn med kvaliteten af {ydelse}.
Det anbefales, at borgerne inddrages tidligt i processen.
Leverandøren har leveret varerne i henhold til rammeaftalen.
Fakturaen er kontrolleret og godkendt til betaling af budgetansvarlig.
Beløbet konteres på omkostningssted {afd}.
Betalingsbetingelser: netto 30 dage. Ved for sen betaling tillægges rente efter renteloven.
Bemærk venligst, at vi har ændret bankforbindelse.
Ved spørgsmål til fakturaen bedes De kontakte vores bogholderi.
Planlægningen af byggeriet på {gade} forventes afsluttet i {aar}.
Lokalplanforslaget har været i offentlig høring i otte uger.
Der er indkommet {antal} høringssvar, som er sammenfattet i vedlagte notat.
Klimaplanen indeholder mål for reduktion af CO2-udledningen frem mod 2030.
Skolestrukturen drøftes på et temamøde i {maaned}.
Elevtallet på {inst} forventes at falde med {antal} elever over de næste fem år.
Formanden takkede for et godt møde.
Referatet blev godkendt og underskrevet.""".split("\n")

CPR_LABELS = ["CPR-nr.", "cpr:", "CPR nr.", "personnummer", "Personnr.", "CPR:", "cpr.nr.",
              "CPR-nummer", "cpr-nr:", "CPR"]
CPR_EVENTS = [
    "Borgerens {label} {cpr} er kontrolleret i CPR-registret.",
    "{navn} ({label} {cpr}) har fået bevilget {ydelse}.",
    "Vedr. {navn}, {label} {cpr}.",
    "Barnets {label} {cpr}",
    "Ægtefællens {label} er {cpr}.",
    "Sagen er oprettet på {label} {cpr}.",
    "{navn}, {cpr}, bosat {adresse}.",
    "Der er foretaget opslag på {cpr} i forbindelse med sagen.",
    "{relation}: {navn}, {label} {cpr}",
    "Henvendelse fra {navn} ({cpr}) om {ydelse}.",
    "{label} {cpr}",
]
EMAIL_EVENTS = [
    "Borgeren kan kontaktes på {email}.",
    "Kopi er sendt til {email}.",
    "Spørgsmål kan rettes til {navn} på {email}.",
    "E-mail: {email}",
    "{navn} <{email}>",
    "Mail modtaget fra {email} {dag}.",
    "Svar sendt til {email} via sikker mail.",
    "Kontaktperson: {navn}, {email}",
    "mailto:{email}",
]
PHONE_EVENTS = [
    "Tlf. {tlf}",
    "Borgeren ringede fra {tlf}.",
    "Kan træffes på {tlf} mellem kl. 9 og 12.",
    "{relation} kan kontaktes på {tlf}.",
    "Mobil: {tlf}",
    "Ring venligst på {tlf}, hvis aftalen skal ændres.",
]
DATE_EVENTS = [
    "Mødet er fastsat til {dato} kl. 10.00.",
    "Ansøgningen blev modtaget {dato}.",
    "Frist for bemærkninger: {dato}",
    "Bevillingen gælder fra {dato} og revurderes senest {dato2}.",
    "Lægeerklæring dateret {dato}.",
    "Sidst opdateret {dato}.",
    "Indlagt {dato}, udskrevet {dato2}.",
]
AMOUNT_EVENTS = [
    "Der er bevilget {kr}.",
    "Udgiften udgør {kr} årligt.",
    "Husleje: {kr} pr. måned.",
    "Borgerens samlede indtægt er opgjort til {kr}.",
    "Tilbagebetalingskravet udgør {kr}.",
    "Budgettet for området er {kr}, og forbruget er {kr2}.",
]
ADDRESS_EVENTS = [
    "Borgeren er flyttet til {adresse}.",
    "Ny adresse: {adresse}",
    "Hjemmebesøg på adressen {adresse}.",
    "Post sendes til {adresse}.",
]
DECOY_EVENTS = [
    "jf. Fakturanr. {fnr}",
    "Fakturanr.: {fnr}",
    "Ordrenr. {fnr}",
    "Betales til reg.nr. {reg} kontonr. {fnr}.",
    "Kundenr. {fnr}",
    "Journalnr. {kle}",
    "CVR-nr. {cvr}",
    "EAN-nr. {ean}",
]
BESLUTNINGER = ["Beslutning: Godkendt.", "Beslutning: Taget til efterretning.",
                "Beslutning: Udsat.", "Beslutning: Indstillingen blev godkendt med 7 stemmer mod 2.",
                "Beslutning: Oversendt til Økonomiudvalget.", "Beslutning: Drøftet."]
PUNKTER = ["Godkendelse af dagsorden", "Budgetopfølgning", "Orientering fra formanden",
           "Kvalitetsstandard for hjemmehjælp", "Tilsynsrapporter", "Lukket punkt: Personsag",
           "Høring om skolestruktur", "Status på sygefravær", "Eventuelt",
           "Takstblad for det kommende år", "Lokalplan for boligområde ved åen",
           "Klage over afgørelse om merudgifter", "Ansøgning om puljemidler",
           "Evaluering af forsøgsordning", "Databeskyttelse og informationssikkerhed"]
LOG_MSGS = ["login OK", "logout", "visning af sag {sag}", "udskrift af dokument {dok}",
            "ændring af stamdata", "søgning i journal", "eksport til Excel", "åbn dokument {dok}",
            "fejl: timeout ved kald til Serviceplatformen", "session udløbet",
            "adgang nægtet til sag {sag}", "dokument journaliseret {dok}", "brev sendt via Digital Post"]


# --------------------------------------------------------------------------------------
# Identifier formatters: each call plants one identifier and counts it.
# --------------------------------------------------------------------------------------

DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MOD11_W = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
CPR_SHAPE = re.compile(r"[0-3]\d[01]\d{3}\d{4}")  # what the rg pattern matches (no separator)
FORMATS = ("dash", "plain", "space")
# Per class of planted CPR: (detector, kind, note) for truth.jsonl.
CPR_TRUTH = {
    "cpr_mod11_valid": ("dk.cpr", "positive", ""),
    "cpr_replacement": ("dk.cpr_replacement", "positive", "replacement number: day + 60"),
    "cpr_mod11_invalid": ("dk.cpr", "ambiguous", "fails mod-11 on a date CPR-kontoret does not list"),
}
# Where a planted identifier can stand in a text: a CPR in any of its three forms, or the
# domain half of an e-mail address (the local part is walked back to by hand: a regex that
# starts at any letter costs forty times more than one that starts at "@").
PLANTED_DIGITS = re.compile(r"\d{6}[- ]?\d{4}")
PLANTED_DOMAIN = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
EMAIL_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
STATS_KEYS = ["cpr", "cpr_dash", "cpr_plain", "cpr_space", "cpr_mod11_valid",
              "cpr_mod11_invalid", "cpr_replacement", "email", "phone", "date", "amount",
              "address", "decoy_10digit", "decoy_cpr_shaped", "cvr_ean_kle"]


def translit(s):
    return (s.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
            .replace("é", "e").replace(" ", "").replace("-", ""))


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.st = dict.fromkeys(STATS_KEYS, 0)
        self.file_cpr_format = "dash"
        # shown text -> (detector, normalised value, kind, note): every identifier made,
        # looked up again in each file's final text (truth_items). Never touches self.rng.
        self.truth = {}

    # --- people and places -------------------------------------------------------------
    def fornavn(self):
        return self.rng.choice(FORNAVNE)

    def navn(self):
        r = self.rng
        if r.random() < 0.15:
            return f"{r.choice(FORNAVNE)} {r.choice(FORNAVNE)} {r.choice(EFTERNAVNE)}"
        return f"{r.choice(FORNAVNE)} {r.choice(EFTERNAVNE)}"

    def adresse(self, count=True):
        r = self.rng
        if count:
            self.st["address"] += 1
        nr = r.randint(1, 180)
        etage = ""
        if r.random() < 0.4:
            etage = f", {r.choice(['st.', '1.', '2.', '3.', '4.'])} {r.choice(['tv.', 'th.', 'mf.'])}"
        postnr, by = r.choice(BYER)
        return f"{r.choice(GADER)} {nr}{etage}, {postnr} {by}"

    # --- identifiers ---------------------------------------------------------------------
    def cpr(self, fmt=None, years=(1930, 2023)):
        r = self.rng
        st = self.st
        st["cpr"] += 1
        year = r.randint(*years)
        month = r.randint(1, 12)
        dim = DAYS_IN_MONTH[month - 1]
        if month == 2 and year % 4 == 0:
            dim = 29
        day = r.randint(1, dim)
        yy = year % 100
        # 7th digit encodes the century (CPR-kontoret's table)
        if year < 2000:
            d7 = r.choice((0, 1, 2, 3, 4, 9) if year >= 1937 else (0, 1, 2, 3))
        else:
            d7 = r.choice((4, 9, 5, 6, 7, 8)) if year <= 2036 else r.randint(5, 8)
        u = r.random()
        if u < 0.01:                          # erstatningspersonnummer: day + 60
            cls = "cpr_replacement"
            day += 60
            s = f"{d7}{r.randint(0, 999):03d}"
        else:
            digits = [day // 10, day % 10, month // 10, month % 10, yy // 10, yy % 10, d7]
            if u < 0.92:                      # mod-11 valid
                while True:
                    a, b = r.randint(0, 9), r.randint(0, 9)
                    dd = digits + [a, b]
                    c = (-sum(w * d for w, d in zip(MOD11_W, dd))) % 11
                    if c < 10:
                        break
                cls = "cpr_mod11_valid"
            else:                             # post-2007 style: not mod-11
                while True:
                    a, b, c = r.randint(0, 9), r.randint(0, 9), r.randint(0, 9)
                    dd = digits + [a, b, c]
                    if sum(w * d for w, d in zip(MOD11_W, dd)) % 11:
                        break
                cls = "cpr_mod11_invalid"
            s = f"{d7}{a}{b}{c}"
        if fmt is None:
            fmt = self.file_cpr_format if r.random() < 0.8 else r.choice(FORMATS)
        st["cpr_" + fmt] += 1
        st[cls] += 1
        self.last_cpr = (fmt, cls)
        head = f"{day:02d}{month:02d}{yy:02d}"
        shown = f"{head}-{s}" if fmt == "dash" else head + s if fmt == "plain" else f"{head} {s}"
        self.truth[shown] = CPR_TRUTH[cls] + (head + s,)
        return shown

    def count_cpr(self, fmt_cls, delta):
        fmt, cls = fmt_cls
        self.st["cpr"] += delta
        self.st["cpr_" + fmt] += delta
        self.st[cls] += delta

    def reuse_cpr(self, meta):
        """The CPR of the folder's citizen, counted as planted again, or None."""
        if meta.get("cpr"):
            self.count_cpr(meta["cpr_cls"], +1)
            return meta["cpr"]
        return None

    def email(self, navn=None):
        r = self.rng
        self.st["email"] += 1
        if navn is None:
            navn = self.navn()
        parts = [translit(p) for p in navn.split()]
        f, l = parts[0], parts[-1]
        u = r.random()
        if u < 0.35:
            dom = r.choice(PRIVATE_DOMAENER)
            local = r.choice((f"{f}.{l}", f"{f}{l}", f"{f}{r.randint(1, 99)}", f"{f}_{l}",
                              f"{f}.{l}{r.randint(50, 99)}", f"{f[0]}{l}"))
        elif u < 0.8:
            dom = r.choice(KOMMUNE_DOMAENER)
            local = r.choice((f"{f}.{l}", f"{f[:2]}{l[:2]}", f"{f[0]}{l[:3]}{r.randint(1, 9)}"))
        else:
            dom = r.choice(ORG_DOMAENER)
            local = r.choice((f"{f}.{l}", f"{f}", "post", "info", "sikkerpost", "kontakt"))
        shown = f"{local}@{dom}"
        self.truth[shown] = ("email", "positive", "", shown.lower())
        return shown

    def tlf(self):
        r = self.rng
        self.st["phone"] += 1
        d = f"{r.randint(2, 9)}{r.randint(0, 9999999):07d}"
        u = r.random()
        if u < 0.35:
            return f"+45 {d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
        if u < 0.6:
            return f"tlf. {d}"
        if u < 0.85:
            return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
        return f"+45{d}"

    def dato(self, year=None, month=None):
        r = self.rng
        self.st["date"] += 1
        y, m, d = year or r.randint(2005, 2024), month or r.randint(1, 12), r.randint(1, 28)
        u = r.random()
        if u < 0.6:
            return f"{d:02d}-{m:02d}-{y}"
        if u < 0.75:
            return f"{d:02d}.{m:02d}.{y}"
        if u < 0.85:
            return f"{y}-{m:02d}-{d:02d}"
        return f"{d}. {MAANEDER[m - 1]} {y}"

    def kr(self):
        r = self.rng
        self.st["amount"] += 1
        v = int(math.exp(r.uniform(3.0, 13.5)))
        kr = f"{v:,}".replace(",", ".")
        u = r.random()
        if u < 0.6:
            return f"{kr},{r.choice(('00', '00', '50', '25', str(r.randint(10, 99))))} kr."
        if u < 0.8:
            return f"kr. {kr},-"
        return f"DKK {kr},{r.randint(0, 99):02d}"

    def fnr(self):
        """10-digit decoy (invoice/order/account number)."""
        r = self.rng
        self.st["decoy_10digit"] += 1
        s = f"{r.randint(0, 9999999999):010d}"
        if CPR_SHAPE.fullmatch(s):
            self.st["decoy_cpr_shaped"] += 1
            self.truth[s] = ("dk.cpr", "decoy", "10-digit invoice, order or account number after its label", s)
        return s

    def cvr(self):
        self.st["cvr_ean_kle"] += 1
        return f"{self.rng.randint(10000000, 99999999)}"

    def ean(self):
        self.st["cvr_ean_kle"] += 1
        return f"5798{self.rng.randint(0, 999999999):09d}"

    def kle(self):
        r = self.rng
        self.st["cvr_ean_kle"] += 1
        return f"{r.randint(0, 99):02d}.{r.randint(0, 99):02d}.{r.randint(0, 99):02d}-{r.choice('PGAK')}{r.randint(10, 30)}-{r.randint(1, 40)}-{r.randint(10, 24)}"

    # --- event sentences -----------------------------------------------------------------
    def ev_cpr(self):
        r = self.rng
        t = r.choice(CPR_EVENTS)
        return t.format(label=r.choice(CPR_LABELS), cpr=self.cpr(), navn=self.navn(),
                        ydelse=r.choice(YDELSER), relation=r.choice(RELATIONER).capitalize(),
                        adresse=self.adresse(count=False) if "{adresse}" in t else "")

    def ev_email(self):
        r = self.rng
        n = self.navn()
        return r.choice(EMAIL_EVENTS).format(email=self.email(n), navn=n, dag=dag(r))

    def ev_phone(self):
        r = self.rng
        return r.choice(PHONE_EVENTS).format(tlf=self.tlf(), relation=r.choice(RELATIONER).capitalize())

    def ev_date(self):
        t = self.rng.choice(DATE_EVENTS)
        return t.format(dato=self.dato(), dato2=self.dato() if "{dato2}" in t else "")

    def ev_amount(self):
        t = self.rng.choice(AMOUNT_EVENTS)
        return t.format(kr=self.kr(), kr2=self.kr() if "{kr2}" in t else "").replace("kr..", "kr.")

    def ev_address(self):
        return self.rng.choice(ADDRESS_EVENTS).format(adresse=self.adresse())

    def ev_decoy(self):
        r = self.rng
        t = r.choice(DECOY_EVENTS)
        return t.format(fnr=self.fnr() if "{fnr}" in t else "", reg=f"{r.randint(1000, 9899)}",
                        kle=self.kle() if "{kle}" in t else "", cvr=self.cvr() if "{cvr}" in t else "",
                        ean=self.ean() if "{ean}" in t else "")


def dag(r):
    return f"den {r.randint(1, 28)}. {r.choice(MAANEDER)}"


# --------------------------------------------------------------------------------------
# Paragraph pools
# --------------------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")


def fill(r, tpl):
    def pick(m):
        k = m.group(1)
        if k == "fornavn":
            return r.choice(FORNAVNE)
        if k == "efternavn":
            return r.choice(EFTERNAVNE)
        if k in ("sb", "navn"):
            return f"{r.choice(FORNAVNE)} {r.choice(EFTERNAVNE)}"
        if k == "afd":
            return r.choice(AFDELINGER)
        if k == "ydelse":
            return r.choice(YDELSER)
        if k == "lov":
            return r.choice(LOVE)
        if k == "diagnose":
            return r.choice(DIAGNOSER)
        if k == "relation":
            return r.choice(RELATIONER)
        if k == "inst":
            return r.choice(INSTITUTIONER)
        if k == "udvalg":
            return r.choice(UDVALG)
        if k == "stilling":
            return r.choice(STILLINGER)
        if k == "by":
            return r.choice(BYER)[1]
        if k == "gade":
            return r.choice(GADER)
        if k == "maaned":
            return r.choice(MAANEDER)
        if k == "ugedag":
            return r.choice(UGEDAGE)
        if k == "dag":
            return dag(r)
        if k == "dagnr":
            return str(r.randint(1, 28))
        if k == "tidspunkt":
            return r.choice(("8.30", "9.00", "10.00", "13.00", "14.30", "16.00"))
        if k == "antal":
            return str(r.randint(2, 30))
        if k == "uge":
            return str(r.randint(1, 52))
        if k == "aar":
            return str(r.randint(2008, 2025))
        if k == "pct":
            return str(r.randint(2, 18))
        if k == "system":
            return r.choice(SYSTEMER)
        raise KeyError(k)
    s = SLOT.sub(pick, tpl)
    return s[0].upper() + s[1:]


class Pool:
    """Pre-built paragraphs, plain (one line each) and wrapped at 76 columns."""

    def __init__(self, r, templates, n):
        self.plain = []
        for _ in range(n):
            k = r.choice((2, 3, 3, 4, 4, 5, 6, 8))
            self.plain.append(" ".join(fill(r, t) for t in r.sample(templates, k)))
        self.wrapped = [textwrap.fill(p, 76) for p in self.plain]
        self.avg = sum(len(p) for p in self.plain) / n + 2


# --------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------

def poisson(r, lam):
    if lam <= 0:
        return 0
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= r.random()
            if p <= limit:
                return k
            k += 1
    return max(0, int(r.gauss(lam, math.sqrt(lam)) + 0.5))


# Events per KiB of prose, by document kind.
BASE_RATES = {"email": 1 / 3.2, "phone": 1 / 9.0, "date": 1 / 3.0, "amount": 1 / 7.0,
              "address": 1 / 16.0, "decoy": 1 / 40.0}
CPR_RATE = {"brev": 0.0, "notat": 1 / 24.0, "referat": 1 / 24.0, "faktura": 0.0,
            "personale": 1 / 64.0, "rapport": 0.0, "journal": 1 / 48.0, "liste": 0.0, "log": 0.0}


class Doc:
    def __init__(self, g, r, pools):
        self.g, self.r, self.pools = g, r, pools

    def prose(self, pool, nbytes, wrapped):
        r = self.r
        n = max(1, int(nbytes / pool.avg + 0.5))
        return r.choices(pool.wrapped if wrapped else pool.plain, k=n)

    def plant(self, paras, nbytes, rates, wrapped):
        """Insert identifier sentences into random paragraphs (Poisson counts)."""
        r, g = self.r, self.g
        sep = "\n" if wrapped else " "
        n = len(paras)
        kib = nbytes / KIB
        for name, rate in rates.items():
            k = poisson(r, kib * rate)
            ev = getattr(g, "ev_" + name)
            for _ in range(k):
                i = r.randrange(n)
                if r.random() < 0.5:
                    paras[i] = paras[i] + sep + ev()
                else:
                    paras[i] = ev() + sep + paras[i]

    # ----- kinds ---------------------------------------------------------------------------
    def notat(self, size, wrapped, meta):
        g, r = self.g, self.r
        n = meta["citizen"]
        head = ["NOTAT" if r.random() < 0.5 else "Journalnotat", "",
                f"Sagsnr.: {meta['sagsnr']}",
                f"Dato: {g.dato(meta['year'])}",
                f"Sagsbehandler: {g.navn()}, {r.choice(AFDELINGER)}"]
        if r.random() < 0.75:
            head.append(f"Vedr.: {n}, {r.choice(CPR_LABELS)} {g.reuse_cpr(meta) or g.cpr()}")
        else:
            head.append(f"Vedr.: {n}")
        if r.random() < 0.5:
            head.append(f"Adresse: {g.adresse()}")
        head += ["", f"Emne: {r.choice(EMNER)}", ""]
        body = self.prose(self.pools["sag"], size, wrapped)
        rates = dict(BASE_RATES, cpr=CPR_RATE["notat"])
        self.plant(body, size, rates, wrapped)
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n"

    def brev(self, size, wrapped, meta):
        g, r = self.g, self.r
        n = meta["citizen"]
        postnr, by = r.choice(BYER)
        head = [f"{KOMMUNE_NAVN.get(by, by.split()[0])} Kommune", r.choice(AFDELINGER),
                f"Rådhuspladsen {r.randint(1, 20)}", f"{postnr} {by}", "",
                n, *g.adresse().split(", ", 1), "",
                f"Dato: {g.dato(meta['year'])}", f"Sagsnr.: {meta['sagsnr']}"]
        if r.random() < 0.6:
            head.append(f"Deres {r.choice(CPR_LABELS)} {g.reuse_cpr(meta) or g.cpr()}")
        head += ["", f"{r.choice(('Afgørelse om', 'Vedrørende', 'Partshøring om', 'Kvittering for ansøgning om'))} {r.choice(YDELSER)}",
                 "", f"Kære {n}", ""]
        body = self.prose(self.pools["sag"], size, wrapped)
        self.plant(body, size, dict(BASE_RATES, cpr=CPR_RATE["brev"]), wrapped)
        sb = g.navn()
        tail = ["", "Med venlig hilsen", "", sb, r.choice(STILLINGER).capitalize(),
                f"Direkte {g.tlf()}", f"E-mail: {g.email(sb)}"]
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n" + "\n".join(tail) + "\n"

    def referat(self, size, wrapped, meta):
        g, r = self.g, self.r
        udv = meta["udvalg"]
        deltagere = [g.navn() for _ in range(r.randint(4, 9))]
        head = ["REFERAT", udv, f"Mødedato: {meta['iso_dk']} kl. {r.choice(('8.30', '15.00', '16.00', '17.00'))}",
                f"Sted: Mødelokale {r.randint(1, 12)}, Rådhuset",
                "Deltagere: " + ", ".join(deltagere), f"Afbud: {g.navn()}",
                f"Referent: {g.navn()} ({g.email()})", ""]
        body = self.prose(self.pools["adm"], size, wrapped)
        self.plant(body, size, dict(BASE_RATES, cpr=CPR_RATE["referat"]), wrapped)
        out, punkt = [], 1
        for i, p in enumerate(body):
            if i % 3 == 0:
                if i:
                    out.append(r.choice(BESLUTNINGER))
                out.append(f"Punkt {punkt}. {r.choice(PUNKTER)}")
                punkt += 1
            out.append(p)
        out.append(r.choice(BESLUTNINGER))
        return "\n".join(head) + "\n" + "\n\n".join(out) + "\n"

    def rapport(self, size, wrapped, meta):
        g, r = self.g, self.r
        title = r.choice((f"Kvalitetsstandard for {r.choice(YDELSER)} {r.randint(2010, 2025)}",
                          f"Vejledning om {r.choice(EMNER).lower()}",
                          f"Budgetnotat {r.randint(2010, 2025)} – {r.choice(AFDELINGER)}",
                          f"Tilsynsrapport {r.choice(INSTITUTIONER)}",
                          "Retningslinjer for behandling af personoplysninger",
                          f"Årsrapport {r.randint(2010, 2024)}, {r.choice(AFDELINGER)}"))
        head = [title, "=" * min(len(title), 76), "", f"Udarbejdet af {r.choice(AFDELINGER)}, {g.dato()}", ""]
        pool = self.pools["adm" if r.random() < 0.7 else "sag"]
        body = self.prose(pool, size, wrapped)
        rates = dict(BASE_RATES, email=1 / 4.0, phone=1 / 16.0, address=1 / 48.0)
        if r.random() < 0.25:   # a report with a case appendix
            rates["cpr"] = 1 / 24.0
        self.plant(body, size, rates, wrapped)
        out = []
        sec = 1
        for i, p in enumerate(body):
            if i % 5 == 0:
                out.append(f"{sec}. {r.choice(PUNKTER)}")
                sec += 1
            out.append(p)
        return "\n".join(head) + "\n" + "\n\n".join(out) + "\n"

    def personale(self, size, wrapped, meta):
        g, r = self.g, self.r
        n = meta["person"]
        g.count_cpr(meta["cpr_cls"], +1)   # the employee's CPR is repeated in every file of the folder
        g.st["amount"] += 1
        head = [meta["title"], "",
                f"Medarbejder: {n}", f"{r.choice(('Personnummer', 'CPR-nr.', 'Personnr.'))}: {meta['cpr']}",
                f"Adresse: {g.adresse()}", f"Privat tlf.: {g.tlf()}", f"Privat e-mail: {g.email(n)}",
                f"Stilling: {meta['stilling']}", f"Afdeling: {meta['afdeling']}",
                f"Ansættelsesdato: {g.dato(meta['year'])}",
                f"Løn: {r.randint(24, 58)}.{r.randint(0, 99) * 10:03d},00 kr. pr. måned",
                f"Lønkonto: reg.nr. {r.randint(1000, 9899)} kontonr. {g.fnr()}", ""]
        body = self.prose(self.pools["sag" if r.random() < 0.5 else "adm"], size, wrapped)
        self.plant(body, size, dict(BASE_RATES, cpr=CPR_RATE["personale"]), wrapped)
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n"

    def faktura(self, size, wrapped, meta):
        g, r = self.g, self.r
        out, total = [], 0
        items = self.pools["items"]
        while total < size:
            lev = r.choice(LEVERANDOERER)
            lines = [r.choice(("FAKTURA", "Faktura", "KREDITNOTA")),
                     f"Leverandør: {lev}, CVR-nr. {g.cvr()}",
                     f"Fakturanr.: {g.fnr()}", f"Ordrenr.: {g.fnr()}",
                     f"Fakturadato: {g.dato(meta['year'], meta['month'])}   Forfaldsdato: {g.dato(meta['year'], meta['month'] % 12 + 1)}",
                     f"EAN-nr.: {g.ean()}   Att.: {g.navn()}, {r.choice(AFDELINGER)}", ""]
            k = r.randint(1, 6)
            lines += r.choices(items, k=k)
            g.st["amount"] += 2 * k
            lines += ["", f"I alt ekskl. moms: {g.kr()}", f"Moms 25 %: {g.kr()}", f"I alt: {g.kr()}",
                      f"Betales til reg.nr. {r.randint(1000, 9899)} kontonr. {g.fnr()}"]
            if r.random() < 0.4:
                lines.append(r.choice(self.pools["adm"].wrapped if wrapped else self.pools["adm"].plain))
            if r.random() < 0.3:
                lines.append(f"Spørgsmål: {g.email()} / {g.tlf()}")
            block = "\n".join(lines) + "\n\n" + ("-" * 60) + "\n\n"
            out.append(block)
            total += len(block)
        return "".join(out)

    def liste(self, size, wrapped, meta):
        """Citizen list: dense CPR, one row per person."""
        g, r = self.g, self.r
        style = r.choice(("csv", "csv", "numbered", "tab"))
        head = [f"Oversigt over borgere med {r.choice(YDELSER)} pr. {meta['iso_dk']}",
                "FORTROLIGT – indeholder personoplysninger. Må ikke videregives.", ""]
        if style == "csv":
            head.append("Navn;CPR-nr.;Adresse;Postnr.;By;Telefon;E-mail")
        elif style == "tab":
            head.append("CPR\tEfternavn\tFornavn\tPostnr\tBemærkning")
        rows, total, i = [], 0, 0
        while total < size:
            i += 1
            n = g.navn()
            c = g.cpr()
            if style == "csv":
                postnr, by = r.choice(BYER)
                tl = g.tlf() if r.random() < 0.6 else ""
                em = g.email(n) if r.random() < 0.45 else ""
                row = f"{n};{c};{r.choice(GADER)} {r.randint(1, 180)};{postnr};{by};{tl};{em}"
            elif style == "numbered":
                row = f"{i}. {n}, {r.choice(CPR_LABELS)} {c}, {g.adresse()}"
                if r.random() < 0.5:
                    row += f", {g.tlf()}"
            else:
                parts = n.split()
                row = f"{c}\t{parts[-1]}\t{parts[0]}\t{r.choice(BYER)[0]}\t{r.choice(YDELSER)}"
            rows.append(row)
            total += len(row) + 1
        return "\n".join(head) + "\n" + "\n".join(rows) + "\n"

    def journal(self, size, wrapped, meta):
        """Journal extract: many short entries, each about one citizen."""
        g, r = self.g, self.r
        pool = self.pools["sag"]
        src = pool.wrapped if wrapped else pool.plain
        out, total = [f"Journaludtræk fra {r.choice(SYSTEMER)} – {r.choice(AFDELINGER)}, {meta['year']}", ""], 0
        sb = [g.navn() for _ in range(6)]
        while total < size:
            k = r.choice((1, 1, 2, 2, 3))
            paras = r.choices(src, k=k)
            hdr = f"=== {g.dato(meta['year'])} {r.randint(7, 16):02d}.{r.randint(0, 59):02d} – {r.choice(sb)} ==="
            who = f"Borger: {g.navn()} ({r.choice(CPR_LABELS)} {g.cpr()})" if r.random() < 0.3 else f"Borger: {g.navn()}"
            est = sum(len(p) for p in paras) + len(hdr) + len(who)
            self.plant(paras, est, dict(BASE_RATES, cpr=CPR_RATE["journal"]), wrapped)
            block = hdr + "\n" + who + "\n" + "\n\n".join(paras) + "\n\n"
            out.append(block)
            total += len(block)
        return "\n".join(out[:2]) + "".join(out[2:])

    def log(self, size, wrapped, meta):
        """Access log: one line per event, some with CPR look-ups."""
        g, r = self.g, self.r
        system = meta["system"]
        users = [translit(g.fornavn())[:3] + str(r.randint(1, 99)) for _ in range(40)]
        n = max(1, size // 96)
        msgs = r.choices(self.pools["logmsgs"], k=n)
        us = r.choices(users, k=n)
        steps = r.choices((1, 2, 3, 5, 8, 13, 30, 60), k=n)
        y, m, d = meta["date"]
        t = r.randint(6 * 3600, 9 * 3600)
        k_cpr, k_mail = poisson(r, n / 48), poisson(r, n / 60)    # CPR look-ups, mails
        where = r.sample(range(n), min(n, k_cpr + k_mail))         # distinct lines
        for j, i in enumerate(where):
            if j < k_cpr:
                msgs[i] = f"INFO opslag cpr={g.cpr('plain' if r.random() < 0.7 else 'dash')} resultat=OK"
            else:
                msgs[i] = f"INFO mail sendt til {g.email()}"
        lines = []
        for i in range(n):
            t += steps[i]
            if t >= 86400:
                t -= 86400
                d += 1
                if d > 28:
                    d, m = 1, m % 12 + 1
            h, rest = divmod(t, 3600)
            mi, s = divmod(rest, 60)
            lines.append(f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d} [{system}] bruger={us[i]} {msgs[i]}")
        return "\n".join(lines) + "\n"


def build_pools(r):
    pools = {"sag": Pool(r, SAG_SAETNINGER, 3000), "adm": Pool(r, ADM_SAETNINGER, 2000)}
    items = []
    for _ in range(2000):
        q = r.randint(1, 40)
        v = int(math.exp(r.uniform(2.5, 9)))
        unit, tot = f"{v:,}".replace(",", "."), f"{q * v:,}".replace(",", ".")
        items.append(f"  {q:>3} stk. {r.choice(VARER):<38} á {unit},00 kr.  {tot:>10},00 kr.")
    pools["items"] = items
    msgs = []
    for _ in range(3000):
        m = r.choice(LOG_MSGS).format(sag=f"{r.randint(2010, 2024)}-{r.randint(1, 99999):05d}",
                                      dok=f"D{r.randint(100000, 999999)}")
        lvl = "WARN" if m.startswith(("fejl", "adgang")) else "INFO"
        msgs.append(f"{lvl} {m}")
    pools["logmsgs"] = msgs
    return pools


# --------------------------------------------------------------------------------------
# Tree layout
# --------------------------------------------------------------------------------------

def pick_kind(r, size):
    if size < 8 * KIB:
        table = (("brev", 35), ("notat", 35), ("faktura", 8), ("personale", 12), ("liste", 3), ("rapport", 7))
    elif size < 64 * KIB:
        table = (("notat", 25), ("brev", 8), ("referat", 20), ("faktura", 8), ("personale", 6),
                 ("rapport", 20), ("liste", 6), ("log", 4), ("journal", 3))
    elif size < 512 * KIB:
        table = (("referat", 15), ("rapport", 38), ("journal", 10), ("faktura", 10), ("log", 7),
                 ("liste", 0.3), ("notat", 17))
    elif size < 4 * MIB:
        table = (("rapport", 45), ("journal", 12), ("log", 10), ("faktura", 12), ("referat", 19),
                 ("liste", 0.07))
    else:
        table = (("journal", 40), ("log", 35), ("rapport", 25))
    total = sum(w for _, w in table)
    x = r.random() * total
    for k, w in table:
        x -= w
        if x < 0:
            return k
    return table[-1][0]


class Layout:
    """Chooses folders and file names; a folder takes several files, then a new one is opened.

    Each folder carries metadata (year, case number, the citizen or employee it is about, ...)
    that the files in it share.
    """

    def __init__(self, r, g):
        self.r, self.g = r, g
        self.open = {}     # kind -> [folder, files left, meta]
        self.used = {}     # relative path -> True

    def folder(self, kind):
        r, g = self.r, self.g
        cur = self.open.get(kind)
        if cur and cur[1] > 0:
            cur[1] -= 1
            return cur[0], cur[2]
        y = r.randint(2008, 2024)
        meta = {"year": y}
        if kind in ("notat", "brev"):
            kind = "sag"
            cur = self.open.get(kind)
            if cur and cur[1] > 0:
                cur[1] -= 1
                return cur[0], cur[2]
            citizen = g.navn()
            meta.update(citizen=citizen, sagsnr=f"{y}-{r.randint(1, 99999):05d}",
                        cpr=g.cpr() if r.random() < 0.5 else None)
            if meta["cpr"]:
                meta["cpr_cls"] = g.last_cpr
                g.count_cpr(g.last_cpr, -1)   # counted each time a file prints it
            parts = ["Sager", str(y), f"{meta['sagsnr']} {citizen.split()[-1]}, {r.choice(EMNER)}"]
            if r.random() < 0.3:
                parts.append(r.choice(("Korrespondance", "Notater", "Bilag", "Afgørelser")))
            n = r.randint(1, 12)
        elif kind == "personale":
            person = g.navn()
            cpr = g.cpr(years=(1955, 2002))
            meta["cpr_cls"] = g.last_cpr
            g.count_cpr(g.last_cpr, -1)
            meta.update(person=person, cpr=cpr,
                        stilling=r.choice(STILLINGER), afdeling=r.choice(AFDELINGER))
            parts = ["Personale", meta["afdeling"], person]
            n = r.randint(1, 8)
        elif kind == "liste":
            parts = ["Borgerservice", r.choice(AFDELINGER), "Lister", str(y)]
            n = r.randint(2, 10)
        elif kind == "journal":
            parts = [r.choice(("Borgerservice", "Sager")), "Journaludtræk", str(y)]
            n = r.randint(2, 10)
        elif kind == "log":
            meta["system"] = r.choice(SYSTEMER)
            parts = ["IT", "Logfiler", meta["system"], str(y)]
            n = r.randint(5, 30)
        elif kind == "referat":
            meta["udvalg"] = r.choice(UDVALG)
            parts = ["Udvalg", meta["udvalg"], "Referater", str(y)]
            n = r.randint(4, 15)
        elif kind == "faktura":
            meta["month"] = m = r.randint(1, 12)
            parts = ["Økonomi", "Kreditorer", str(y), f"{m:02d} {MAANEDER[m - 1]}"]
            n = r.randint(5, 25)
        else:
            parts = [r.choice(("Fælles", "Politik og Strategi", "Teknik og Miljø", "Skole og Dagtilbud")),
                     r.choice(("Vejledninger", "Rapporter", "Kvalitetsstandarder", "Budget", "Tilsyn")),
                     r.choice(AFDELINGER)]
            n = r.randint(3, 20)
        path = "/".join(parts)
        self.open[kind] = [path, n - 1, meta]
        return path, meta

    def filename(self, kind, meta):
        r = self.r
        y, m, d = meta["year"], meta.get("month") or r.randint(1, 12), r.randint(1, 28)
        meta["date"] = (y, m, d)
        meta["iso_dk"] = f"{d:02d}-{m:02d}-{y}"
        self.g.st["date"] += 1 if kind in ("referat", "liste") else 0
        iso = f"{y}-{m:02d}-{d:02d}"
        if kind == "notat":
            name = r.choice((f"Notat {iso} {r.choice(EMNER).lower()}", f"Sagsnotat_{r.randint(1, 9999)}",
                             f"Journalnotat - {r.choice(EMNER).lower()}", f"Telefonnotat {iso}"))
        elif kind == "brev":
            name = r.choice((f"Brev til borger {iso}", f"Afgørelse om {r.choice(YDELSER)}", "Partshøring",
                             "Kvittering for ansøgning", f"Indkaldelse til samtale {iso}"))
        elif kind == "referat":
            name = f"Referat {iso}"
        elif kind == "faktura":
            name = r.choice((f"Faktura {r.randint(100000, 999999)}", f"Fakturaudtræk {y}-{m:02d}"))
        elif kind == "liste":
            name = r.choice((f"Borgerliste {r.choice(YDELSER)} {y}", f"Udtræk_{y}{m:02d}{d:02d}", "Deltagerliste"))
            return name + (".csv" if r.random() < 0.6 else ".txt")
        elif kind == "journal":
            name = f"Journaludtræk {iso}"
        elif kind == "log":
            return f"adgangslog-{y}{m:02d}{d:02d}.log"
        elif kind == "personale":
            meta["title"] = r.choice(("Ansættelseskontrakt", "Lønseddel", "Sygefraværssamtale", "MUS-samtale",
                                      "Advarsel", "Opsigelse"))
            name = f"{meta['title']} {iso}"
        else:
            name = r.choice((f"Kvalitetsstandard {r.choice(YDELSER)} {y}", f"Vejledning om {r.choice(EMNER).lower()}",
                             f"Budgetnotat {y}", f"Tilsynsrapport {iso}", f"Årsrapport {y}"))
        return name + ".txt"

    def path(self, kind):
        folder, meta = self.folder(kind)
        meta = dict(meta)
        name = self.filename(kind, meta)
        rel = f"{folder}/{name}"
        if rel in self.used:
            stem, dot, ext = name.rpartition(".")
            i = 2
            while f"{folder}/{stem} ({i}).{ext}" in self.used:
                i += 1
            rel = f"{folder}/{stem} ({i}).{ext}"
        self.used[rel] = True
        return folder, rel, meta


# --------------------------------------------------------------------------------------

def parse_size(s):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)(?:i?[bB])?\s*", s)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {s!r} (use e.g. 512K, 64M, 1G)")
    mult = {"": 1, "k": KIB, "m": MIB, "g": GIB, "t": 1024 * GIB}[m.group(2).lower()]
    v = int(float(m.group(1)) * mult)
    if v < 64 * KIB:
        raise argparse.ArgumentTypeError("size must be at least 64K")
    return v


def planted_shapes(text):
    """Every text that may be a planted identifier, with where it starts: CPR shapes not
    inside a longer digit run, and e-mail addresses."""
    for m in PLANTED_DIGITS.finditer(text):
        a, b = m.span()
        if not (a and text[a - 1].isdigit()) and not (b < len(text) and text[b].isdigit()):
            yield m.group(), a
    for m in PLANTED_DOMAIN.finditer(text):
        a = m.start()
        while a and text[a - 1] in EMAIL_LOCAL_CHARS:
            a -= 1
        yield text[a:m.end()], a


# A replacement number has no check digit of its own (CPR-kontoret), and day+60 numbers are
# common among other references, so dk.cpr_replacement reports one only with one of its
# keywords close by (rules/denmark.toml: within 40 bytes before, 20 after). One that stands
# in a list row far below the header, or in prose with no keyword, is one a fair scanner
# may leave alone: the truth calls it "ambiguous" rather than a miss.
REPLACEMENT_KEYWORDS = re.compile(
    r"(?<![\w])(erstatningspersonnummer|erstatningsnummer|erstatnings-cpr|erstatningscpr|erstatnings cpr|"
    r"erstatning|replacement cpr|replacement number|cpr|cpr-nr|cpr\.nr|cpr nr|cprnr|cpr-nummer|cprnummer|"
    r"personnummer|personnr)(?![^\W\d_])", re.IGNORECASE)
REPLACEMENT_BEFORE, REPLACEMENT_AFTER = 40, 20


def replacement_keyword_near(text, start, end):
    """Whether a keyword of dk.cpr_replacement starts within its window of text[start:end]
    (windows in bytes, as the scanner counts them)."""
    before = text[max(0, start - REPLACEMENT_BEFORE):start]
    while len(before.encode("utf-8")) > REPLACEMENT_BEFORE:
        before = before[1:]
    if REPLACEMENT_KEYWORDS.search(before):
        return True
    after = text[end:end + REPLACEMENT_AFTER + 40]
    for m in REPLACEMENT_KEYWORDS.finditer(after):
        return len(after[:m.start()].encode("utf-8")) <= REPLACEMENT_AFTER
    return False


def truth_items(g, rel, text):
    """The truth.jsonl lines for one file: each planted identifier found in its text, once."""
    items = {}  # (detector, value) -> item, in the order first seen
    for shown, start in planted_shapes(text):
        planted = g.truth.get(shown)
        if planted is None:
            continue
        detector, kind, note, value = planted
        if detector == "dk.cpr_replacement" and not replacement_keyword_near(text, start, start + len(shown)):
            kind, note = "ambiguous", "replacement number with no keyword within its window"
        item = items.get((detector, value))
        if item is not None:
            if kind == "positive":  # found anywhere in the file counts: one occurrence with a keyword will do
                item["kind"] = kind
                item["note"] = note
            continue
        items[(detector, value)] = {"file": rel, "detector": detector, "value": value, "kind": kind, "note": note}
    lines = []
    for item in items.values():
        if not item["note"]:
            del item["note"]
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
    return lines


def human(n):
    for unit, f in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= f:
            return f"{n / f:.1f} {unit}"
    return f"{n} B"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", metavar="OUT_DIR")
    ap.add_argument("--size", type=parse_size, default=parse_size("1G"), help="total bytes, K/M/G suffixes (default 1G)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--small", action="store_true", help="shortcut for --size 64M")
    ap.add_argument("--no-truth", action="store_true", help="do not write OUT_DIR/truth.jsonl")
    a = ap.parse_args()
    target = parse_size("64M") if a.small else a.size

    out = a.out_dir
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        sys.exit(f"gen_corpus: {out} exists and is not an empty directory; refusing to mix trees")

    t0 = time.monotonic()
    r = random.Random(a.seed)
    g = Gen(r)
    pools = build_pools(r)
    doc = Doc(g, r, pools)
    lay = Layout(r, g)
    lo, hi = math.log(1 * KIB), math.log(2 * MIB)

    files = total = 0
    enc_count = {"utf-8": 0, "cp1252": 0, "utf-8-bom": 0}
    crlf = 0
    kinds = {}
    cpr_by_kind = {}
    sizes = []
    made_dirs = set()
    os.makedirs(out, exist_ok=True)
    truth = None if a.no_truth else open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8")
    truth_count = 0
    while total < target:
        remaining = target - total
        if r.random() < 0.002 and remaining > 64 * MIB:
            size = int(r.uniform(12, 20) * MIB)
        else:
            size = int(math.exp(r.uniform(lo, hi)))
        size = min(size, remaining)
        kind = pick_kind(r, size)
        if kind == "liste":       # citizen lists: at most a few thousand rows
            size = min(size, 384 * KIB)
        folder, rel, meta = lay.path(kind)
        g.file_cpr_format = r.choices(FORMATS, weights=(60, 25, 15))[0]
        u = r.random()
        legacy = u < 0.05
        wrapped = r.random() < (0.7 if legacy else 0.3)
        # headers and per-kind structure add some bytes; aim the body a little lower
        cpr_before = g.st["cpr"]
        text = getattr(doc, kind)(max(256, int(size * 0.97) - 400), wrapped, meta)
        if legacy:
            data = text.replace("\n", "\r\n").encode("cp1252", errors="replace")
            enc_count["cp1252"] += 1
            crlf += 1
        else:
            if r.random() < 0.06:
                text = text.replace("\n", "\r\n")
                crlf += 1
            data = text.encode("utf-8")
            if r.random() < 0.03:
                data = b"\xef\xbb\xbf" + data
                enc_count["utf-8-bom"] += 1
            else:
                enc_count["utf-8"] += 1
        if folder not in made_dirs:
            os.makedirs(os.path.join(out, folder), exist_ok=True)
            made_dirs.add(folder)
        with open(os.path.join(out, rel), "wb") as f:
            f.write(data)
        if truth:
            items = truth_items(g, rel, text)
            truth.writelines(items)
            truth_count += len(items)
        files += 1
        total += len(data)
        kinds[kind] = kinds.get(kind, 0) + len(data)
        cpr_by_kind[kind] = cpr_by_kind.get(kind, 0) + g.st["cpr"] - cpr_before
        sizes.append(len(data))
    if truth:
        truth.close()
    dt = time.monotonic() - t0

    st = g.st
    sizes.sort()
    ndirs = sum(1 for _ in os.walk(out)) - 1
    kib = total / KIB
    w = sys.stderr.write
    w(f"gen_corpus: {out}\n")
    w(f"  seed {a.seed}, target {human(target)}: {files} files in {ndirs} folders, {total} bytes ({human(total)})"
      f" in {dt:.1f} s ({total / MIB / max(dt, 1e-9):.1f} MiB/s)\n")
    w(f"  file size min {human(sizes[0])}, median {human(sizes[len(sizes) // 2])}, max {human(sizes[-1])}\n")
    w(f"  encodings: utf-8 {enc_count['utf-8']}, utf-8 with BOM {enc_count['utf-8-bom']}, "
      f"windows-1252 {enc_count['cp1252']}; CRLF {crlf}\n")
    w("  bytes by kind: " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in sorted(kinds.items(), key=lambda x: -x[1])) + "\n")
    w(f"  CPR planted: {st['cpr']} (1 per {kib / max(st['cpr'], 1):.1f} KiB) - DDMMYY-SSSS {st['cpr_dash']}, "
      f"DDMMYYSSSS {st['cpr_plain']}, DDMMYY SSSS {st['cpr_space']}; mod-11 valid {st['cpr_mod11_valid']}, "
      f"not mod-11 {st['cpr_mod11_invalid']}, replacement (day+60) {st['cpr_replacement']}\n")
    w("  CPR by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(cpr_by_kind.items(), key=lambda x: -x[1])) + "\n")
    w(f"  e-mail {st['email']} (1 per {kib / max(st['email'], 1):.1f} KiB), phone {st['phone']}, date {st['date']}, "
      f"amount {st['amount']}, address {st['address']}\n")
    w(f"  decoys: 10-digit invoice/order/account numbers {st['decoy_10digit']} "
      f"(of which CPR-shaped {st['decoy_cpr_shaped']}), CVR/EAN/KLE {st['cvr_ean_kle']}\n")
    if truth:
        w(f"  truth: {truth_count} items in {os.path.join(out, 'truth.jsonl')}\n")


if __name__ == "__main__":
    main()
