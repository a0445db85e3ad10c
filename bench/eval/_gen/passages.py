import json
from common import ent
P = []
def add(text, mentions, source):
    out = []
    cursor = {}
    for m in mentions:
        surface, ids = m[0], m[1]
        nth = m[2] if len(m) > 2 else 0
        start = -1
        pos = 0
        for _ in range(nth + 1):
            start = text.find(surface, pos)
            if start < 0:
                raise SystemExit(f"not found: {surface!r} in {text[:60]!r}")
            pos = start + 1
        ids = [ids] if isinstance(ids, str) else ids
        names, countries = [], []
        for i in ids:
            e = ent(i)
            for n in (e.name, e.legal_name):
                if n and n not in names:
                    names.append(n)
            if e.country not in countries:
                countries.append(e.country)
        out.append({"start": start, "end": start + len(surface), "surface": surface, "names": names, "countries": countries})
        assert text[start:start + len(surface)] == surface
    out.sort(key=lambda g: g["start"])
    # overlapping gold spans are a bug
    for a, b in zip(out, out[1:]):
        assert a["end"] <= b["start"], (a, b)
    P.append({"text": text, "mentions": out, "source": source})

add("Lockheed Martin and RTX will double Javelin production at their joint venture in Troy, Alabama, the Army said. "
    "HIMARS launchers built by Lockheed's Camden plant will also be delivered faster. Meanwhile Raytheon is expanding Patriot "
    "interceptor output, and Northrop Grumman's Sentinel programme faces another review. Fans of Arsenal, who beat Chelsea on Sunday, "
    "may not care.",
    [("Lockheed Martin", "lockheed-martin"), ("RTX", "rtx"), ("Lockheed", "lockheed-martin", 1), ("Raytheon", "raytheon"),
     ("Northrop Grumman", "northrop-grumman")], "synthetic-news-en")
add("Der Rüstungskonzern Rheinmetall liefert weitere Skyranger-Flugabwehrpanzer, während Diehl Defence die Produktion von IRIS-T SLM "
    "in Überlingen ausbaut. Der Leopard 2A8 von KNDS Deutschland bleibt gefragt; auch Hensoldt profitiert mit seinen TRML-4D-Radaren. "
    "Das Arsenal der Bundeswehr ist dennoch knapp.",
    [("Rheinmetall", "rheinmetall"), ("Diehl Defence", "diehl-defence"), ("KNDS Deutschland", "knds-deutschland"), ("Hensoldt", "hensoldt")],
    "synthetic-news-de")
add("Le groupe français Thales a remporté un contrat pour des radars Ground Master, tandis que KNDS France augmente la cadence du canon Caesar "
    "à Bourges. Dassault Aviation a livré de nouveaux Rafale. Le philosophe Thalès de Milet n'aurait pas imaginé un tel succès. "
    "MBDA fournit les missiles Aster du système SAMP/T.",
    [("Thales", "thales"), ("KNDS France", "knds-france"), ("Dassault Aviation", "dassault-aviation"), ("MBDA", "mbda")],
    "synthetic-news-fr")
add("Polska Grupa Zbrojeniowa i Huta Stalowa Wola podpisały umowę na kolejne haubice Krab. Koreańska Hanwha Aerospace dostarczy wyrzutnie "
    "Chunmoo, a Hyundai Rotem czołgi K2. Transportery Rosomak produkuje spółka Rosomak S.A. w Siemianowicach, a karabinki Grot – Fabryka Broni Łucznik.",
    [("Polska Grupa Zbrojeniowa", "pgz"), ("Huta Stalowa Wola", "huta-stalowa-wola"), ("Hanwha Aerospace", "hanwha-aerospace"),
     ("Hyundai Rotem", "hyundai-rotem"), ("Rosomak S.A.", "rosomak"), ("Fabryka Broni Łucznik", "fabryka-broni-lucznik")],
    "synthetic-news-pl")
add("Концерн «Алмаз-Антей» увеличил выпуск ракет для С-400, сообщил глава Ростеха Сергей Чемезов. «Уралвагонзавод» передал войскам "
    "новые танки Т-90М «Прорыв», а корпорация «Тактическое ракетное вооружение» — ракеты Х-101. Арсенал ракет пополняется.",
    [("Алмаз-Антей", "almaz-antey"), ("Ростеха", "rostec"), ("Уралвагонзавод", "uralvagonzavod"),
     ("Тактическое ракетное вооружение", "tactical-missiles-corporation")], "synthetic-news-ru")
add("Укроборонпром разом із Rheinmetall створює завод з виробництва снарядів. ДП «Антонов» відновлює роботу, а «Мотор Січ» виготовляє "
    "двигуни для дронів. Ракети «Нептун» розробило ДККБ «Луч».",
    [("Укроборонпром", "ukrainian-defense-industry"), ("Rheinmetall", "rheinmetall"), ("Антонов", "antonov"),
     ("Мотор Січ", "motor-sich"), ("ДККБ «Луч»", "luch-design-bureau")], "synthetic-news-uk")
