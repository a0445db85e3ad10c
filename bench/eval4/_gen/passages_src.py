# (source, text, [(surface, ids, nth_occurrence)])
P = []

P.append(("en_wire_rheinmetall",
"BERLIN, March 4 (Reuters) - Rheinmetall said on Tuesday it expects sales to grow by 25% to 30% this year as European governments scramble to rebuild depleted stockpiles. "
"Chief Executive Armin Papperger told analysts the Düsseldorf-based group was in talks to take over a Volkswagen plant in Osnabrück to build military trucks, and that the purchase of Naval Vessels Lürssen (NVL) would make it a full-range supplier for the German navy. "
"Shares in Rheinmetall, which have risen more than tenfold since February 2022, closed 4% higher, while Hensoldt and Renk gained 6% and 3%, respectively. "
"Rival KNDS, the Franco-German maker of the Leopard 2 tank and the Caesar howitzer, is preparing a stock market listing in Frankfurt and Paris next year. "
"Papperger said capacity at the Unterlüß ammunition site would reach 350,000 shells a year, and dismissed speculation that the group could bid for Iveco's defence unit, which Leonardo agreed to buy in July.",
[("Rheinmetall", ["rheinmetall"], 0), ("Naval Vessels Lürssen", ["naval-vessels-lurssen"], 0), ("NVL", ["naval-vessels-lurssen"], 0),
 ("Rheinmetall", ["rheinmetall"], 1), ("Hensoldt", ["hensoldt"], 0), ("Renk", ["renk"], 0), ("KNDS", ["knds"], 0),
 ("Iveco's defence unit", ["iveco-defence-vehicles"], 0), ("Leonardo", ["leonardo"], 0)]))

P.append(("en_korea_exports",
"SEOUL — South Korea's arms exporters are on track for another record year. Hanwha Aerospace, which builds the K9 Thunder howitzer, said its order backlog had passed 30 trillion won after the second Polish executive contract, while Hyundai Rotem is negotiating the K2PL tank deal that would see part of the production moved to Bumar-Łabędy in Gliwice. "
"Korea Aerospace Industries (KAI) expects to close the FA-50 sale to the Philippines by the end of the year, and LIG Nex1 is supplying Cheongung air-defence batteries to Saudi Arabia and Iraq. "
"Not everyone in the Hanwha family is cheering: the Hanwha Eagles, the group's baseball club, lost the Korean Series in five games, and Hyundai Motor shares slipped on tariff worries. "
"In Australia, Hanwha Defense Australia has opened its Geelong plant to build Redback infantry fighting vehicles, beating Rheinmetall's Lynx.",
[("Hanwha Aerospace", ["hanwha-aerospace"], 0), ("Hyundai Rotem", ["hyundai-rotem"], 0), ("Bumar-Łabędy", ["bumar-labedy"], 0),
 ("Korea Aerospace Industries", ["korea-aerospace-industries"], 0), ("KAI", ["korea-aerospace-industries"], 0), ("LIG Nex1", ["lig-nex1"], 0), ("Hanwha", ["hanwha"], 1),
 ("Hanwha Defense Australia", ["hanwha-defense-australia"], 0), ("Rheinmetall", ["rheinmetall"], 0)]))

P.append(("en_dod_contracts",
"ARMY\n\nLockheed Martin Corp., Grand Prairie, Texas, was awarded a $742,812,000 modification (P00067) to contract W31P4Q-19-C-0078 for Precision Strike Missile production. Work will be performed in Grand Prairie, Texas, with an estimated completion date of March 31, 2028. Army Contracting Command, Redstone Arsenal, Alabama, is the contracting activity.\n\n"
"Oshkosh Defense LLC, Oshkosh, Wisconsin, was awarded a $208,640,000 modification for Family of Medium Tactical Vehicles. Work will be performed in Oshkosh, Wisconsin. Army Contracting Command, Detroit Arsenal, Michigan, is the contracting activity.\n\n"
"NAVY\n\nRaytheon Co., Tucson, Arizona, is awarded a $96,320,000 cost-plus-incentive-fee modification for Standard Missile-6 engineering. Naval Sea Systems Command, Washington, D.C., is the contracting activity.\n\n"
"General Dynamics Electric Boat Corp., Groton, Connecticut, is awarded a $42,150,000 modification for Virginia-class submarine lead yard support.",
[("Lockheed Martin Corp.", ["lockheed-martin", "lockheed-martin-missiles-and-fire-control"], 0), ("Oshkosh Defense LLC", ["oshkosh-defense"], 0),
 ("Raytheon Co.", ["raytheon", "rtx"], 0), ("General Dynamics Electric Boat Corp.", ["electric-boat"], 0)]))

