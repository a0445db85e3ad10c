"""News passages. Gold spans are located by string search (never typed by hand);
each tuple is (surface, registry id(s), occurrence index of the surface in the text)."""
from common import expect

PASSAGES = [
("en_reuters_air_defence",
 "Germany will buy more IRIS-T SLM systems from Diehl Defence and additional Patriot batteries, the defence ministry said on Tuesday. "
 "The Patriot system is built by Raytheon, a unit of RTX, while Lockheed Martin supplies the PAC-3 MSE interceptors. "
 "Norway's Kongsberg, which makes NASAMS together with Raytheon, said it had tripled launcher output. "
 "Defence minister Boris Pistorius said the orders would also benefit Hensoldt, which supplies the TRML-4D radar.",
 [("Diehl Defence", "diehl-defence", 0), ("Raytheon", "raytheon", 0), ("RTX", "rtx", 0), ("Lockheed Martin", "lockheed-martin", 0),
  ("Kongsberg", "kongsberg", 0), ("Raytheon", "raytheon", 1), ("Hensoldt", "hensoldt", 0)]),
("en_artillery",
 "France has delivered another batch of Caesar howitzers made by KNDS France, formerly Nexter, to Ukraine. "
 "Meanwhile BAE Systems is restarting production of the M777 and South Korea's Hanwha Aerospace is shipping K9 Thunder guns to Poland. "
 "Rheinmetall said its new plant in Unterlüß would make 350,000 shells a year by 2027.",
 [("KNDS France", "knds-france", 0), ("Nexter", "knds-france", 0), ("BAE Systems", "bae-systems", 0),
  ("Hanwha Aerospace", "hanwha-aerospace", 0), ("Rheinmetall", "rheinmetall", 0)]),
("en_drones",
 "The Bayraktar TB2, built by Turkey's Baykar, dominated headlines in 2022, but Russia's Shahed-136 copies, assembled at Alabuga, now define the air war. "
 "Ukraine answers with long-range drones from Fire Point and Skyeton, and with interceptors funded by Helsing. "
 "Anduril and AeroVironment supply Altius and Switchblade drones.",
 [("Baykar", "baykar", 0), ("Alabuga", "alabuga", 0), ("Fire Point", "fire-point", 0), ("Skyeton", "skyeton", 0),
  ("Helsing", "helsing", 0), ("Anduril", "anduril", 0), ("AeroVironment", "aerovironment", 0)]),
("en_gripen_sweden",
 "Saab won an order for 12 Gripen E fighters from Thailand, chief executive Micael Johansson said. "
 "The Swedish group also delivers the Carl-Gustaf recoilless rifle, while BAE Systems Hägglunds builds the CV90 in Örnsköldsvik. "
 "Investors compared the deal with Dassault Aviation's Rafale exports and Lockheed's F-35 sales in Europe.",
 [("Saab", "saab", 0), ("BAE Systems Hägglunds", "bae-systems-hagglunds", 0), ("Dassault Aviation", "dassault-aviation", 0),
  ("Lockheed", "lockheed-martin", 0)]),
("en_leopard_tanks",
 "The Leopard 2A8 is produced by KNDS Deutschland in Munich, with gearboxes from Renk and guns from Rheinmetall. "
 "Poland, meanwhile, is buying K2 tanks from Hyundai Rotem and Abrams from General Dynamics Land Systems. "
 "Czechoslovak Group's Excalibur Army refurbishes older Leopard 1 tanks for Ukraine.",
 [("KNDS Deutschland", "knds-deutschland", 0), ("Renk", "renk", 0), ("Rheinmetall", "rheinmetall", 0),
  ("Hyundai Rotem", "hyundai-rotem", 0), ("General Dynamics Land Systems", "general-dynamics-land-systems", 0),
  ("Czechoslovak Group", "czechoslovak-group", 0), ("Excalibur Army", "excalibur-army", 0)]),
("en_himars_javelin",
 "Lockheed Martin will increase HIMARS output to 96 launchers a year; the GMLRS rockets are built in Camden, Arkansas. "
 "The Javelin is made by a joint venture of Raytheon and Lockheed Martin, and Aerojet Rocketdyne, now part of L3Harris, supplies the motors. "
 "General Atomics is pitching the MQ-9B to Poland.",
 [("Lockheed Martin", "lockheed-martin", 0), ("Raytheon", "raytheon", 0), ("Lockheed Martin", "lockheed-martin", 1),
  ("Aerojet Rocketdyne", "aerojet-rocketdyne", 0), ("L3Harris", "l3harris", 0), ("General Atomics", "general-atomics", 0)]),
("en_india",
 "Hindustan Aeronautics will build the Tejas Mk1A with GE F404 engines, while Bharat Electronics supplies the radar warning receivers. "
 "The DRDO-designed Astra missile is produced by Bharat Dynamics. Mazagon Dock and Garden Reach Shipbuilders both reported higher profits. "
 "Tata Advanced Systems is assembling the C295 in Vadodara with Airbus.",
 [("Hindustan Aeronautics", "hindustan-aeronautics", 0), ("GE", "ge-aerospace", 0), ("Bharat Electronics", "bharat-electronics", 0), ("DRDO", "drdo", 0),
  ("Bharat Dynamics", "bharat-dynamics", 0), ("Mazagon Dock", "mazagon-dock-shipbuilders", 0),
  ("Garden Reach Shipbuilders", "garden-reach-shipbuilders-engineers", 0), ("Tata Advanced Systems", "tata-advanced-systems", 0),
  ("Airbus", "airbus", 0)]),
("fr_defense",
 "Le groupe Thales a remporté un contrat de radars Ground Master auprès de l'armée de l'air. "
 "MBDA produira davantage de missiles Aster à Selles-Saint-Denis, tandis que Safran fournira les kits AASM Hammer à l'Ukraine. "
 "Naval Group et Dassault Aviation ont aussi profité de la loi de programmation militaire, selon le ministre Sébastien Lecornu.",
 [("Thales", "thales", 0), ("MBDA", "mbda", 0), ("Safran", "safran", 0), ("Naval Group", "naval-group", 0),
  ("Dassault Aviation", "dassault-aviation", 0)]),
("de_ruestung",
 "Der Rüstungskonzern Rheinmetall hat im dritten Quartal deutlich mehr Munition verkauft. "
 "Auch Hensoldt und Renk profitieren von der Zeitenwende, während TKMS in Kiel neue U-Boote für Norwegen baut. "
 "Die Leopard-Panzer von KNDS und die IRIS-T-Systeme von Diehl Defence sind in der Ukraine gefragt. "
 "Damen und Herren, so begann Armin Papperger seine Rede.",
 [("Rheinmetall", "rheinmetall", 0), ("Hensoldt", "hensoldt", 0), ("Renk", "renk", 0), ("TKMS", "tkms", 0),
  ("KNDS", "knds", 0), ("Diehl Defence", "diehl-defence", 0)]),
("it_difesa",
 "Leonardo e Rheinmetall hanno costituito una joint venture per i nuovi carri armati dell'Esercito. "
 "Fincantieri costruirà due nuovi sottomarini U212 NFS, mentre MBDA Italia fornirà i missili Aster. "
 "Il titolo Leonardo è salito del 3% a Piazza Affari; in calo invece il comparto dell'elettronica di consumo.",
 [("Leonardo", "leonardo", 0), ("Rheinmetall", "rheinmetall", 0), ("Fincantieri", "fincantieri", 0),
  ("MBDA Italia", "mbda-italia", 0), ("Leonardo", "leonardo", 1)]),
("es_defensa",
 "Indra y Escribano Mechanical & Engineering negocian una fusión para crear un campeón nacional de defensa. "
 "Navantia entregará la primera fragata F-110 en 2028 y Santa Bárbara Sistemas fabrica el 8x8 Dragón. "
 "Los soldados juraron defender la patria en el desfile del 12 de octubre.",
 [("Indra", "indra", 0), ("Escribano Mechanical & Engineering", "escribano-mechanical-engineering", 0),
  ("Navantia", "navantia", 0), ("Santa Bárbara Sistemas", "santa-barbara-sistemas", 0)]),
("pl_zbrojenia",
 "Polska Grupa Zbrojeniowa podpisała umowę z Hanwha Aerospace na produkcję pocisków do wyrzutni Homar-K. "
 "Huta Stalowa Wola dostarczy kolejne armatohaubice Krab, a Mesko zwiększy produkcję pocisków Piorun. "
 "Rosomak to także nazwa transportera produkowanego w Siemianowicach Śląskich przez spółkę Rosomak S.A.",
 [("Polska Grupa Zbrojeniowa", "pgz", 0), ("Hanwha Aerospace", "hanwha-aerospace", 0), ("Huta Stalowa Wola", "huta-stalowa-wola", 0),
  ("Mesko", "mesko", 0), ("Rosomak S.A.", "rosomak", 0)]),
("cs_zbrojovky",
 "Skupina Czechoslovak Group koupila americkou The Kinetic Group za 2,2 miliardy dolarů. "
 "Colt CZ Group mezitím převzal Sellier & Bellot a Aero Vodochody dodává letouny L-39NG. "
 "Turisté o víkendu zaplnili Vysoké Tatry.",
 [("Czechoslovak Group", "czechoslovak-group", 0), ("The Kinetic Group", "the-kinetic-group", 0), ("Colt CZ Group", "colt-cz-group", 0),
  ("Sellier & Bellot", "sellier-bellot", 0), ("Aero Vodochody", "aero-vodochody", 0)]),
("ru_oboronka",
 "Концерн «Калашников» увеличил выпуск дронов «Ланцет», сообщил «Ростех». "
 "«Уралвагонзавод» поставил новую партию танков Т-90М, а «Алмаз-Антей» — зенитные комплексы С-400. "
 "Хоккейный «Ак Барс» тем временем обыграл ЦСКА.",
 [("Калашников", "kalashnikov-concern", 0), ("Ростех", "rostec", 0), ("Уралвагонзавод", "uralvagonzavod", 0),
  ("Алмаз-Антей", "almaz-antey", 0)]),
("uk_oboronprom",
 "Українська компанія Fire Point виготовляє крилаті ракети «Фламінго» та дрони FP-1. "
 "Укроборонпром, який тепер називається «Українська оборонна промисловість», відновив виробництво на заводі «Антонов». "
 "Мотор Січ ремонтує двигуни для гелікоптерів.",
 [("Fire Point", "fire-point", 0), ("Укроборонпром", "ukrainian-defense-industry", 0),
  ("Українська оборонна промисловість", "ukrainian-defense-industry", 0), ("Антонов", "antonov", 0), ("Мотор Січ", "motor-sich", 0)]),
("ko_bangsan",
 "한화에어로스페이스와 현대로템이 폴란드에 K9 자주포와 K2 전차를 수출한다. "
 "LIG넥스원은 천궁-II를 사우디아라비아에 공급하며 한국항공우주산업은 FA-50을 생산한다. "
 "한화 이글스는 어제 경기에서 승리했다.",
 [("한화에어로스페이스", "hanwha-aerospace", 0), ("현대로템", "hyundai-rotem", 0), ("LIG넥스원", "lig-nex1", 0),
  ("한국항공우주산업", "korea-aerospace-industries", 0)]),
("ja_boei",
 "三菱重工業は防衛省からスタンド・オフ・ミサイルを受注した。川崎重工と三菱電機も防衛事業を拡大している。"
 "一方、三菱UFJ銀行は金利を引き上げた。",
 [("三菱重工業", "mitsubishi-heavy-industries", 0), ("川崎重工", "kawasaki-heavy-industries", 0), ("三菱電機", "mitsubishi-electric", 0)]),
("tr_savunma",
 "Baykar, Bayraktar TB2 ve Akıncı İHA'larını 30'dan fazla ülkeye ihraç etti. "
 "ASELSAN ve Roketsan, Çelik Kubbe projesi kapsamında yeni hava savunma sistemleri geliştiriyor; TUSAŞ ise KAAN'ın seri üretimine hazırlanıyor. "
 "MKE Ankaragücü taraftarları da stadı doldurdu.",
 [("Baykar", "baykar", 0), ("ASELSAN", "aselsan", 0), ("Roketsan", "roketsan", 0), ("TUSAŞ", "turkish-aerospace", 0)]),
("sv_no_fi",
 "Saab och Nammo ska tillsammans bygga en ny fabrik för krut i Sverige. "
 "Kongsberg Defence & Aerospace levererar NASAMS, medan Patria bygger pansarfordon i Tavastehus. "
 "Kongsberg jazzfestival lockar tusentals besökare varje sommar.",
 [("Saab", "saab", 0), ("Nammo", "nammo", 0), ("Kongsberg Defence & Aerospace", "kongsberg-defence-aerospace", 0), ("Patria", "patria", 0)]),
("en_sanctions_news",
 "The Treasury sanctioned Shahed Aviation Industries and Qods Aviation Industries over drone transfers, and added Shahid Bakeri Industrial Group to its list. "
 "The Shahed drones are assembled in Russia at the Alabuga special economic zone. "
 "Officials also designated Korea Mining Development Trading Corporation, North Korea's main arms dealer.",
 [("Shahed Aviation Industries", "shahed-aviation-industries", 0), ("Qods Aviation Industries", "qods-aviation-industries", 0),
  ("Shahid Bakeri Industrial Group", "shahid-bakeri-industrial-group", 0), ("Alabuga", "alabuga", 0),
  ("Korea Mining Development Trading Corporation", "komid", 0)]),
("en_traps_only_one",
 "Arsenal beat Chelsea 2-0 while Leonardo DiCaprio watched from the stands. "
 "Later, fans drove home in a Saab 9-3 and a Volvo, passing a Patriot Missile memorial in Santa Barbara. "
 "The only defence news of the day: Embraer sold two C-390 transports to Sweden.",
 [("Embraer", "embraer", 0)]),
]

def build():
    rows = []
    for source, text, golds in PASSAGES:
        ms = []
        for surface, ids, occ in golds:
            start = -1
            for _ in range(occ + 1):
                start = text.find(surface, start + 1)
                if start < 0:
                    raise ValueError(f"{source}: {surface!r} occurrence {occ} not found")
            end = start + len(surface)
            assert text[start:end] == surface
            e = expect(ids)
            ms.append({"start": start, "end": end, "surface": surface, "names": e["names"], "countries": e["countries"]})
        ms.sort(key=lambda m: m["start"])
        rows.append({"text": text, "mentions": ms, "source": source})
    return rows