add("La española Indra se ha convertido en el mayor contratista de defensa del país tras comprar Hispasat. Navantia entregará la primera "
    "fragata F-110 y Santa Bárbara Sistemas fabricará el Dragón con Escribano. Los aficionados cantaron a la patria en el estadio.",
    [("Indra", "indra"), ("Navantia", "navantia"), ("Santa Bárbara Sistemas", "santa-barbara-sistemas"),
     ("Escribano", "escribano-mechanical-engineering")], "synthetic-news-es")
add("Leonardo e Rheinmetall hanno firmato l'accordo per i nuovi carri armati dell'Esercito. Fincantieri costruirà i sottomarini, "
    "mentre MBDA Italia produrrà i missili Aster. Il pittore Leonardo da Vinci è invece protagonista di una mostra a Firenze.",
    [("Leonardo", "leonardo"), ("Rheinmetall", "rheinmetall"), ("Fincantieri", "fincantieri"), ("MBDA Italia", "mbda-italia")],
    "synthetic-news-it")
add("ASELSAN, 2024 yılında rekor ihracat yaptı. Baykar'ın Bayraktar TB2 ve Akıncı insansız hava araçları 30'dan fazla ülkeye satıldı. "
    "Roketsan'ın Tayfun füzesi ve TUSAŞ'ın KAAN savaş uçağı da ilgi gördü.",
    [("ASELSAN", "aselsan"), ("Baykar", "baykar"), ("Roketsan", "roketsan"), ("TUSAŞ", "turkish-aerospace")],
    "synthetic-news-tr")
add("한화에어로스페이스는 K9 자주포 수출 계약을 체결했다. 현대로템은 K2 전차를, 한국항공우주산업은 FA-50을 폴란드에 공급한다. "
    "LIG넥스원은 천궁-II 미사일을 생산한다. 한화이글스는 어제 경기에서 승리했다.",
    [("한화에어로스페이스", "hanwha-aerospace"), ("현대로템", "hyundai-rotem"), ("한국항공우주산업", "korea-aerospace-industries"),
     ("LIG넥스원", "lig-nex1")], "synthetic-news-ko")
add("Czechoslovak Group kupuje americkou Kinetic Group. Colt CZ Group převzala Sellier & Bellot a Tatra Trucks dodá armádě nová vozidla. "
    "Tatra banka mezitím zvýšila úroky. Obrněnce Pandur II vyrábí Excalibur Army.",
    [("Czechoslovak Group", "czechoslovak-group"), ("Kinetic Group", "the-kinetic-group"), ("Colt CZ Group", "colt-cz-group"),
     ("Sellier & Bellot", "sellier-bellot"), ("Tatra Trucks", "tatra-trucks"), ("Excalibur Army", "excalibur-army")],
    "synthetic-news-cs")
add("三菱重工業は防衛省からスタンド・オフ・ミサイルの量産を受注した。川崎重工は潜水艦を建造し、三菱電機はレーダーを納入する。"
    "一方、三菱UFJ銀行は金利を引き上げた。",
    [("三菱重工業", "mitsubishi-heavy-industries"), ("川崎重工", "kawasaki-heavy-industries"), ("三菱電機", "mitsubishi-electric")],
    "synthetic-news-ja")
add("中国航空工业集团在珠海航展上展示了歼-35A，中国兵器工业集团展示了新型坦克。中国船舶集团建造的福建舰开始海试。"
    "美国洛克希德·马丁公司生产的F-35也在亚洲热销。",
    [("中国航空工业集团", "avic"), ("中国兵器工业集团", "norinco"), ("中国船舶集团", "cssc"), ("洛克希德·马丁公司", "lockheed-martin")],
    "synthetic-news-zh")
add("أعلنت مجموعة إيدج الإماراتية عن صفقات جديدة خلال معرض آيدكس، فيما وقعت الشركة السعودية للصناعات العسكرية اتفاقية مع شركة أسيلسان التركية. "
    "وتنتج الهيئة العربية للتصنيع مدرعات في مصر.",
    [("مجموعة إيدج", "edge-group"), ("الشركة السعودية للصناعات العسكرية", "sami"), ("أسيلسان", "aselsan"),
     ("الهيئة العربية للتصنيع", "arab-organization-for-industrialization")], "synthetic-news-ar")
add("התעשייה האווירית חתמה על עסקה למכירת מערכת חץ 3 לגרמניה. אלביט מערכות דיווחה על צבר הזמנות שיא, ורפאל מגדילה את ייצור כיפת ברזל.",
    [("התעשייה האווירית", "israel-aerospace-industries"), ("אלביט מערכות", "elbit-systems"), ("רפאל", "rafael")],
    "synthetic-news-he")