P.append(("de_beschaffung",
"Die Bundeswehr bestellt bei KNDS Deutschland weitere 105 Kampfpanzer vom Typ Leopard 2A8. Der Münchner Hersteller, bis 2024 als Krauss-Maffei Wegmann bekannt, soll die ersten Fahrzeuge 2027 ausliefern. "
"Die Munition für die 120-Millimeter-Kanone kommt von Rheinmetall aus Unterlüß, die Zieloptik von Hensoldt. Auch Diehl Defence profitiert: Das Luftverteidigungssystem IRIS-T SLM aus Überlingen ist weiter stark gefragt. "
"„Die Nachfrage ist stark wie nie“, sagte ein Sprecher von Airbus Defence and Space in Manching, wo der Eurofighter gebaut wird. "
"Die Marinewerft TKMS in Kiel, seit Oktober an der Börse, hofft auf weitere U-Boote der Klasse 212CD.",
[("KNDS Deutschland", ["knds-deutschland"], 0), ("Krauss-Maffei Wegmann", ["knds-deutschland"], 0), ("Rheinmetall", ["rheinmetall"], 0),
 ("Hensoldt", ["hensoldt"], 0), ("Diehl Defence", ["diehl-defence"], 0), ("Airbus Defence and Space", ["airbus-defence-and-space"], 0),
 ("TKMS", ["tkms"], 0)]))

P.append(("fr_industrie",
"La Direction générale de l'armement a notifié à Dassault Aviation la commande de 42 Rafale supplémentaires, dont les moteurs M88 seront fournis par Safran et l'électronique par Thales. "
"À Cherbourg, Naval Group achève le quatrième sous-marin de la classe Suffren, tandis que MBDA accélère la production de missiles Aster à Bourges. "
"KNDS France, l'ancien Nexter, a porté la cadence du canon Caesar à douze par mois. "
"Rien à voir avec Dassault Systèmes, l'éditeur de logiciels de la même famille, dont le titre a reculé de 3 % à la Bourse de Paris.",
[("Dassault Aviation", ["dassault-aviation"], 0), ("Safran", ["safran", "safran-aircraft-engines"], 0), ("Thales", ["thales"], 0),
 ("Naval Group", ["naval-group"], 0), ("MBDA", ["mbda", "mbda-france"], 0), ("KNDS France", ["knds-france"], 0), ("Nexter", ["knds-france"], 0)]))

P.append(("pl_zbrojeniowka",
"Polska Grupa Zbrojeniowa podpisała z Hanwhą Aerospace umowę na transfer technologii produkcji haubic K9PL. Kadłuby mają powstawać w Hucie Stalowa Wola, która produkuje już haubice Krab. "
"Podwozia do wyrzutni Homar-K dostarczy Jelcz, a systemy łączności – WB Electronics. "
"Prezes PGZ zapowiedział, że zakład w Stalowej Woli zatrudni kolejnych 500 osób. Tymczasem piłkarze Stali Stalowa Wola przegrali u siebie z Wisłą Kraków 0:2.",
[("Polska Grupa Zbrojeniowa", ["pgz"], 0), ("Hanwhą Aerospace", ["hanwha-aerospace"], 0), ("Hucie Stalowa Wola", ["huta-stalowa-wola"], 0),
 ("Jelcz", ["jelcz"], 0), ("WB Electronics", ["wb-group"], 0), ("PGZ", ["pgz"], 0)]))

P.append(("cs_zbrojovky",
"Skupina Czechoslovak Group miliardáře Michala Strnada loni zvýšila tržby o třetinu. Její dceřiná společnost Excalibur Army dodala Ukrajině další houfnice DANA M2 na podvozcích vyráběných Tatrou v Kopřivnici. "
"Colt CZ Group, majitel České zbrojovky z Uherského Brodu, dokončil převzetí muniční firmy Sellier & Bellot. "
"Aero Vodochody mezitím podepsalo kontrakt na cvičné letouny L-39NG pro Maďarsko. "
"Fotbalisté Zbrojovky Brno o víkendu prohráli s Duklou Praha 1:2.",
[("Czechoslovak Group", ["czechoslovak-group"], 0), ("Excalibur Army", ["excalibur-army"], 0), ("Tatrou", ["tatra-trucks"], 0),
 ("Colt CZ Group", ["colt-cz-group"], 0), ("České zbrojovky", ["ceska-zbrojovka"], 0), ("Sellier & Bellot", ["sellier-bellot"], 0),
 ("Aero Vodochody", ["aero-vodochody"], 0)]))

P.append(("ru_oboronka",
"Госкорпорация Ростех отчиталась о росте выпуска бронетехники. По словам Сергея Чемезова, Уралвагонзавод в Нижнем Тагиле увеличил производство танков Т-90М в несколько раз, а концерн «Калашников» наладил серийный выпуск ударных беспилотников «Куб». "
"Концерн ВКО «Алмаз-Антей» передал войскам очередной комплект систем С-400. "
"В музейно-выставочном комплексе имени Михаила Калашникова в Ижевске открылась новая экспозиция, посвящённая истории Ижмаша.",
[("Ростех", ["rostec"], 0), ("Уралвагонзавод", ["uralvagonzavod"], 0), ("«Калашников»", ["kalashnikov-concern"], 0),
 ("«Алмаз-Антей»", ["almaz-antey"], 0), ("Ижмаша", ["kalashnikov-concern"], 0)]))

P.append(("uk_oboronprom",
"АТ «Українська оборонна промисловість» (колишній Укроборонпром) повідомило, що ДП «Антонов» відновило складання літака Ан-178. "
"Київський завод «Арсенал» отримав замовлення на оптичні приціли, а «Мотор Січ» переносить частину виробництва двигунів на захід країни. "
"Тим часом ФК «Арсенал-Київ» оголосив про банкрутство. "
"Компанія Fire Point заявила, що щомісяця виготовляє понад сто далекобійних дронів FP-1.",
[("Українська оборонна промисловість", ["ukrainian-defense-industry"], 0), ("Укроборонпром", ["ukrainian-defense-industry"], 0),
 ("ДП «Антонов»", ["antonov"], 0), ("Київський завод «Арсенал»", ["kyiv-arsenal"], 0), ("«Мотор Січ»", ["motor-sich"], 0),
 ("Fire Point", ["fire-point"], 0)]))

P.append(("ko_bangsan",
"한화에어로스페이스는 올해 3분기 방산 부문 매출이 전년 대비 40% 늘었다고 밝혔다. 현대로템은 폴란드와 K2 전차 2차 실행계약을 체결했고, KAI는 FA-50의 필리핀 추가 수출을 협상 중이다. "
"LIG넥스원은 중동 지역에 천궁-II를 공급하고 있다. "
"한편 프로야구 한화 이글스는 한국시리즈에서 준우승에 그쳤고, 현대자동차 주가는 관세 우려로 하락했다.",
[("한화에어로스페이스는", ["hanwha-aerospace"], 0), ("현대로템은", ["hyundai-rotem"], 0), ("KAI는", ["korea-aerospace-industries"], 0),
 ("LIG넥스원은", ["lig-nex1"], 0)]))