add("हिंदुस्तान एयरोनॉटिक्स लिमिटेड ने वायुसेना को तेजस विमान सौंपे। भारत डायनामिक्स आकाश मिसाइलें बनाएगी और लार्सन एंड टुब्रो के9 वज्र तोपें। "
    "भगवान इंद्र की पूजा के लिए मंदिर सजाया गया।",
    [("हिंदुस्तान एयरोनॉटिक्स लिमिटेड", "hindustan-aeronautics"), ("भारत डायनामिक्स", "bharat-dynamics"),
     ("लार्सन एंड टुब्रो", "larsen-toubro")], "synthetic-news-hi")
add("Saab won a SEK 7 billion order for Gripen E support from the Swedish Defence Materiel Administration. Separately, a vintage Saab 900 "
    "sold at auction for a record price. Kongsberg will supply NASAMS batteries and Nammo will deliver 155 mm shells to Ukraine.",
    [("Saab", "saab"), ("Kongsberg", "kongsberg"), ("Nammo", "nammo")], "synthetic-news-en")
add("Hanwha Aerospace and Hyundai Rotem are competing with KNDS for the Romanian tank deal, while Samsung Electronics and Hyundai Motor "
    "reported weaker quarterly profits. Mitsubishi UFJ raised its forecast.",
    [("Hanwha Aerospace", "hanwha-aerospace"), ("Hyundai Rotem", "hyundai-rotem"), ("KNDS", "knds")], "synthetic-news-en")
add("Leonardo DiCaprio flew to Rome on a private jet, while Leonardo DRS won a US Army contract for mounted mission command systems. "
    "Elbit Systems of America and General Dynamics Land Systems also won awards for the Stryker.",
    [("Leonardo DRS", "leonardo-drs"), ("Elbit Systems of America", "elbit-systems-of-america"),
     ("General Dynamics Land Systems", "general-dynamics-land-systems")], "synthetic-news-en")
add("Rolls-Royce will build the reactors for the AUKUS submarines at Raynesway, while BAE Systems builds the boats at Barrow. "
    "Rolls-Royce Motor Cars, owned by BMW, reported record Cullinan sales. Babcock International will maintain the fleet at Devonport.",
    [("Rolls-Royce", "rolls-royce"), ("BAE Systems", "bae-systems"), ("Babcock International", "babcock-international")],
    "synthetic-news-en")
add("Indra, the Vedic god of thunder, was on the temple mural. In Madrid, Indra Sistemas announced that it would buy a stake in "
    "Escribano Mechanical & Engineering to build a national land-systems champion.",
    [("Indra Sistemas", "indra"), ("Escribano Mechanical & Engineering", "escribano-mechanical-engineering")], "synthetic-news-en")
add("Finnish Patria will assemble the 6x6 armoured vehicles in Latvia. The Patria Finance analyst said the Czech crown would weaken. "
    "Milrem Robotics, owned by EDGE Group, showed its THeMIS robot alongside Patria's vehicles.",
    [("Patria", "patria"), ("Milrem Robotics", "milrem-robotics"), ("EDGE Group", "edge-group"), ("Patria", "patria", 2)],
    "synthetic-news-en")
add("General Dynamics' Electric Boat and Huntington Ingalls Industries' Newport News Shipbuilding will share the Columbia-class work. "
    "General Mills and General Motors also reported earnings this week, but the Navy's focus is on submarines.",
    [("General Dynamics", "general-dynamics"), ("Electric Boat", "electric-boat"),
     ("Huntington Ingalls Industries", "huntington-ingalls-industries"), ("Newport News Shipbuilding", "newport-news-shipbuilding"),
     ("General Motors", "general-motors")],
    "synthetic-news-en")
add("The Bulgarian Arsenal in Kazanlak and VMZ Sopot are running three shifts to make artillery rounds. In London, Arsenal fans "
    "celebrated a derby win. Romania's Romarm plans a new powder factory at Victoria.",
    [("Arsenal", "arsenal-jsco"), ("VMZ Sopot", "vmz-sopot"), ("Romarm", "romarm")], "synthetic-news-en")
add("Thales of Miletus predicted an eclipse; today Thales Nederland builds naval radars in Hengelo and Thales Belgium makes rockets "
    "in Herstal, next to FN Herstal.",
    [("Thales Nederland", "thales-nederland"), ("Thales Belgium", "thales-belgium"), ("FN Herstal", "fn-herstal")],
    "synthetic-news-en")
add("Anduril and Palantir teamed up on the Army's TITAN ground station; Shield AI's Hivemind pilot flew a Kratos Valkyrie. "
    "Tolkien readers know Andúril as Aragorn's sword and the palantír as a seeing stone.",
    [("Anduril", "anduril"), ("Palantir", "palantir"), ("Shield AI", "shield-ai"), ("Kratos", "kratos")],
    "synthetic-news-en")
with open("/work/main/bench/eval/passages.jsonl", "w") as f:
    for p in P:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
print(len(P), sum(len(p["mentions"]) for p in P))