P.append(("ja_boei",
"防衛装備庁は三菱重工業と、長射程ミサイルの量産に関する契約を締結した。川崎重工は潜水艦の修理事業を続けるが、エンジン試験データの改ざん問題で指名停止処分を受けた。 "
"IHIは次期戦闘機用エンジンの開発で英ロールス・ロイスと協力している。三菱電機はレーダー部門の人員を増やす。 "
"なお、三菱UFJ銀行は防衛産業向け融資の拡大を検討していると報じられた。",
[("三菱重工業", ["mitsubishi-heavy-industries"], 0), ("川崎重工", ["kawasaki-heavy-industries"], 0), ("IHI", ["ihi"], 0),
 ("ロールス・ロイス", ["rolls-royce"], 0), ("三菱電機", ["mitsubishi-electric"], 0)]))

P.append(("tr_savunma",
"Aselsan, yılın ilk dokuz ayında 2,1 milyar dolarlık yeni sözleşme imzaladığını açıkladı. Roketsan'ın Tayfun Blok-4 füzesi ilk kez test edildi, TUSAŞ ise KAAN'ın ikinci prototipini hangardan çıkardı. "
"Baykar Teknoloji Lideri Selçuk Bayraktar, Bayraktar TB3'ün TCG Anadolu'dan kalkışını paylaştı. "
"STM, Pakistan Deniz Kuvvetleri için korvet inşasını sürdürüyor. Fuarda en çok dikkat çeken renk ise kamuflaj yeşili oldu.",
[("Aselsan", ["aselsan"], 0), ("Roketsan'ın", ["roketsan"], 0), ("TUSAŞ", ["turkish-aerospace"], 0), ("Baykar", ["baykar"], 0),
 ("STM", ["stm"], 0)]))

P.append(("es_defensa",
"El Ministerio de Defensa ha adjudicado a Indra el programa de radares de vigilancia aérea, en un momento en que la compañía negocia la compra de Escribano Mechanical & Engineering (EM&E), propiedad de los hermanos Ángel y Javier Escribano. "
"Navantia, por su parte, ha botado en Ferrol la segunda fragata F-110, y Santa Bárbara Sistemas, filial de General Dynamics European Land Systems, fabricará en Trubia los obuses autopropulsados. "
"La empresa chilena FAMAE también busca socios europeos.",
[("Indra", ["indra"], 0), ("Escribano Mechanical & Engineering", ["escribano-mechanical-engineering"], 0), ("EM&E", ["escribano-mechanical-engineering"], 0),
 ("Navantia", ["navantia"], 0), ("Santa Bárbara Sistemas", ["santa-barbara-sistemas"], 0), ("General Dynamics European Land Systems", ["gdels"], 0),
 ("FAMAE", ["famae"], 0)]))

P.append(("ar_difaa",
"أعلنت مجموعة إيدج الإماراتية عن توقيع عقود بقيمة 5 مليارات درهم خلال معرض آيدكس، من بينها عقد لتوريد مدرعات من شركة نمر التابعة لها. "
"كما وقّعت الشركة السعودية للصناعات العسكرية (سامي) اتفاقية مع لوكهيد مارتن لتوطين صناعة أجزاء من منظومة ثاد. "
"وفي القاهرة، عرضت الهيئة العربية للتصنيع مركبة مدرعة جديدة. "
"وقال مسؤول إن نمراً عربياً يظهر على شعار النسخة الجديدة من المعرض.",
[("مجموعة إيدج", ["edge-group"], 0), ("نمر", ["nimr"], 0), ("الشركة السعودية للصناعات العسكرية", ["sami"], 0), ("سامي", ["sami"], 0),
 ("لوكهيد مارتن", ["lockheed-martin"], 0), ("الهيئة العربية للتصنيع", ["arab-organization-for-industrialization"], 0)]))

P.append(("hi_raksha",
"रक्षा मंत्रालय ने हिंदुस्तान एयरोनॉटिक्स लिमिटेड (एचएएल) के साथ 97 तेजस विमानों के लिए अनुबंध पर हस्ताक्षर किए। विमानों के रडार और इलेक्ट्रॉनिक युद्ध प्रणालियाँ बीईएल बनाएगी। "
"डीआरडीओ ने बताया कि स्वदेशी इंजन का परीक्षण अगले साल होगा। मझगांव डॉक को तीन और पनडुब्बियों का ऑर्डर मिलने की उम्मीद है। "
"उधर, भारत पेट्रोलियम के शेयर कच्चे तेल की कीमतों के कारण गिर गए।",
[("हिंदुस्तान एयरोनॉटिक्स लिमिटेड", ["hindustan-aeronautics"], 0), ("एचएएल", ["hindustan-aeronautics"], 0), ("बीईएल", ["bharat-electronics"], 0),
 ("डीआरडीओ", ["drdo"], 0), ("मझगांव डॉक", ["mazagon-dock-shipbuilders"], 0)]))

# ---- extensions (appended text; annotations appended) ----
EXT = {
"fr_industrie": (" Le groupe Arquus, filiale de John Cockerill, a présenté à Satory un nouveau blindé léger devant la ministre des Armées, qui a salué une « économie de guerre » enfin en marche.",
  [("Arquus", ["arquus"], 0), ("John Cockerill", ["john-cockerill"], 0)]),
"pl_zbrojeniowka": (" Według ministerstwa obrony kolejne zamówienia trafią także do Mesko ze Skarżyska-Kamiennej, które produkuje przeciwlotnicze zestawy Piorun, oraz do zakładów Rosomak w Siemianowicach Śląskich. Na długi weekend majowy turyści tłumnie ruszyli natomiast w Tatry.",
  [("Mesko", ["mesko"], 0), ("Rosomak", ["rosomak"], 0)]),
"cs_zbrojovky": (" Ministerstvo obrany zároveň jedná s Omnipolem o dodávkách pasivních sledovacích systémů VERA-NG, které vyrábí pardubická ERA. Explosia chystá novou linku na výrobu střelného prachu.",
  [("Omnipolem", ["omnipol"], 0), ("ERA", ["era"], 1), ("Explosia", ["explosia"], 0)]),
"ru_oboronka": (" Судостроительная корпорация «Ак Барс» спустила на воду малый ракетный корабль на Зеленодольском заводе имени Горького, а хоккейный «Ак Барс» в тот же вечер проиграл омскому «Авангарду».",
  [("Судостроительная корпорация «Ак Барс»", ["ak-bars-shipbuilding-corporation"], 0), ("Зеленодольском заводе имени Горького", ["zelenodolsk-shipyard"], 0)]),
"uk_oboronprom": (" Виробник дронів Skyeton відкрив складальну лінію у Словаччині, а «Укрспецекспорт» отримав дозвіл на експорт частини продукції. Крилату ракету «Нептун» розробило ДККБ «Луч». Міністерство з питань стратегічних галузей промисловості очікує, що цього року обсяг виробництва зброї в Україні зросте ще вдвічі.",
  [("Skyeton", ["skyeton"], 0), ("«Укрспецекспорт»", ["ukrspecexport"], 0), ("ДККБ «Луч»", ["luch-design-bureau"], 0)]),
"ko_bangsan": (" 풍산은 155mm 포탄 수출이 늘었다고 밝혔고, 한화오션은 미 해군 함정 정비 사업을 추가로 따냈다. HD현대중공업도 필리핀 해군에 호위함을 인도했다. "
  "업계에서는 폴란드 2차 계약 이후 K-방산 수출액이 올해 200억 달러를 넘을 것이라는 전망이 나온다. 방위사업청은 내년 국방 연구개발 예산을 12% 늘리기로 했고, 국회 국방위원회는 수출금융 지원을 확대하는 법안을 심사하고 있다. "
  "록히드마틴과의 협력으로 개발된 T-50 계열 훈련기의 미국 수출 가능성도 다시 거론된다. 다만 삼성전자와 SK하이닉스 등 반도체 대형주에 비해 방산주의 변동성은 여전히 크다는 지적이 나온다. 증권가에서는 내년 상반기까지 수주 모멘텀이 이어질 것으로 내다봤다. 정부는 방산 수출 지원을 위해 범부처 협의체를 꾸리고 중동과 동유럽을 중심으로 정상 외교를 강화할 계획이다. 한 증권사 연구원은 \"방산 4사의 합산 영업이익이 사상 처음 5조 원을 넘어설 것\"이라고 전망했다.",
  [("풍산은", ["poongsan"], 0), ("한화오션은", ["hanwha-ocean"], 0), ("HD현대중공업도", ["hd-hyundai-heavy-industries"], 0), ("록히드마틴과의", ["lockheed-martin"], 0)]),
"ja_boei": (" 日本製鋼所は火砲の生産ラインを増強し、富士通は防衛省向けの指揮統制システムを受注した。スバルは陸上自衛隊の新多用途ヘリコプターUH-2の納入を続けている。 "
  "政府は2027年度までの5年間で防衛費を総額43兆円に増やす計画で、国内企業の受注は急拡大している。防衛生産基盤強化法に基づき、国が工場設備を保有する仕組みも始まった。 "
  "業界関係者は「人手不足が最大の課題だ」と話す。ハワイのスバル望遠鏡が新たな銀河を観測したというニュースとは別の話である。 NECは航空自衛隊の警戒管制レーダーの改修を受注した。東芝も防衛事業の売上高が過去最高になったと発表した。防衛省は来年度予算の概算要求で過去最大の8兆8000億円を計上し、スタンド・オフ・ミサイルや無人機の取得を急ぐ。専門家は、米国製兵器の購入に偏らず国内の防衛産業基盤を維持することが重要だと指摘している。一方で、防衛事業の利益率は民需に比べて低く、撤退を検討する中小の部品メーカーも少なくない。政府は利益率を最大15％程度まで引き上げる新たな算定方式を導入した。",
  [("日本製鋼所", ["japan-steel-works"], 0), ("富士通", ["fujitsu"], 0), ("スバル", ["subaru"], 0), ("NEC", ["nec"], 0), ("東芝", ["toshiba"], 0)]),
"tr_savunma": (" ASFAT, Gölcük Tersanesi'nde yeni bir fırkateynin inşasına başladı. Otokar ise Romanya'ya Cobra II zırhlı araçlarının teslimatına başladı. Anadolu Ajansı'na konuşan yetkililer, savunma ihracatının bu yıl 7 milyar doları aşacağını söyledi.",
  [("ASFAT", ["asfat"], 0), ("Otokar", ["otokar"], 0)]),
"es_defensa": (" Instalaza, el fabricante zaragozano del lanzagranadas C90, y Urovesa, que produce el vehículo VAMTAC en Galicia, también esperan contratos.",
  [("Instalaza", ["instalaza"], 0), ("Urovesa", ["urovesa"], 0)]),
"ar_difaa": (" ووقعت شركة كاراكال المتخصصة في الأسلحة الخفيفة اتفاقية لنقل التقنية، فيما أعلنت رايثيون عن توسيع شراكتها مع الشركات المحلية. ورأى محللون أن الطلب على الأنظمة الدفاعية في منطقة الخليج سيواصل الارتفاع خلال السنوات الخمس المقبلة، مدفوعاً بخطط التوطين في السعودية والإمارات.",
  [("كاراكال", ["caracal"], 0), ("رايثيون", ["raytheon"], 0)]),
"hi_raksha": (" लार्सन एंड टुब्रो और टाटा एडवांस्ड सिस्टम्स ने भी निजी क्षेत्र को अधिक ऑर्डर देने की मांग की है। विशेषज्ञों का कहना है कि हिंदुस्तान यूनिलीवर जैसी उपभोक्ता कंपनियों की तुलना में रक्षा शेयरों में उतार-चढ़ाव अधिक है। सरकार ने 2029 तक रक्षा निर्यात 50,000 करोड़ रुपये तक पहुंचाने का लक्ष्य रखा है।",
  [("लार्सन एंड टुब्रो", ["larsen-toubro"], 0), ("टाटा एडवांस्ड सिस्टम्स", ["tata-advanced-systems"], 0)]),
}
_new = []
for src, text, gold in P:
    if src in EXT:
        add, g2 = EXT[src]
        base = len(text)
        text = text + add
        # nth for appended surfaces counts occurrences inside the appended text only
        g2 = [(s, ids, ("ext", n, base)) for s, ids, n in g2]
        gold = gold + g2
    _new.append((src, text, gold))
P = _new
