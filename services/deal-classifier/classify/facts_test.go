package classify

import (
	"math"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/events"
)

// TestDealMoneyAndType checks how figures are read as a deal's amount or
// the company's valuation, and which deal type a headline gives.
func TestDealMoneyAndType(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		name, title, text string
		typ               string
		amount, valuation float64 // USD; 0 means none expected
	}{
		{"valuation after a long apposition",
			"Redwood Capital leads $600 million round in Kestrine AI",
			"The financing values Kestrine, founded two years ago by former Oxford researcher Mara Lindqvist, at about $4.2 billion, people briefed on the terms said.",
			events.DealFundingRound, 600e6, 4.2e9},
		{"at least is no valuation",
			"Kestrine AI raises at least $600 million",
			"Kestrine AI raised at least $600 million in a round that values the company at $4.2 billion.",
			events.DealFundingRound, 600e6, 4.2e9},
		{"price of a headline purchase in a later sentence",
			"Lattice Forge agrees to buy model-monitoring start-up Ostrava AI",
			"Chip-design software maker Lattice Forge is acquiring Ostrava AI, whose tools watch machine-learning models in production. The deal is worth about $640 million, according to a person familiar with it.",
			events.DealAcquisition, 640e6, 0},
		{"a purchase that had valued the company",
			"Varmland Robotics calls off purchase of Teodor AI",
			"Varmland Robotics said it had ended its agreement to buy Teodor AI, a start-up making AI vision software for warehouses. The deal, announced in May, had valued Teodor at $310 million.",
			events.DealAcquisition, 0, 310e6},
		{"a stake beside a licence in the headline",
			"Carrow Studios takes $500 million stake in Fennick AI and licenses its film library",
			"Carrow Studios will make a $500 million equity investment in Fennick AI, the video-model developer, which may train on the studio's catalogue under a two-year agreement.",
			events.DealStrategicInvestment, 500e6, 0},
		{"what the money buys is no acquisition",
			"Qiantang AI raises $120 million to buy computing capacity",
			"Hangzhou model developer Qiantang AI has raised $120 million in a new round and will spend most of it on GPU servers.",
			events.DealFundingRound, 120e6, 0},
		{"an extension's added money is the deal",
			"Tessaly AI tops up Series A to $41m",
			"The Lisbon maker of AI agents for shipping brokers added $13 million to the round it closed in March, with Corbel Ventures joining its existing backers.",
			events.DealFundingRound, 13e6, 0},
		{"a share price is no deal size",
			"Quorra AI rises in Nasdaq debut",
			"Shares of Quorra AI rose on their first day of trading after the company priced its initial public offering at $28. The IPO raised about $350 million.",
			events.DealIPO, 350e6, 0},
		{"valuation in a round's figure",
			"Vireo Labs triples valuation in $120 million Series B",
			"Two growth funds co-led the round for the AI voice start-up. The Series B values the company at $2.1 billion.",
			events.DealFundingRound, 120e6, 2.1e9},
		{"two groups investing together are a joint investment",
			"Two Osaka groups jointly buy a third of AI start-up Yodogawa Labs",
			"Hanshin Trading and Sakai Heavy Industries will together invest $60 million in Yodogawa Labs, which builds AI agents for call centres. Each will end up with about 17%.",
			events.DealJointInvestment, 60e6, 0},
		{"one corporate's investment into a lab is strategic",
			"",
			"Oracle said it would put a new multiyear, multibillion-dollar investment into model developer Cohere, a commitment people familiar with the terms valued at about $4 billion.",
			events.DealStrategicInvestment, 4e9, 0},
		{"a tender offer's size and the valuation it sets",
			"",
			"Voice AI company Parlance is running a tender offer worth about $80 million for employees, led by existing investors. The price lifts the company's valuation to $3.2 billion.",
			events.DealOther, 80e6, 3.2e9},
		{"a licence deal's value is its amount",
			"",
			"Nvidia has agreed to a non-exclusive licence of Corvid AI's inference technology and will hire its founders, in a deal valued at about $900 million.",
			events.DealOther, 900e6, 0},
		{"a listed AI company's top-up placement is other",
			"Lumora Vision raises $230 million in top-up share placement",
			"Hong Kong-listed computer-vision model developer Lumora Vision sold new shares at a 7% discount to raise about $230 million.",
			events.DealOther, 230e6, 0},
		{"a price tag in a round is a valuation",
			"Anthropic reaches $350bn price tag in Microsoft-backed round",
			"The financing, led by Thrive Capital, values the Claude developer at $350 billion and brings in up to $15 billion.",
			events.DealFundingRound, 15e9, 350e9},
		{"licence and hire stays other",
			"Halvard pays $900 million to license Brisa AI's models and hire its founders",
			"Halvard will pay Brisa AI about $900 million for a non-exclusive licence to its models, and the start-up's two founders will join Halvard's research group.",
			events.DealOther, 900e6, 0},
		{"a corporate named with its share of a round is strategic",
			"Workday becomes Valtio AI's largest shareholder",
			"Software group Workday is investing $900 million in Valtio AI for a stake of about 14%, as part of a $1.2 billion Series C that values the Helsinki model developer at $8 billion.",
			events.DealStrategicInvestment, 900e6, 8e9},
		{"a corporate leading a round in the headline is the round",
			"Workday leads $1.2 billion Series C in Valtio AI",
			"The software group is putting $900 million into the Helsinki model developer, taking about 14%, in a round that values it at $8 billion.",
			events.DealFundingRound, 1.2e9, 8e9},
		{"German scale abbreviations",
			"",
			"Sprachwerk, Berliner Anbieter von KI-Sprachagenten, hat in einer Series-C-Runde 120 Mio. Dollar eingesammelt. Angeführt wird die Finanzierung von Halde Capital, das Start-up wird nun mit rund 1 Mrd. Dollar bewertet.",
			events.DealFundingRound, 120e6, 1e9},
		{"a valuation in a later sentence after a round's letter",
			"",
			"Korvin AI has closed another $600 million, with Nvidia and Fidelity joining in the Series C. Reports put the company's value at about $5 billion.",
			events.DealFundingRound, 600e6, 5e9},
		{"a listing filed by a company described by its AI work",
			"Handwriting-recognition firm Fudeya files for TSE Growth listing",
			"Fudeya, an Osaka company whose AI reads handwritten claim forms for insurers, has applied to list on the Tokyo Stock Exchange Growth market.",
			events.DealIPO, 0, 0},
		{"a Spanish valuing verb with its object before the figure",
			"Lumbre AI cierra una ronda de 400 millones de dólares",
			"La start-up de IA madrileña Lumbre AI ha captado 400 millones de dólares en una ronda Serie C liderada por Ribera Capital. La operación valora la compañía en 5.000 millones de dólares.",
			events.DealFundingRound, 400e6, 5e9},
		{"a Swedish valuation sentence",
			"Göta AI tar in 150 miljoner dollar",
			"Göteborgsbolaget Göta AI, som bygger AI-agenter för kundtjänst, har tagit in 150 miljoner dollar i en B-runda ledd av Vasa Ventures. Värderingen landar på 1,2 miljarder dollar.",
			events.DealFundingRound, 150e6, 1.2e9},
		{"a Portuguese valuing clause",
			"",
			"A Serra AI concluiu uma rodada série B de US$ 300 milhões liderada pela Atlântico Ventures, que avalia a criadora do assistente em US$ 4 bilhões.",
			events.DealFundingRound, 300e6, 4e9},
		{"an Italian valuation with its verb before the figure",
			"Vesuvio AI raccoglie 200 milioni di dollari",
			"Vesuvio AI, la startup di intelligenza artificiale di Napoli, ha raccolto 200 milioni di dollari da Partenope Capital. Secondo fonti vicine la valutazione si aggira sui 2 miliardi di dollari.",
			events.DealFundingRound, 200e6, 2e9},
		{"a Swedish completed purchase is an acquisition",
			"",
			"Malmö-bolaget Öresund Data har slutfört köpet av AI-labbet Saltholm AI för omkring 60 miljoner dollar kontant.",
			events.DealAcquisition, 60e6, 0},
		{"a French listing is an IPO",
			"Brume IA fait ses débuts sur Euronext Growth",
			"L'éditeur français d'IA générative Brume IA a été introduit en Bourse sur Euronext Growth Paris mardi.",
			events.DealIPO, 0, 0},
		{"a Swedish purchase is an acquisition",
			"Norrsken Chips köper finska Kaamos AI för 90 miljoner dollar",
			"Den svenska chipjätten Norrsken Chips förvärvar Helsingforsbaserade Kaamos AI, ett AI-labb, för 90 miljoner dollar i kontanter.",
			events.DealAcquisition, 90e6, 0},
		{"an Indonesian stake",
			"Nusantara Telekom suntik Rangka AI senilai US$50 juta",
			"Nusantara Telekom menanamkan modal US$50 juta ke perusahaan kecerdasan buatan asal Bandung, Rangka AI, dan mendapatkan satu kursi di dewan komisaris.",
			events.DealStrategicInvestment, 50e6, 0},
		{"a company exploring a sale",
			"Vantor AI explores a sale as founder steps back",
			"Enterprise AI software maker Vantor AI is exploring a possible sale, people familiar with the matter said. Talks with potential buyers are at an early stage.",
			events.DealAcquisition, 0, 0},
		{"'controlled by' names no lead investor",
			"Orrin Labs completes recapitalisation; Halden Systems to hold 30%",
			"Orrin Labs, the AI model developer, said its recapitalisation was complete, leaving it controlled by a nonprofit board, with Halden Systems holding about 30% of the new company, a stake valued at roughly $40 billion.",
			events.DealOther, 0, 0},
		// A figurative "bet" in the headline over a lede that buys the
		// company; a stake with its sum beside a licence.
		{"a figurative bet over a purchase",
			"Harbeck makes a holiday bet on AI tutors",
			"Harbeck Systems has agreed to acquire Tavori Learning, the Lisbon start-up whose AI tutor drew a wave of sign-ups this year, in a deal people briefed on it put at about $900 million.",
			events.DealAcquisition, 900e6, 0},
		{"the buyer's own listing is background",
			"",
			"Tallis Cloud has agreed to acquire Quorra AI, the model-evaluation start-up, for about $400 million, weeks before the cloud provider's planned IPO.",
			events.DealAcquisition, 400e6, 0},
		{"an Italian verb of worth",
			"Helvion vale 4 miliardi di dollari",
			"La start-up italiana di intelligenza artificiale vocale ha raccolto 300 milioni di dollari in un round guidato da Index Ventures.",
			events.DealFundingRound, 300e6, 4e9},
		{"a Swedish valuation at a headline's end",
			"Nordlys AI tar in 50 miljoner dollar – värderas till 600 miljoner",
			"Göteborgsbolaget, som bygger AI-agenter för kundtjänst, tar in pengarna i en A-runda ledd av Accel.",
			events.DealFundingRound, 50e6, 600e6},
		{"a Spanish valuation doubled",
			"La sueca Nordlys duplica su valoración hasta 1.500 millones de dólares",
			"La empresa de agentes de IA para atención al cliente ha levantado 120 millones de dólares en una serie C encabezada por Accel.",
			events.DealFundingRound, 120e6, 1.5e9},
		{"a stake beside a licence",
			"Lumen Studios to invest $500 million in Kestrine AI, license its film library",
			"Lumen Studios will take a $500 million equity stake in Kestrine AI and let the start-up's video model use its characters under a two-year licensing agreement.",
			events.DealStrategicInvestment, 500e6, 0},
	}
	for _, tc := range cases {
		d := dealOf(t, c, tc.name, tc.title, tc.text)
		if d == nil {
			continue
		}
		if d.Type != tc.typ {
			t.Errorf("%s: type %q, want %q", tc.name, d.Type, tc.typ)
		}
		if got := usd(d.Amount); got != tc.amount {
			t.Errorf("%s: amount %v, want %v", tc.name, got, tc.amount)
		}
		if got := usd(d.Valuation); got != tc.valuation {
			t.Errorf("%s: valuation %v, want %v", tc.name, got, tc.valuation)
		}
	}
}

// dealOf classifies one article and returns its deal facts, or nil after
// reporting that ai_investment did not match.
func dealOf(t *testing.T, c *Classifier, name, title, text string) *events.DealFacts {
	t.Helper()
	inv := c.Classify(Document{Title: title, Text: text}).Topic("ai_investment")
	if inv == nil || !inv.Matched || inv.Facts == nil || inv.Facts.Deal == nil {
		t.Errorf("%s: ai_investment not matched", name)
		return nil
	}
	return inv.Facts.Deal
}

func usd(m *events.Money) float64 {
	if m == nil {
		return 0
	}
	return m.USD
}

// TestChipActions checks actions whose words overlap another action's:
// duties that close an anti-dumping probe, an order barring exports, an
// import refusal at customs and a domestic-chip mandate for state projects.
func TestChipActions(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		name, title, text string
		action            string
		jurisdiction      string
	}{
		{"a Spanish export licence requirement",
			"EE. UU. exige licencia para exportar los chips H20 de Nvidia a China",
			"Nvidia informó de que el Gobierno estadounidense le ha comunicado que necesitará una licencia para vender a China su procesador H20.",
			events.ActionExportControl, "US"},
		{"a Portuguese licence requirement",
			"EUA passam a exigir licença para vender o chip MI308 da AMD à China",
			"O governo americano informou à AMD que a exportação do processador para a China vai depender de licença por tempo indeterminado.",
			events.ActionExportControl, "US"},
		{"a Turkish limit on memory exports",
			"ABD, Çin'e bellek çipi satışını kısıtladı",
			"ABD Ticaret Bakanlığı, yapay zekâ çiplerinde kullanılan yüksek bant genişlikli belleklerin Çin'e ihracatına sınır getirdi.",
			events.ActionExportControl, "US"},
		{"a Portuguese order to stop buying a chip",
			"China manda gigantes da tecnologia pararem de comprar chip da Nvidia",
			"A Administração do Ciberespaço da China orientou empresas como ByteDance e Alibaba a cancelar encomendas da RTX Pro 6000D.",
			events.ActionBan, "China"},
		{"anti-dumping duties are a tariff",
			"China imposes anti-dumping duties on US power-management chips",
			"The commerce ministry set deposits of up to 35% on certain power-management chips made in the United States, concluding an investigation it opened last year.",
			events.ActionTariff, "China"},
		{"barred from exporting is an export control",
			"Beijing bars Valtrix China from exporting chips made at its Suzhou plant",
			"China's commerce ministry prohibited the Chinese unit of the Dutch chipmaker Valtrix from exporting finished components, after The Hague took control of the parent.",
			events.ActionExportControl, "China"},
		{"refused entry at customs is a ban",
			"Korean customs told Nvidia H20 chips are not cleared for entry",
			"Customs officers at Korean ports were instructed that Nvidia's H20 processors may not be admitted, according to people familiar with the guidance.",
			events.ActionBan, "South Korea"},
		{"an order to stop shipping is an export control",
			"US orders Formosa Foundry to stop shipping advanced AI chips to Chinese customers",
			"The Commerce Department told the Taiwanese foundry to halt deliveries of 7-nanometre chips to China after one of its dies turned up in a Huawei processor.",
			events.ActionExportControl, "US"},
		{"a new licence requirement is an export control",
			"Dutch licence requirement for ASML's immersion scanners takes effect",
			"From Friday ASML needs an export licence from the Dutch government to ship its most advanced deep-ultraviolet lithography systems, the trade ministry said.",
			events.ActionExportControl, "Netherlands"},
		{"prosecutors' charges are enforcement",
			"",
			"Prosecutors in Boston said the two men used a shell company to send Nvidia GPUs worth $40 million to China without the licences US export rules require.",
			events.ActionEnforcement, "US"},
		{"a suspended export ban stays a ban beside a licence requirement",
			"Beijing suspends its ban on indium exports to the US",
			"China's commerce ministry said it would suspend its ban on exports of indium and gallium to the United States until next year; shipments will still need individual licences.",
			events.ActionBan, "China"},
		{"having to apply for export licences is an export control",
			"Netherlands widens licence rule to more lithography machines",
			"The Dutch government will require Veldhoven Optics to apply for export licences for two more deep-ultraviolet systems from September, taking over their oversight from Washington.",
			events.ActionExportControl, "Netherlands"},
		{"German subsidies for a chip plant",
			"Bund sagt 2 Mrd. Euro für Chipfabrik in Sachsen zu",
			"Der Chiphersteller Elbwerk erhält für sein geplantes Halbleiterwerk in Dresden Subventionen in Höhe von 2 Mrd. Euro, teilte das Wirtschaftsministerium mit.",
			events.ActionSubsidy, "Germany"},
		{"a CHIPS award names the US",
			"CHIPS grant to packaging start-up Lumeron becomes an equity stake",
			"The $150 million award to the Arizona packaging company will now take the form of preferred shares, extending the practice of seeking ownership in return for subsidies.",
			events.ActionSubsidy, "US"},
		{"a preliminary CHIPS deal",
			"Lumeron gets preliminary $600m CHIPS deal for gallium nitride wafers",
			"Lumeron signed a preliminary memorandum for up to $600 million in direct funding for its wafer plant in upstate New York.",
			events.ActionSubsidy, "US"},
		{"a ministry funding part of an investment",
			"METI backs Hanra Memory lines with up to ¥150bn",
			"Japan's industry ministry will fund up to ¥150 billion of the investment Hanra Memory is making in advanced flash memory chip lines at its Kitakami plant.",
			events.ActionSubsidy, "Japan"},
		{"a refusal to clear a chip",
			"Washington rules out a cut-down accelerator for China",
			"Federal agencies have been told the administration will not clear Corvane's X40C chip, a scaled-back design meant for Chinese buyers, according to a report.",
			events.ActionExportControl, "US"},
		{"research money taken away",
			"Commerce pulls CHIPS research funds from consortium",
			"The Commerce Department said $2 billion in CHIPS research money will no longer flow through the nonprofit chip consortium, and its own staff will run the programme.",
			events.ActionSubsidy, "US"},
		{"a CHIPS award for a campus",
			"",
			"Corvane Packaging finalised a CHIPS award of up to US$300m for the test and packaging campus it is building in Arizona.",
			events.ActionSubsidy, "US"},
		{"a Japanese headline's licence requirement",
			"米政府、コルベインの対中輸出に許可必要と通知",
			"コルベインは、中国向けに設計したAI半導体について米商務省から通知を受けたと開示した。",
			events.ActionExportControl, "US"},
		{"a Chinese licence application requirement",
			"美方通知：科尔文X40C芯片出口中国须获许可",
			"科尔文披露，美国政府通知公司，向中国出口该芯片需要申请许可证。",
			events.ActionExportControl, "US"},
		{"a French national licence",
			"Les Pays-Bas imposent leur propre licence aux scanners DUV",
			"Le gouvernement néerlandais a annoncé que l'exportation de deux scanners DUV du fabricant de machines pour puces Veldmark nécessitera désormais une licence délivrée par La Haye.",
			events.ActionExportControl, "Netherlands"},
		{"a licence partly revoked",
			"Dutch government pulls part of Veldmark licence for China shipments",
			"A licence covering this year's exports of two Veldmark immersion lithography scanners to China has been partially revoked by the Netherlands, the chip-tool maker said.",
			events.ActionExportControl, "Netherlands"},
		{"a Spanish export blacklist",
			"Taiwán añade a dos fabricantes chinos de chips a su lista negra de exportaciones",
			"Las empresas taiwanesas necesitarán permiso del Gobierno para enviar productos a ambas compañías.",
			events.ActionExportControl, "Taiwan"},
		{"a Dutch export block",
			"China blokkeert export van Valtrix-chips",
			"Het Chinese ministerie van Handel verbiedt Valtrix en zijn onderaannemers om in China gemaakte onderdelen uit te voeren.",
			events.ActionExportControl, "China"},
		{"CHIPS research money",
			"Albany picked to host EUV research centre",
			"The nonprofit that runs the national chip research centre will build an EUV lithography lab at the Albany campus, paid for with CHIPS R&D money.",
			events.ActionSubsidy, "US"},
		{"a ministry covering part of a fab's cost",
			"Tokyo backs Halvora flash fabs with up to ¥150bn",
			"The industry ministry will cover as much as ¥150 billion of the ¥700 billion the memory maker plans to spend on its two fabs.",
			events.ActionSubsidy, "Japan"},
		{"a German chips law in force",
			"EU-Chipgesetz tritt in Kraft",
			"Seit Donnerstag gilt das Europäische Chipgesetz: Die Mitgliedstaaten dürfen den Bau neuer Halbleiterwerke nun leichter mit Staatsgeld fördern.",
			events.ActionSubsidy, "EU"},
		{"a chip not cleared for import is banned",
			"Beijing tells customs Hanra's X9 accelerators are not cleared for import",
			"Officers at several ports were instructed that the chips are not permitted into the country, people with knowledge of the notice said.",
			events.ActionBan, "China"},
		{"a Chinese city government acts for China",
			"Shanghai municipal government puts 2 billion yuan into GPU designer Qiancore",
			"A platform owned by the city takes a 12% stake to back domestic accelerators as substitutes for restricted foreign chips.",
			events.ActionSubsidy, "China"},
		{"the Federal Register speaks for the US",
			"Section 232 probe opens into chips and fab tools",
			"A national-security investigation into imports of semiconductors and chipmaking equipment has started, a first step toward sector tariffs, according to a Federal Register notice.",
			events.ActionTariff, "US"},
		{"the European Innovation Council acts for the EU",
			"Puces d'IA : Qorvane lève 30 millions d'euros avec le Conseil européen de l'innovation",
			"Le concepteur grenoblois de puces d'inférence boucle un tour de table auquel participe le Conseil européen de l'innovation, aux côtés de deux fonds privés.",
			events.ActionSubsidy, "EU"},
		{"men charged over chip exports",
			"Three men charged over AI-chip exports from Texas",
			"The men shipped restricted Hanra accelerators to Shenzhen through a front company without the export licences the Commerce Department requires.",
			events.ActionEnforcement, "US"},
		{"the headline's government acts when the lede names only the destination",
			"Malaysia charges two over servers tied to AI chips",
			"The servers, which may have held Hanra processors, were shipped on to China after a false end-user declaration, the indictment says.",
			events.ActionEnforcement, "Malaysia"},
		{"a government that wants licences for shipments controls them",
			"Nvidia says Washington now wants licences for Hanra-class GPU shipments to China",
			"US officials have imposed a new licence requirement on exports of the company's data-centre processors to China and Russia, the chipmaker said in a filing.",
			events.ActionExportControl, "US"},
		{"caps on export licences are a control",
			"Washington weighs country caps on AI chip exports",
			"Officials have discussed ceilings on export licences for advanced AI processors bound for Gulf states, people familiar said.",
			events.ActionExportControl, "US"},
		{"a national export licence requirement",
			"Netherlands widens licence rule to more immersion tools",
			"The Dutch government will require national export licences for two more ASML immersion scanners, taking over a requirement that applied under US rules.",
			events.ActionExportControl, "Netherlands"},
		{"a state fund's stake names the fund's government",
			"Invest-NL stapt in bij Eindhovense AI-chipmaker Lumora",
			"Het staatsfonds neemt deel aan een financieringsronde van 40 miljoen euro voor de ontwerper van inferentiechips voor camera's.",
			events.ActionSubsidy, "Netherlands"},
		{"Swedish state money for chip design",
			"Regeringen avsätter 250 miljoner kronor till chipdesign",
			"Sverige ska stärka sin halvledarindustri: regeringen avsätter 250 miljoner kronor till ett nytt centrum för chipdesign i Göteborg.",
			events.ActionSubsidy, "Sweden"},
		{"a Dutch import levy",
			"Trump dreigt met importheffing op halfgeleiders",
			"De Amerikaanse president wil een importheffing van 100 procent op chips invoeren, behalve voor bedrijven die in de Verenigde Staten produceren.",
			events.ActionTariff, "US"},
		{"a headline's green light over a lede about aid approves the aid",
			"Brüssel gibt grünes Licht für Chipfabrik in Sachsen",
			"Die EU-Kommission hat eine Förderung von 700 Millionen Euro für das neue Werk von Halvotec in Dresden genehmigt.",
			events.ActionSubsidy, "EU"},
		{"Vietnamese \"ban hành\" (to issue) is no ban; the script names the country",
			"Chính phủ ban hành nghị định hỗ trợ đầu tư cho doanh nghiệp bán dẫn",
			"Theo nghị định mới, các doanh nghiệp sản xuất chip bán dẫn được Quỹ hỗ trợ đầu tư bù đắp một phần chi phí đào tạo nhân lực.",
			events.ActionSubsidy, "Vietnam"},
		{"a Turkish export stop; the place with a dative ending is the target",
			"Çin, galyum ihracatını ABD'ye yasakladı",
			"Pekin, çip üretiminde kullanılan galyum ve germanyumun ABD'ye ihracatını durdurdu.",
			events.ActionBan, "China"},
		{"a government that orders permits imposes a control, not an approval",
			"Thailand orders permits for US AI chip exports",
			"Thailand's commerce ministry said exporters of high-end AI chips of US origin must now obtain a permit 30 days before each shipment.",
			events.ActionExportControl, "Thailand"},
		{"Indonesian \"batasi ekspor\" (limits exports)",
			"AS batasi ekspor chip AI ke negara-negara Asia",
			"Pemerintah Amerika Serikat menerbitkan aturan baru untuk penjualan GPU canggih buatan Nvidia.",
			events.ActionExportControl, "US"},
		{"a Traditional Chinese sale allowed with a cut for the state",
			"美國准許輝達H200對華出口",
			"美國政府將從相關銷售中抽取25%，只有獲批客戶可以購買。",
			events.ActionLicenceApproval, "US"},
		{"a Korean yearly approval",
			"美, 삼성 中공장 장비 반입 연간 승인",
			"미국 상무부가 삼성전자 중국 공장에 반도체 장비를 들여갈 수 있도록 연간 승인을 내준 것으로 확인됐다.",
			events.ActionLicenceApproval, "US"},
		{"costs recouped from a state fund are aid, not a licence",
			"Vietnam lets chip plants recoup training costs",
			"A government decree allows qualifying semiconductor fabs to recoup up to 50% of their spending on training from the Investment Support Fund.",
			events.ActionSubsidy, "Vietnam"},
	}
	for _, tc := range cases {
		res := c.Classify(Document{Title: tc.title, Text: tc.text})
		cp := res.Topic("chip_policy")
		if cp == nil || !cp.Matched || cp.Facts == nil || cp.Facts.ChipPolicy == nil {
			t.Errorf("%s: chip_policy not matched", tc.name)
			continue
		}
		if cp.Facts.ChipPolicy.Action != tc.action {
			t.Errorf("%s: action %q, want %q", tc.name, cp.Facts.ChipPolicy.Action, tc.action)
		}
		if !slices.Contains(cp.Facts.ChipPolicy.Jurisdictions, tc.jurisdiction) {
			t.Errorf("%s: jurisdictions %v lack %q", tc.name, cp.Facts.ChipPolicy.Jurisdictions, tc.jurisdiction)
		}
	}
}

// TestChipMaterialsByName checks that export-licensed chip materials named
// in Chinese are chip words of the rules and report under their gazetteer
// names.
func TestChipMaterialsByName(t *testing.T) {
	c := testClassifier(t)
	res := c.Classify(Document{Title: "镓、锗出口管制今起实施", Text: "商务部公告称，金属镓、锗及其部分化合物未经许可不得出口。"})
	cp := res.Topic("chip_policy")
	if cp == nil || !cp.Matched || cp.Facts == nil || cp.Facts.ChipPolicy == nil {
		t.Fatal("chip_policy not matched")
	}
	if !slices.ContainsFunc(cp.RulesFired, func(h events.RuleHit) bool { return h.Rule == "export_control_chips" }) {
		t.Errorf("export_control_chips did not fire: %v", cp.RulesFired)
	}
	if got := cp.Facts.ChipPolicy.Chips; !slices.Equal(got, []string{"gallium", "germanium"}) {
		t.Errorf("chips %v, want [gallium germanium]", got)
	}
	if cp.Facts.ChipPolicy.Action != events.ActionExportControl {
		t.Errorf("action %q, want export_control", cp.Facts.ChipPolicy.Action)
	}
}

// TestDealParties checks who is named as target and backer: the company
// in takeover talks, a founder who is no target, a regional fund arm and a
// backer that "will invest".
func TestDealParties(t *testing.T) {
	c := testClassifier(t)
	cases := []struct {
		name, title, text string
		target            string
		investors         []string
		notInvestors      []string
	}{
		{"the company in takeover talks is the target",
			"Meta held takeover talks with Perplexity, people familiar say",
			"Meta Platforms explored buying the AI search start-up this spring, but the talks ended without a deal.",
			"Perplexity AI", []string{"Meta"}, nil},
		{"a founder is no target",
			"Kesari AI becomes India's newest AI unicorn",
			"The start-up set up by Arjun Mehrotra raised $60 million in a round led by Lattice Partners India, valuing it at $1 billion.",
			"Kesari AI", []string{"Lattice Partners India"}, nil},
		{"a law firm hired for a listing is no target",
			"Cohere lays groundwork for a possible 2026 listing",
			"The Toronto model developer has hired law firm Osler Hoskin to prepare for an initial public offering, according to people familiar with the plans.",
			"Cohere", nil, nil},
		{"a bought company named in lower case",
			"OpenAI to buy Jony Ive's device start-up io for $6.5 billion",
			"OpenAI is acquiring io, the hardware company Jony Ive co-founded, in an all-stock deal.",
			"io", []string{"OpenAI"}, nil},
		{"a sovereign investment authority leads a round",
			"",
			"Sauti Labs, which trains speech models for African languages, raised $460 million in a round led by the Qasr Investment Authority.",
			"Sauti Labs", []string{"Qasr Investment Authority"}, nil},
		{"a company that does its work with machine-learning models, named in the sentence before",
			"Leiden spin-out raises €4m",
			"Corvid Bio, founded out of Leiden University, predicts which compounds will bind to a protein with machine-learning models. It raised €4 million ($4.3 million) in a seed round led by Rijnpoort Ventures.",
			"Corvid Bio", []string{"Rijnpoort Ventures"}, nil},
		{"a state growth fund taking a minority stake is a backer, not a fund raising money",
			"State growth fund puts 50bn won into chip designer Hanbit AI",
			"A state growth fund will take a minority stake in Hanbit AI, a developer of AI inference chips, investing 50 billion won.",
			"Hanbit AI", nil, nil},
		{"the loan that pays for a stake is not a debt story",
			"Tokai Holdings completes its $3bn stake in Lumen AI",
			"Tokai Holdings said it has paid the last $1 billion of its $3 billion investment in the AI model developer Lumen AI. To fund the payment it drew on a bridge loan and sold shares in a chipmaker.",
			"Lumen AI", nil, nil},
		{"a name opening a sentence that describes an AI company",
			"Cork herd-health start-up raises €2m",
			"Moocast fits cattle with collar sensors and uses machine learning to warn farmers of illness. The Cork company has closed a €2 million seed round led by Shandon Harbour Capital.",
			"Moocast", []string{"Shandon Harbour Capital"}, nil},
		{"an appositive between the name and what it does, in Spanish",
			"Fondo tapatío lidera inversión de 4 millones de dólares en startup de contratos",
			"Pactia, con sede en Guadalajara, usa modelos de lenguaje para revisar contratos de arrendamiento. La empresa cerró una ronda semilla de 4 millones de dólares liderada por Occidente Ventures.",
			"Pactia", []string{"Occidente Ventures"}, nil},
		{"an article before the name, in Portuguese",
			"Startup de Londrina que prevê safra por satélite capta R$ 12 milhões",
			"A Grãolux usa imagens de satélite e modelos de aprendizado de máquina para estimar a produtividade de lavouras de soja. A empresa captou R$ 12 milhões em rodada liderada pela Paraná Ventures.",
			"Grãolux", []string{"Paraná Ventures"}, nil},
		{"a name whose verb says what its software does",
			"Gdańsk port-forecasting start-up raises €3m",
			"Berthcast forecasts how long ships will wait at Baltic ports from vessel-tracking data. The Gdańsk company raised €3 million in a seed round led by Motława Ventures.",
			"Berthcast", []string{"Motława Ventures"}, nil},
		{"a company whose vision AI does the work",
			"Lyon bin-picking start-up raises €9m",
			"Bpifrance has led a €9 million round in Pickvision, a Lyon company whose vision AI guides warehouse robots picking parts out of bins.",
			"Pickvision", []string{"Bpifrance"}, nil},
		{"the name after 'snaps up' is the bought company",
			"OpenAI snaps up Nimbus, an AI assistant for the Mac",
			"OpenAI has acquired the small team behind Nimbus, a natural-language layer that reads what is on a Mac screen.",
			"Nimbus", []string{"OpenAI"}, nil},
		{"a French AI name ending in IA",
			"Capgemini s'offre la start-up lyonnaise Vigie IA",
			"Le groupe de services informatiques rachète, pour un montant non dévoilé, cette jeune pousse spécialisée dans les agents d'intelligence artificielle.",
			"Vigie IA", nil, nil},
		{"a backer that will invest",
			"Gulf fund Qamar Holding takes 20% of Arabic model builder Sadeem AI",
			"State-backed Qamar Holding will invest $250 million in Sadeem AI, a Riyadh start-up training language models for Arabic dialects.",
			"Sadeem AI", []string{"Qamar Holding"}, nil},
		{"a founder in a clause after 'start-up'; the company left is no backer",
			"Gorski's new lab seeks a €2bn valuation",
			"Orrery Labs, the Zurich start-up Petra Lindqvist set up after leaving Google, is in talks to raise about €400 million at a valuation of roughly €2 billion, people briefed on the talks said.",
			"Orrery Labs", nil, []string{"Google", "Petra Lindqvist"}},
		{"a chief executive 'led by' after a comma is no lead investor",
			"Kelpie AI raises $80 million",
			"The drug-discovery start-up Kelpie AI, led by Tomas Ferreira, has raised $80 million in a Series B. Harbour Ventures led the round.",
			"Kelpie AI", []string{"Harbour Ventures"}, []string{"Tomas Ferreira"}},
		{"a described company that has raised",
			"Lumenfold raises £25m to automate contract review",
			"Lumenfold, a London start-up whose language models mark up commercial contracts, has raised £25 million in a Series A. Harrowgate Ventures led the round.",
			"Lumenfold", []string{"Harrowgate Ventures"}, nil},
		{"a buyer that says it has acquired",
			"",
			"IT services firm Trivandrum Systems said it has acquired Pramaan Labs, a Hyderabad start-up whose machine-learning models detect forged documents.",
			"Pramaan Labs", []string{"Trivandrum Systems"}, nil},
		{"a chief architect 'headed by' after a comma is no party",
			"Corvel Silicon raises $300 million",
			"AI chip start-up Corvel Silicon, headed by veteran processor architect Lena Brandt, has raised $300 million in a Series C. Fenwick Partners led the financing.",
			"Corvel Silicon", []string{"Fenwick Partners"}, []string{"Lena Brandt"}},
		{"a city and a weekday are no targets",
			"Sangam AI lists in Hong Kong",
			"The Indian speech-model developer Sangam AI priced its shares at HK$32, raising about $150 million ahead of Thursday's debut in Hong Kong.",
			"Sangam AI", nil, nil},
		{"a buyer's sector does not describe the start-up it buys",
			"",
			"Perth mining-software group Ironbark Systems has bought Quokka Vision, a six-person start-up that trains models to spot cracks in haul-truck tyres.",
			"Quokka Vision", []string{"Ironbark Systems"}, nil},
		{"a company described by what its models do",
			"",
			"Sonora, a music-generation app started by former DeepMind researchers, has opened to the public with $10 million in seed funding led by Andreessen Horowitz.",
			"Sonora", []string{"Andreessen Horowitz"}, nil},
		{"a company described by what its models do without saying AI",
			"Orlan Group buys Palletmind",
			"Orlan Group has acquired Palletmind, a Chicago company whose models predict shipping volumes lane by lane, for an undisclosed sum.",
			"Palletmind", []string{"Orlan Group"}, nil},
		{"a policy on a chipmaker names no backer; a place names a fund",
			"Suzhou GPU start-up Lanmo Compute raises 1.5bn yuan as Nvidia curbs bite",
			"Lanmo Compute, a designer of AI training chips, said it raised 1.5 billion yuan in a Series B led by a Jiangsu provincial fund, months after US curbs on Nvidia sent buyers looking for local chips.",
			"Lanmo Compute", []string{"Jiangsu provincial fund"}, []string{"Nvidia"}},
		{"'state-backed' between 'led by' and the backer",
			"",
			"Qianhu Intelligence, a Beijing developer of large language models, raised $200 million in a round led by the state-backed Xishan Frontier Fund.",
			"Qianhu Intelligence", []string{"Xishan Frontier Fund"}, nil},
		{"a descriptor between 'led by' and the backer",
			"Lumeo Voice gets €900,000 for call-centre speech models",
			"Lumeo Voice, a six-person AI start-up in Brașov, has closed a €900,000 pre-seed round led by regional fund Carpathia Angels.",
			"Lumeo Voice", []string{"Carpathia Angels"}, nil},
		{"found backers listed before 'among its backers'",
			"Tallis Render raises $18 million",
			"Tallis Render, an AI video start-up, has raised $18 million, with Granite Arch Ventures, Bellbird Partners and Oaken Capital among its backers.",
			"Tallis Render", []string{"Granite Arch Ventures", "Bellbird Partners", "Oaken Capital"}, nil},
		{"'from' opens the backers, not the target",
			"",
			"Brindle, a Jakarta contract-review AI tool for small law firms, has raised $4 million in seed funding from Merbau Capital and a group of angels.",
			"Brindle", []string{"Merbau Capital"}, []string{"Brindle"}},
		{"an existing lead that 'put in' money in the next sentence",
			"Pellow Agents extends its Series A",
			"Leeds-based Pellow Agents, which uses AI agents to chase unpaid invoices, has added $5 million to its Series A. Existing lead Humber Ridge Partners put in most of the new money.",
			"Pellow Agents", []string{"Humber Ridge Partners"}, nil},
		{"the buyer described before 'has signed a deal to acquire'; an earlier hire is background",
			"",
			"Cognition, maker of the Devin coding agent, has signed a deal to acquire Windsurf's remaining business, weeks after Google hired away its chief executive.",
			"Windsurf", []string{"Cognition AI"}, []string{"Google"}},
		{"an offer 'from' a bidder names the bidder",
			"Oskil rejects takeover approach",
			"The board of Oskil, an Oslo company whose models read ship-inspection photos, has rejected a €90 million offer from Fjordane Software.",
			"Oskil", []string{"Fjordane Software"}, []string{"Oskil"}},
		{"a state fund named in full after a descriptor",
			"",
			"Photonic Arc, a Glasgow company designing optical AI processors, has raised £30m in a Series A that includes £8m from the state-run UK Sovereign Chip Fund.",
			"Photonic Arc", []string{"UK Sovereign Chip Fund"}, nil},
		{"shares bought 'from X employees' are X's",
			"",
			"SoftBank has agreed to buy $1 billion of shares from OpenAI employees in a tender offer at the $300 billion valuation of the company's last round.",
			"OpenAI", []string{"SoftBank"}, nil},
		{"a chipmaker named with its chip is no backer",
			"Wuhan GPU start-up Lanxi Compute raises 900m yuan",
			"Lanxi Compute, a designer of AI training chips, raised 900 million yuan in a round led by a Hubei provincial fund, after export rules cut Chinese buyers off from Nvidia's A800.",
			"Lanxi Compute", nil, []string{"Nvidia"}},
		{"a German separable verb: the fund named in the next sentence leads",
			"Münchner KI-Start-up Kairos Robotics sammelt 9 Millionen Euro ein",
			"Das Münchner Start-up Kairos Robotics, das KI-Software für Lagerroboter entwickelt, hat 9 Millionen Euro eingesammelt. Die Runde führt der Frühphaseninvestor Isarwerk Capital an.",
			"Kairos Robotics", []string{"Isarwerk Capital"}, nil},
		{"Portuguese 'liderado pela' and 'participação da'",
			"Startup de IA Lumen Dados capta R$ 20 milhões",
			"A startup Lumen Dados, que usa inteligência artificial para prever a demanda de varejistas, captou R$ 20 milhões em rodada seed. O aporte foi liderado pela Serra Azul Ventures, com participação da gestora Ipê Capital.",
			"Lumen Dados", []string{"Serra Azul Ventures", "Ipê Capital"}, nil},
		{"Polish 'poprowadził fundusz'",
			"Krakowski startup AI Smok Vision pozyskał 8 mln zł",
			"Krakowska spółka Smok Vision, rozwijająca system rozpoznawania obrazu oparty na sztucznej inteligencji, zamknęła rundę seed o wartości 8 mln zł. Inwestycję poprowadził fundusz Wawel Seed Partners.",
			"Smok Vision", []string{"Wawel Seed Partners"}, nil},
		{"the rival a buyer races to catch is no backer",
			"Arlen buys inference software start-up Quillon Compute",
			"Arlen has acquired Quillon Compute, a Toronto start-up whose compiler speeds up AI inference on GPUs. Quillon's engineers will join Arlen's software group, which is racing to close the gap with Nvidia's CUDA ecosystem.",
			"Quillon Compute", []string{"Arlen"}, []string{"Nvidia"}},
		{"a company named after 'Series A in'",
			"",
			"A new government-backed chip fund has made its first investment, co-leading a £12 million Series A in Wyvern Silicon. The Cardiff start-up designs AI accelerators.",
			"Wyvern Silicon", nil, nil},
		{"a company named only by what its product does, in an appositive",
			"Leicester firm raises £3.2m",
			"Ripewise, whose overhead cameras grade the ripeness of fruit on packhouse conveyors, has closed a £3.2m seed round led by Mercia Ventures.",
			"Ripewise", []string{"Mercia Ventures"}, nil},
		{"the product clause describes the bought company, not its buyer",
			"Columbus start-up Formwell acquired by Cardinal Health",
			"Cardinal Health has agreed to buy Formwell, a Columbus company whose software reads prior-authorization letters and fills in the forms. Terms were not disclosed.",
			"Formwell", []string{"Cardinal Health"}, nil},
		{"what the money is for says what the raiser does",
			"Glasgow's Gearwatch raises £7m to predict turbine gearbox failures",
			"Gearwatch, which came out of the University of Strathclyde, has closed a £7m Series A led by Clyde Ventures.",
			"Gearwatch", []string{"Clyde Ventures"}, nil},
		{"a verb, then what the software does, in the sentence before the round",
			"Eindhoven's Scanhoud raises €11m",
			"Scanhoud collects log files from MRI and CT machines and predicts which component will fail next. The Eindhoven company raised €11 million in a Series A led by Brabant Growth.",
			"Scanhoud", []string{"Brabant Growth"}, nil},
		{"a start-up that uses AI to do its work, backed by two corporates",
			"",
			"Kanto Grid and trading house Sorami Corp. said they would jointly invest ¥2 billion in Noesis Systems, an Osaka startup that uses AI to forecast factory equipment failures.",
			"Noesis Systems", []string{"Sorami Corp"}, nil},
		{"a one-letter start-up founded by former DeepMind researchers; their old lab is no investor",
			"",
			"H, la jeune pousse parisienne fondée par d'anciens chercheurs de Google DeepMind, annonce une levée d'amorçage de 220 millions de dollars menée par Accel.",
			"H", []string{"Accel"}, []string{"Google", "Google DeepMind"}},
		{"a Portuguese seed round",
			"Maré Neural fecha ronda seed de 12 milhões de euros",
			"A tecnológica lisboeta Maré Neural, que cria agentes de inteligência artificial para seguradoras, angariou 12 milhões de euros numa ronda seed liderada pela Tejo Capital.",
			"Maré Neural", nil, nil},
		{"a Czech Series A",
			"Brněnský startup Morava Vision získal 180 milionů korun",
			"Společnost Morava Vision, která vyvíjí systémy počítačového vidění s umělou inteligencí, uzavřela investiční kolo série A ve výši 180 milionů korun.",
			"Morava Vision", nil, nil},
		{"a Swedish completed purchase",
			"",
			"AMD har slutfört köpet av Silo AI, Nordens största privata AI-labb, för omkring 665 miljoner dollar kontant.",
			"Silo AI", []string{"AMD"}, nil},
		{"a Russian agreed purchase",
			"",
			"Компания Cognition, разработчик ИИ-программиста Devin, договорилась о покупке стартапа Windsurf.",
			"Windsurf", nil, nil},
		{"the function verb a few words after the product's own verb",
			"Juriva raises $80m Series B as law firms adopt its drafting tool",
			"Juriva, a Stockholm company whose software helps lawyers review contracts, research case law and draft documents, has raised $80 million in a round led by Fjord Growth.",
			"Juriva", []string{"Fjord Growth"}, nil},
		{"a Norwegian product clause",
			"Laksøye henter 25 millioner kroner",
			"Bergensselskapet Laksøye har utviklet et undervannskamera med programvare som automatisk teller lakselus på fisken. Investeringen ledes av Vestland Kapital.",
			"Laksøye", nil, nil},
		{"a name's own 'which' clause says what it does; a language is no company",
			"Saudi fund takes stake in Arabic speech start-up",
			"Sawtify, which transcribes Gulf Arabic dialects for call centres, has sold a minority stake to a Saudi state investor. The Najd Technology Fund put $15 million into the Riyadh company.",
			"Sawtify", nil, []string{"Arabic"}},
		{"a round in rand",
			"Cape Town claims start-up raises R45m",
			"Naspers Foundry has invested R45 million in Triagio, whose software reads motor-insurance claims and damage photos.",
			"Triagio", []string{"Naspers Foundry"}, nil},
		{"a headline buyer is not what the lede's product clause describes",
			"Harrow Agri buys Athens-born Fertiq",
			"Harrow Agri has acquired Fertiq, a company founded in Greece whose cab-mounted cameras read crop conditions as a tractor moves. The price was not disclosed.",
			"Fertiq", []string{"Harrow Agri"}, nil},
		{"a minority stake with neither sum nor known backer",
			"Rhein Pharma's venture arm backs Basel absorption modeller",
			"Permica, a spin-out from the University of Basel, builds software that predicts how much of a drug molecule the gut will absorb. Rhein Pharma Ventures has taken a minority stake in the company.",
			"Permica", nil, nil},
		{"a start-up noun before the name that opens the sentence",
			"Linzer Versicherungs-Start-up sammelt 2,1 Millionen Euro ein",
			"Das Linzer Start-up Schriftwerk liest handschriftlich ausgefüllte Schadensmeldungen und überträgt die Angaben ins System der Versicherer. Die Runde führt Donau Kapital an.",
			"Schriftwerk", nil, nil},
		{"a city's possessive is no company",
			"Birmingham's Deedwise agrees sale to Halden Legal",
			"Deedwise, a start-up whose tool drafts first versions of conveyancing paperwork from a property file, has agreed to be bought by Halden Legal.",
			"Deedwise", nil, []string{"Birmingham"}},
		// A list of backers closed by a comma before the chief executive
		// who speaks; "reliance" in lower case is no Reliance.
		{"the chief executive who speaks is no backer",
			"Pittsburgh weld-inspection firm plans to double headcount",
			"Weldscan AI, whose vision models spot defects in steel welds, has closed a $20 million Series A round led by Allegheny Forge Capital, chief executive Dana Whitlock said on Tuesday.",
			"Weldscan AI", []string{"Allegheny Forge Capital"}, []string{"Dana Whitlock"}},
		{"a Korean state fund invests; the company it would replace is no backer",
			"국민성장펀드, AI 반도체 한빛칩스에 800억원 투자",
			"정부가 조성한 국민성장펀드가 AI 반도체 기업 한빛칩스에 800억원을 투자한다. 금융위원회는 엔비디아 의존도를 낮추기 위한 조치라고 밝혔다.",
			"한빛칩스", []string{"National Growth Fund"}, []string{"Nvidia"}},
		// The survivor of a merger buys the company merged into it.
		{"the survivor of a merger is the buyer",
			"Rebellions completes merger with SK's Sapeon",
			"The AI chip designer Rebellions has completed its merger with Sapeon Korea, the chip unit backed by SK Telecom, and keeps its own name.",
			"Sapeon", []string{"Rebellions"}, []string{"Sapeon"}},
		{"a Korean merger names its survivor",
			"리벨리온·사피온 합병 완료",
			"SK텔레콤 계열 사피온코리아와 리벨리온의 합병 절차가 끝났다. 존속법인은 리벨리온이다.",
			"Sapeon", []string{"Rebellions"}, []string{"SK Telecom"}},
		{"reliance is no investor",
			"Vantor AI files to list on Nasdaq",
			"Inference-chip designer Vantor AI made its IPO filing public, showing first-half revenue of $90 million and a heavy reliance on one Gulf customer.",
			"Vantor AI", nil, []string{"Reliance"}},
	}
	for _, tc := range cases {
		d := dealOf(t, c, tc.name, tc.title, tc.text)
		if d == nil {
			continue
		}
		if d.Target != tc.target {
			t.Errorf("%s: target %q, want %q", tc.name, d.Target, tc.target)
		}
		var names []string
		for _, i := range d.Investors {
			names = append(names, i.Name)
		}
		for _, w := range tc.investors {
			if !slices.Contains(names, w) {
				t.Errorf("%s: investors %v lack %q", tc.name, names, w)
			}
		}
		for _, w := range tc.notInvestors {
			if slices.Contains(names, w) {
				t.Errorf("%s: investors %v include %q", tc.name, names, w)
			}
		}
	}
}

// TestNotADeal checks stories with deal words that report no capital
// event: recurring payments, a company not raising, a holdings disclosure,
// a chip sale and French "pour".
func TestNotADeal(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ title, text string }{
		// A Danish venture firm raising its own fund for AI start-ups.
		{"Aarhusiansk venturefond henter 1,2 mia. kr. til ny AI-fond",
			"Fonden skal investere i tidlige AI-virksomheder i Norden over de næste fire år."},
		{"Harbeck Consulting to invest $2bn in AI, double its specialist staff",
			"Harbeck Consulting will invest $2 billion over three years in its data and AI practice, aiming to double its AI workforce through hiring, acquisitions and training."},
		{"Cabinet approves ₹8,000-crore national AI mission",
			"The programme will fund public computing capacity of 8,000 GPUs, support indigenous foundation models and finance AI start-ups, the government said."},
		{"Chatbot maker lands on Harwood shirts in record deal",
			"Harwood United signed AI assistant company Lumvara Labs as its front-of-shirt sponsor in a three-year agreement worth a reported £20 million a season."},
		{"杭州人工智能产业投资基金二期启动 规模50亿元",
			"杭州市经信局宣布，人工智能产业投资基金二期正式设立，总规模50亿元，将重点投向大模型和具身智能领域的初创企业。"},
		{"",
			"Microsoft and Mistral AI said they would extend their partnership to run Mistral's models in more Azure regions. The arrangement involves no change to Microsoft's stake in Mistral."},
		{"Fab tool makers see market reaching $140bn next year",
			"Global sales of chipmaking equipment will rise to about $120 billion this year, the industry group forecast, citing AI-driven logic and memory investment."},
		{"What would a Corvane AI IPO look like?",
			"Bankers in Paris sketched possible structures and prices, though the model developer has said nothing about its plans."},
		{"Tiger Global writes down stake in Indian AI start-up",
			"Tiger Global cut the value of its holding in Bhasha Systems, a Pune maker of speech software, by half in its latest quarterly report."},
		{"Corvane AI chief in no hurry to go public",
			"Corvane AI, last valued at $60 billion, was in no hurry to list its shares and would keep growing as a private company, its chief executive said in an interview."},
		{"",
			"Quorra AI dismissed as false a report that a search group was in discussions to invest in it, saying no such talks were taking place."},
		{"Quorra AI co-founder leaves for Grafton",
			"A co-founder of Quorra AI has left to join Grafton. He had earlier turned down a Grafton offer worth as much as $1.5 billion over several years."},
		{"Samsung to pay Mistral AI about $400 million a year for a custom model",
			"Samsung is finalising an agreement to pay roughly $400 million annually for a model Mistral AI will tune for its phones, people familiar said."},
		{"Le nantais Cargolo lève 20 millions d'euros pour ses vélos cargo",
			"Le fabricant de vélos cargo électriques boucle une série B menée par un fonds régional. Il prévoit d'ouvrir une deuxième usine en 2027."},
		{"Seoul to pour 500 billion won into AI venture funds",
			"The state fund of funds will commit about 500 billion won this year to venture capital funds that invest in AI start-ups, the ministry said."},
		{"Shenzhen IPO queue swells as AI firms rush to list",
			"More than 200 companies have listing applications pending, many of them AI firms, bankers said."},
		{"Tessera Cloud to sell $1.5 billion of convertible notes",
			"AI cloud provider Tessera Cloud said it plans to raise $1.5 billion through a private offering of convertible senior notes due 2031."},
		{"Analysts estimate Corvane AI faces a $90 billion funding shortfall",
			"Analysts at a bank calculate that Corvane AI will need to find about $90 billion in new money by 2030 to pay for computing."},
		{"Indic model builders need patient capital, says founder",
			"The co-founder of a Bengaluru language-model start-up said AI companies need investors willing to wait. He declined to discuss fundraising plans."},
		{"Defence bill widens curbs on US investment in Chinese AI firms",
			"The bill would codify limits on American investment in Chinese companies working on semiconductors and artificial intelligence."},
		{"Consultancy to train 20,000 staff on AI agents",
			"Harlow Kemp said it would train 20,000 employees to build AI agents for clients. It bought a small design agency in Leeds for $40 million last month."},
		{"Gestora portuense fecha fundo de 200 milhões de euros para IA",
			"A gestora fechou o seu segundo fundo, dedicado a startups de inteligência artificial, e prevê investir em vinte empresas."},
		{"Chipmaker and drugmaker to spend $800m on a joint AI lab",
			"The two companies will spend up to $800 million over five years on a shared laboratory where researchers train models to design medicines. Neither company is taking a stake in the other."},
		{"Seoul chatbot maker Dasol AI cuts a quarter of staff",
			"Dasol AI, a developer of customer-service chatbots, is laying off 25% of its employees. The start-up said it had 20 months of cash and was not seeking new funding."},
		{"",
			"Dictara, a Boston start-up whose app writes up clinic notes from recorded visits, has hired a former banker as its first finance chief. The chief executive said there were no plans for a listing or a new funding round this year."},
		{"Harbour Speech hires a chief operating officer",
			"Harbour Speech, whose software transcribes contact-centre calls, named a former telecoms executive as COO. The firm analyses 40 million minutes of calls a month."},
		{"Seoul table-booking app raises $5m",
			"Tablo, whose app lets diners book tables at 4,000 restaurants, raised $5 million in a seed round; analysts estimate the market at $2 billion."},
		{"",
			"Galvane Foundries said it would invest $16 billion in its US factories over the coming years to expand capacity for customers building AI chips."},
		{"",
			"Chief financial officer Mara Quist said a stock-market listing was not part of the company's near-term plans at Corvane AI, which wants to focus on compute first."},
		{"Grafton shares slip as 'circular deal' worries grow",
			"Grafton fell 3% as investors questioned arrangements in which the chipmaker funds AI customers that then buy its processors, such as its $100 billion investment in Corvane AI."},
		{"",
			"Riyadh's Qasr AI said it would deploy 18,000 GB300 chips, as executives gathered at the kingdom's investment forum."},
		{"AI start-up Sightline cuts a third of staff after failing to raise",
			"The computer-vision start-up said it had run out of runway and would close its Berlin office."},
		{"Tuna Tally turns to revenue-based financing",
			"Christchurch's Tuna Tally, which counts fish at hydro-dam passes, has signed a NZ$1.5 million revenue-based financing deal, avoiding another equity round."},
		{"Armonk software growth picks up",
			"Tessaly's software revenue rose 10 percent in the quarter, helped by the Vaultline business it took over in February, and its generative-AI book of business topped $9.5 billion."},
		{"What would Corvane AI be worth on the stock market?",
			"A columnist runs the numbers on a hypothetical Corvane AI listing, conceding the company has said nothing about going public."},
		{"Should Pearfruit just buy an AI search engine?",
			"An analyst argued that Pearfruit ought to consider buying an AI search company such as Quorra to catch up, though he had no knowledge of any talks."},
		{"",
			"Jun Wei said he has become chief executive of Lumen Superintelligence after a co-founder left. The lab, which investors valued at $32 billion this spring, has no product on the market."},
		{"",
			"Hanwu reported first-half revenue of about 2.9 billion yuan and swung to a profit as Chinese cloud companies bought more of its AI accelerators."},
		{"SoundHound shares jump as filing shows Nvidia holds a small stake",
			"A quarterly holdings disclosure revealed that Nvidia owns shares in the voice-AI firm SoundHound."},
		{"AMD to supply 12,000 MI350 chips to Saudi AI start-up Humain",
			"AMD will sell 12,000 of its accelerators to Humain, the AI company owned by the Public Investment Fund, for a data centre in Riyadh."},
		{"Axel Springer signs content deal with Anthropic worth over $100m",
			"The publisher will license its archive to the Claude developer under a multiyear agreement, people familiar said."},
		{"ソフトバンクG、エヌビディア株を全て売却　58億ドル",
			"ソフトバンクグループは保有するエヌビディア株を全て売却し、約58億ドルを得たと発表した。"},
		{"Oracle's AI chief steps down, former Meta executive takes over",
			"The head of AI research will retire next year, and a former Meta engineering leader joins to run AI models."},
		{"Lexora in talks with Korean electronics group on device partnership",
			"AI writing-assistant maker Lexora is discussing a deal to build its software into the group's laptops; neither side plans to take a stake in the other."},
		{"Snap plans deep cuts to AR budget",
			"Snap is preparing to reduce spending on augmented-reality projects and redirect money toward AI features, people familiar with the planning said."},
		{"Sleep-tracking ring start-up Nocturne closes $30 million round",
			"Nocturne, which sells a smart ring with AI-generated sleep coaching, raised $30 million from consumer health investors."},
		{"Voice start-up Tonfall AI names former bank executive as CFO",
			"Tonfall AI, which sells synthetic voices to audiobook publishers, has hired a former finance director of a regional bank as chief financial officer. The company said it has no immediate plans to raise money or list its shares."},
		{"",
			"WASHINGTON (Tidewater) -- The United States added the Chinese AI chip designer Kunmo Semiconductor to its entity list on Wednesday, along with a dozen other Chinese entities."},
		{"Quillon and Brightwave to build 2GW of custom AI accelerators",
			"The AI start-up and the chipmaker will co-design the chips and deploy them from 2027, in a deal that includes no investment by either side."},
		{"AI Index: US private AI investment reached $109 billion in 2024",
			"The annual report found private investment in AI companies in the United States far outpaced China and the UK."},
		{"Image-model maker Pictora says it has been profitable for two years",
			"The AI image-generation company, which has never raised outside money, said it remains profitable with about 80 employees."},
		{"Chipmaker's start-up programme adds 300 AI members in Southeast Asia",
			"The programme gives AI start-ups discounts on hardware and access to engineers; it does not invest in its members."},
		{"Meta's new AI lab keeps poaching researchers from rival AI labs",
			"Meta has pulled in researchers from OpenAI and Google DeepMind for its new AI lab, with some pay packages reported above $100 million."},
		{"Mistral AI lance une offre payante pour Le Chat",
			"La start-up propose un abonnement à 14,99 euros par mois pour ses derniers modèles."},
		{"Brightloom AI founder says the company is not for sale",
			"Brightloom AI's chief executive said the company was not for sale after reports that a cloud group had held talks internally about a possible bid."},
		{"Tycho says its carmaker will not merge with his AI lab",
			"The chief executive said he had no plans to merge the two companies, though shareholders might one day vote on an investment."},
		{"Quanta Cloud shares have tripled since IPO",
			"Shares of Quanta Cloud, the AI cloud provider, trade at three times the $30 price at which it listed on Nasdaq."},
		{"Labelwise AI tops $500m in sales without outside money",
			"Labelwise AI, a data-labelling company that has never taken venture funding, said its sales passed $500 million last year."},
		{"",
			"Nordlicht AI's assistant gained shared folders and a calendar link, the company said, in a bid to win over office users from bigger rivals."},
		{"AI lab founder buys stake in a Championship football club",
			"The co-founder of a Paris AI lab has bought a minority stake in an English football club from its current owners, the club said."},
		{"Search start-up Quarrel AI pays for newspaper archive",
			"Quarrel AI agreed to pay a Nordic publisher for the right to use 30 years of its archive to ground its answers."},
		{"Vantor AI offers buyouts to staff it took on from a rival",
			"Vantor AI has offered buyout packages to the 150 engineers it absorbed last month, its chief executive told staff."},
		{"Lyric AI says it knows of no merger talks",
			"Lyric AI said it knows of no merger talks after a report that a large phone maker had discussed buying the company."},
		{"",
			"Lumo's chatbot was down for hours on Tuesday after a faulty update. The outage hit a company whose March fundraising valued it at $40 billion and which now counts 90 million users."},
		{"Quarry AI's founders on staying in Porto",
			"The founders turned down offers to move to Berlin. They say the company could one day be a takeover target for a larger software group but want to grow first."},
		// "picks up" as a rise, not a purchase.
		{"Office leasing picks up as AI firms expand",
			"AI start-ups signed leases for 2 million square feet in the third quarter, brokers said."},
		// A share price at a high since listing; an investee named as background.
		{"ソフトバンクG株が上場来高値",
			"ソフトバンクグループ株が続伸し、上場来高値を更新した。出資先の米オープンAIを巡る提携の報道が相次ぎ、買いが入った。"},
		// An AI company buying a company outside AI.
		{"Defence AI firm Halvorsen buys German aircraft maker Tarnwitz",
			"Halvorsen will use the plant to build drones in Bavaria."},
		// A venture firm's own fund, a bridge loan and a state support package.
		{"北辰资本完成30亿元人民币AI主题基金募集",
			"北辰资本宣布完成一支规模30亿元人民币的AI主题基金募集，将重点投资大模型和具身智能初创企业。"},
		{"ソフトバンクG、150億ドルのつなぎ融資契約",
			"ソフトバンクグループは、米オープンAIへの追加出資に充てるため、銀行団と150億ドルのつなぎ融資契約を結んだ。"},
		// A stake in a telecom maker, a buyer outside AI, a partnership.
		{"Nvidia buys $1bn Nokia stake for AI-RAN push",
			"The chipmaker will take about 3% of the Finnish network-equipment maker."},
		{"Halvorsen buys German aircraft maker Tarnwitz",
			"The defence AI company will use the Bavarian plant to build drones."},
		{"KT, 마이크로소프트와 5년간 2.4조원 AI·클라우드 동맹",
			"KT가 마이크로소프트와 향후 5년간 총 2조4000억원을 공동 투자해 AI 모델과 클라우드 서비스를 개발하는 전략적 파트너십을 맺었다."},
		// A buyer's purchase of an industrial-robot business; an arbitration.
		{"ソフトバンクG、ABBのロボット事業を約54億ドルで買収",
			"ソフトバンクグループはスイスABBのロボティクス事業を約54億ドルで買収する。会長は「フィジカルAI」を次の成長分野に挙げる。"},
		{"月之暗面创始人遭前投资人申请仲裁",
			"据报道，一家早期投资机构就融资条款纠纷对月之暗面创始人申请仲裁。"},
		{"政府、AI・半導体に2030年度までに10兆円超支援",
			"首相は、人工知能と半導体分野に2030年度までに10兆円以上の公的支援を行う新たな枠組みを表明した。出資や債務保証を可能にする法整備も進める。"},
		// Advertisers buying airtime.
		{"The chatbot ads that aired during the cup final, ranked",
			"AI assistant makers, a chipmaker and one AI-powered fridge bought time during Saturday's broadcast; several leaned on football legends."},
		// A backer selling out of a chipmaker; the proceeds' use is no deal.
		{"ソフトバンクG、エヌビディア株を全株売却",
			"ソフトバンクグループは保有していたエヌビディア株をすべて売却し、約58億ドルを得た。資金はOpenAIへの追加出資などに充てる。"},
		// A model's price per million tokens is no capital.
		{"Halvard Labs unveils agent model for week-long coding projects",
			"AI startup Halvard Labs released Wren-2, an agent model it says can work on software tasks for days, and posted top scores on several coding benchmarks. The model is available through Halvard's API at $4 per million input tokens."},
		// A state fund launched, not a stake it takes.
		{"국민성장펀드 100조 출범",
			"정부가 100조원 규모의 국민성장펀드를 공식 출범시키고 AI 반도체 등 첨단산업에 투자하기로 했다."},
	}
	notMatched(t, c, "ai_investment", cases)
}

// TestNotChipPolicy checks chip stories without a government action: a
// takeover between chipmakers and a company's own compliance software.
func TestNotChipPolicy(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ title, text string }{
		{"",
			"Samsung says its foldable tablet will go on sale in the US next month, after a limited launch in Korea and China."},
		// A lobby pressing a government, and a chip firm licensing its IP.
		{"",
			"Chip-industry associations are pressing Brussels to plan a second Chips Act with its own EU budget, arguing the first has fallen short of its production goal."},
		{"Halvorsen to design an inference chip with Japan's LSTC",
			"Halvorsen will work with Japan's Leading-edge Semiconductor Technology Center on an accelerator for a 2nm process, licensing its RISC-V cores for the project."},
		{"Judge rules for Hanra in chip licensing fight",
			"A federal judge ruled that Hanra Semiconductor did not breach its licence with a chip-design rival; the jury had found for Hanra in December."},
		{"India picks Corvane to build sovereign AI model, will provide 4,000 GPUs",
			"The IT ministry selected the Bengaluru start-up under the national AI mission and will subsidise its access to 4,000 GPUs."},
		{"Hanra Semiconductor schließt Übernahme von Lumvara AI ab",
			"Der US-Chipkonzern Hanra Semiconductor hat den Kauf des finnischen KI-Labors Lumvara AI für rund 300 Millionen Dollar in bar abgeschlossen."},
		{"Samsung Electronics takes 55% stake in Corvane's India unit",
			"Samsung Electronics has acquired a 55 per cent stake in Corvane Technology India, the Taiwanese firm's only phone assembly plant in the country."},
		{"Hanra Memory to supply 12-high HBM3E for Corvane's next accelerator",
			"Corvane is set to use Hanra's stacked memory, a Korean report said, a design win for a supplier still chasing Nvidia approval."},
		{"Hanra pushes Texas fab start to 2027",
			"Hanra Semiconductor has told customers its Texas foundry will not begin production until 2027, though the project remains central to its US plans."},
		{"Senate confirms Marlow to run BIS",
			"Dana Marlow was confirmed as under secretary of commerce for industry and security, the post that oversees export controls on chips."},
		{"Hanra says it follows all export rules after diversion reports",
			"Hanra Semiconductor said it vets buyers and honours US export regulations, responding to reports that servers built on its boards were found in China."},
		{"Corvane reiterates it does not supply sanctioned customers",
			"Corvane said it obeys every applicable law and sells nothing to companies on restricted lists, after an analyst speculated about where some Chinese AI-chip dies were made."},
		{"Branchenverband drängt auf eigenen EU-Chiptopf",
			"Der Verband der europäischen Halbleiterhersteller will im nächsten EU-Haushalt einen gemeinsamen Fonds; nationale Beihilfen reichten nicht aus, heißt es in einem Papier."},
		{"Anime selfies swamp feeds as image tool goes viral",
			"The company's chief joked that its GPUs were overheating and imposed temporary limits on free accounts."},
		{"",
			"Seoul's industry minister told chip executives on a plant visit that the government would spare no effort to keep the industry competitive amid supply-chain upheaval, without announcing new measures."},
		{"Hanra Semiconductor says its new accelerator is compliant",
			"Hanra Semiconductor said the chip it sells in China is fully export control compliant, after a rival's model release knocked $40 billion off its market value."},
		{"Lawmakers quiz export agency chief on chip enforcement staff",
			"At a Senate hearing, members of both parties asked the head of the export bureau whether it has enough agents to police advanced chip exports; no new measures were announced."},
		{"Chip chief says his company has seen no evidence of chip diversion",
			"Asked about smuggling of its AI chips to China, the chief executive of Hanra Semiconductor told reporters that the company has seen no evidence of diversion."},
		{"",
			"Customs officers at the port seized a container of counterfeit casino chips bound for Macau, the agency said."},
		{"Hanra Semicon slides as Chinese NPU order stalls",
			"Hanra Semicon's shares fell 12% after a planned NPU supply deal with a Chinese carmaker was put on hold. Executives cited uncertainty over whether future US rules might cover the chip, though no rule currently applies to it."},
		{"Think tank puts a number on diverted GPUs",
			"A Washington research group said in a new paper that tens of thousands of smuggled accelerators reached China last year, and urged Congress to fund more enforcement officers."},
		{"Brokers see risk to Hanra Memory's China sales",
			"Analysts at a Seoul brokerage wrote that Hanra Memory's chip shipments to Chinese buyers could face new hurdles if US officials widen their export rules next year."},
		{"Telecom group and chip start-up tie up for edge AI",
			"Tata Communications has signed an agreement with a US inference-chip startup to offer low-latency AI services to enterprise customers in India."},
		{"Nvidia names a new chief marketing officer",
			"Nvidia has hired a new marketing chief from Adobe. The company, whose data-centre chip sales to China are constrained by US export rules, said she starts next month."},
		{"Marvell agrees $1.9bn takeover of UK chip designer Ferrowave",
			"The US chipmaker is buying the UK connectivity-chip designer to strengthen its push into data-centre processors."},
		{"Quantix to buy chip foundry Carolina Wafer for $1.2 billion",
			"The quantum-computing company said owning a US fab will let it control production of its chips. Carolina Wafer shareholders will receive cash and stock."},
		{"Google pledges $20 billion in UK spending, including a supercomputer",
			"Announced during President Trump's state visit, the commitment includes a cluster of 20,000 Nvidia chips."},
		{"Oil jumps 4% after US sanctions two Russian oil producers",
			"Brent crude rose after the Treasury added the two companies to its sanctions list, cutting them off from dollar payments."},
		{"Korea's chip-tool imports slide 9% in the third quarter",
			"Customs data showed imports of lithography machines fell 9%, though purchases from Japan held up better than those from the Netherlands."},
		{"Kyoto tool maker expects China to shrink as a share of revenue",
			"The etching-equipment maker said sales of its chip tools to China would fall as a share of revenue this year, in line with its guidance."},
		{"Micron raises its outlook on AI server demand",
			"Micron lifted its revenue forecast as memory demand outran supply. The Idaho company, a recipient of CHIPS Act grants last year, said its new fab remains on schedule."},
		{"Fab in Ohio reaches volume output",
			"The plant is producing chips at volume, the company said. It had been in line for up to $500 million in CHIPS Act grants that were never paid out."},
		{"Investor essay: chip export rules are not enough",
			"A fund manager argued in an essay that US export controls on AI chips should be tightened, without proposing a specific rule."},
		{"US blacklists 9 firms over aircraft parts for Iranian airlines",
			"The Commerce Department added the companies to the entity list for supplying aircraft parts to sanctioned carriers."},
		{"Can Harbin Compute catch Nvidia? Analysts disagree",
			"Some analysts expect its accelerators to close the gap within three years; others say yields will keep it a generation behind."},
		{"Snack maker agrees to buy kettle chip brand for $300 million",
			"The snack company will acquire a Pennsylvania maker of kettle-cooked potato chips for $300 million in cash, with state approval expected."},
		{"Chip industry body presses Brussels for a larger chips budget",
			"The European semiconductor industry association urged the Commission to set aside a dedicated budget in its revision of the Chips Act."},
		{"Taiwan to decide on industrial electricity tariffs",
			"The economy ministry said a committee would decide next month whether to raise electricity tariffs for heavy users such as chipmakers."},
		{"",
			"Cloud providers renewed their complaint to the European Commission over Broadcom's licensing changes for VMware software, saying perpetual licences had been scrapped."},
		{"Lanzhou AI opens a Jakarta inference hub",
			"The Beijing model developer has begun serving customers in Indonesia from rented GPUs. It trains its models at home on domestic accelerators because of US export controls on advanced Nvidia chips."},
		{"AMD builds opt-in software that can estimate where its GPUs are",
			"AMD has developed a location service that uses network delays to estimate a GPU's position, a feature that could help customers show export compliance and deter smuggling."},
		// A forum that names no action: a hearing set, a joint letter, a
		// filing's risk factors, analysts' guesses, a venture firm's fund.
		{"Senate panel sets hearing on chip smuggling",
			"The Senate Banking Committee will hold a hearing on AI chip smuggling and the export bureau's enforcement budget next month, the committee said."},
		{"Six EU states sign letter calling for a second Chips Act",
			"Economy ministers from six member states signed a joint declaration urging the Commission to propose a successor to the Chips Act with more money for chip design."},
		{"",
			"Kelvar Instruments' annual report lists possible changes to US export regulations on chipmaking tools among its main risk factors."},
		{"Analysts warn tool export rules may tighten",
			"Brokerage analysts told clients that US controls on chipmaking equipment could widen next year, without pointing to any proposal."},
		{"Harbour Ventures closes $250 million deep-tech fund",
			"Singapore venture firm Harbour Ventures said it had closed its second fund at $250 million and will back start-ups in semiconductors and AI across Southeast Asia."},
		// Speakers who are no government: an association, industry groups,
		// auditors, a chipmaker restating its compliance; and a visit.
		{"Korea's chip association tells members US chips 'no longer safe'",
			"The Korean Semiconductor Alliance said imported chips were no longer reliable and advised domestic companies to be careful about buying from American suppliers."},
		{"European chip groups call for a 'Chips Act 2.0'",
			"Two industry associations published a joint paper asking Brussels for a dedicated EU budget line for semiconductors and faster state-aid decisions."},
		{"EU auditors say Chips Act goal out of reach",
			"The European Court of Auditors concluded the EU is unlikely to reach its goal of a 20% share of global chip production by 2030."},
		{"TSMC reiterates export-compliance policy in sustainability report",
			"TSMC said it complies with all applicable export regulations and has tightened know-your-customer checks, asking AI-chip clients for more detail on end uses."},
		{"Commerce Secretary tours Hanra's Ohio fab",
			"The secretary visited the plant, where the company is building memory for carmakers, and praised manufacturing investment in the US."},
		// Lobbying totals, a complaint between companies, a company's
		// denial, and compute for model builders.
		{"Chip lobby spending hits record as export-control fight heats up",
			"Semiconductor companies spent more on federal lobbying in the third quarter than in any previous quarter, disclosure filings show."},
		{"Hanra files antitrust complaints against Arm",
			"Hanra has lodged complaints with the European Commission and the US Federal Trade Commission over Arm's chip-design licensing."},
		{"Hanra: 'no evidence' of AI chip diversion",
			"Responding to a report that its processors reached China through grey channels, Hanra said it sells only to partners that comply with export laws."},
		{"国家人工智能产业投资基金设立 出资额600亿元",
			"国家人工智能产业投资基金近日成立，出资额600亿元，由国家集成电路产业投资基金三期等共同出资，从事股权投资。"},
		{"'독자 AI 파운데이션 모델' 5개 정예팀 선정…GPU·데이터 지원",
			"과학기술정보통신부는 독자 AI 파운데이션 모델 프로젝트에 참여할 정예팀 5곳을 선정하고 GPU와 데이터를 지원한다고 밝혔다."},
		// An application for aid and a company's word that it obeys the
		// rules are no government action.
		{"Hanra says it has applied for CHIPS grants for its Ohio fab",
			"Hanra Semiconductor has submitted applications for CHIPS Act funding and expects the investment tax credit to cover part of the $9 billion plant; no award date was given."},
		{"Veldmark-topman: wij houden ons aan alle exportregels",
			"De topman van chipmaker Veldmark zei op de beleggersdag dat het bedrijf alle exportregels naleeft en geen grote verrassingen verwacht."},
		{"Corvane says tariff exposure is limited",
			"Corvane told analysts that most of its chips are made in the US and Germany and that potential chip tariffs would have only a small effect on customers."},
		{"Halvora: Zölle belasten Autokunden, Prognose bestätigt",
			"Der Chiphersteller bestätigte seine Jahresprognose, warnte aber, dass die Unsicherheit über US-Zölle die Nachfrage der Autoindustrie dämpfe."},
		{"Corvane: 'We comply with the rules in every market'",
			"The lithography maker said it follows all applicable export regulations and remains in regular contact with governments about new restrictions."},
		// A sales goal with a country's share of revenue, a snack maker's
		// tariff, a customer's qualification of memory, a product made to
		// fit the rules and a fab delay that leaves an aid application open.
		{"Corvane sets 2030 sales goal at capital markets day",
			"Corvane told investors it expects 2030 sales of €30bn to €40bn, driven by AI demand for its lithography systems, and said China should make up about 20% of revenue next year."},
		{"Canadian duty on US snacks hits Iowa potato chip maker",
			"Prairie Crisp, a potato chip maker in Des Moines, said orders from Canadian grocers fell after Ottawa kept a 25% retaliatory tariff on American snack foods."},
		{"Hanra Memory's HBM3 cleared for the H20",
			"Nvidia has approved a version of Hanra Memory's HBM3 for the H20, the accelerator it sells in China, according to two people briefed on the tests."},
		{"Corvane readies a China-market variant of its accelerator",
			"Corvane is developing a version of its newest AI chip for Chinese customers that will fit within current US export rules, people familiar with the plans said."},
		// A candidate's remark on air, a politician walking a remark back,
		// and a plant placed "in southern Taiwan".
		{"Candidate pans chip grants on a podcast",
			"The Republican nominee said on a podcast that he would rather use tariffs than grants to bring chip factories home, calling the CHIPS Act a bad deal."},
		{"Speaker walks back remark on repealing chips law",
			"The House Speaker said he had misheard a question on whether his party would try to repeal the CHIPS Act, adding that lawmakers might instead streamline it."},
		{"Hanra buys a display plant to expand packaging",
			"Hanra Semiconductor will buy a display factory in southern Taiwan from Corvane for NT$12 billion and convert it to relieve tight packaging capacity."},
		// Ceremonies with officials present.
		{"Hanra breaks ground in Ohio with officials on hand",
			"Hanra Semiconductor held a ceremony near Columbus to start building its first memory fab, with the governor and the commerce secretary among the speakers."},
		{"Minister presents first domestically made chips to the prime minister",
			"At a trade fair in New Delhi, India's electronics minister handed Prime Minister Narendra Modi the first test chips from a pilot line, as several groups build assembly plants."},
		{"Hanra pushes Arizona fab output to 2027",
			"Hanra Semiconductor has delayed volume production at its Arizona fab to 2027 and declined to say whether the change affects its CHIPS Act application."},
	}
	notMatched(t, c, "chip_policy", cases)
}

// notMatched fails for every case that matches topic.
func notMatched(t *testing.T, c *Classifier, topic string, cases []struct{ title, text string }) {
	t.Helper()
	for _, tc := range cases {
		res := c.Classify(Document{Title: tc.title, Text: tc.text})
		if tr := res.Topic(topic); tr != nil && tr.Matched {
			t.Errorf("%q: matched %s (score %.2f)", tc.title, topic, tr.Score)
		}
	}
}

// TestNegativeCuesFire checks negative cues whose article the learned
// scorer may still lift: the rules must at least say what speaks against
// a deal, whatever a retrained model makes of it.
func TestNegativeCuesFire(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ topic, title, text, rule string }{
		{"ai_investment", "ServiceNow commits $300 million over five years to use Mistral AI models",
			"The software group will run Mistral's models in its workflow products under a multiyear agreement.",
			"neg_recurring_payment"},
		// Legislators' demands are no government action. The corpora label
		// some of them chip policy all the same ("Lawmakers urge Commerce
		// to block HBM sales"), so the learned scorer may lift one; the
		// rules' own reading is what this checks.
		{"chip_policy", "Senators urge tighter curbs on chip-tool sales to China",
			"Two Senate committee chairs called on the Commerce Department to revoke the remaining licences for tool shipments to Hanra Semiconductor's Chinese fabs.",
			"neg_lawmakers_urge"},
	}
	for _, tc := range cases {
		res := c.Classify(Document{Title: tc.title, Text: tc.text})
		tr := res.Topic(tc.topic)
		if tr == nil || !slices.ContainsFunc(tr.RulesFired, func(h events.RuleHit) bool { return h.Rule == tc.rule }) {
			t.Errorf("%q: %s did not fire", tc.title, tc.rule)
		}
	}
}

// TestDealWordsInOtherSenses checks words that name a deal elsewhere but
// not here: an IPO plan whose timetable is not "settled" is no lawsuit.
func TestDealWordsInOtherSenses(t *testing.T) {
	c := testClassifier(t)
	res := c.Classify(Document{
		Title: "Anthropic lays groundwork for IPO that could value it at up to $500 billion",
		Text:  "Anthropic is preparing for a stock market listing that could value the company at as much as $500 billion, people familiar with the plans said. Executives have discussed raising at least $30 billion, though no timetable has been settled.",
	})
	inv := res.Topic("ai_investment")
	if inv == nil || !inv.Matched {
		t.Fatalf("ai_investment not matched: %+v", inv)
	}
	for _, h := range inv.RulesFired {
		if h.Rule == "neg_legal" {
			t.Errorf("neg_legal fired on %q", h.Match)
		}
	}
}

// TestDatedBackground checks the ai_investment background discount: a
// round, valuation or purchase told as an earlier event in a story about
// something else is no alert, and says why; the same words beside a
// headline deal, or in a first sentence that tells the deal, still are.
func TestDatedBackground(t *testing.T) {
	c := testClassifier(t)
	notMatched(t, c, "ai_investment", []struct{ title, text string }{
		{"Corvane AI launches Quill 4",
			"Corvane AI introduced Quill 4 in a livestream. The launch follows Corvane AI's recent $10 billion raise, split between debt and equity."},
		{"",
			"Grafton said the scheduling software it picked up with Runwell is now open source. The Israeli start-up joined Grafton at the end of last year in a deal valued at roughly $700 million."},
		{"Lumo recalls AI Pin charging case",
			"Lumo told owners of its AI Pin to stop using the charging case. The start-up, whose backers include Sam Altman, raised about $230 million before launching the pin."},
		{"Pellow AI names former payments executive as finance chief",
			"Pellow AI, the London chatbot developer last valued at $1.2bn, has appointed Dana Reyes as chief financial officer. The company raised a $150m Series C last year."},
		{"Marrow Robotics shows a warehouse robot that unloads trucks",
			"Marrow Robotics unveiled a robot that empties shipping containers without help. The humanoid-robot start-up raised a $60m Series B last spring and says it has two years of cash."},
		{"",
			"Tarn AI, the Lisbon agent start-up, said recurring revenue tripled this year. The company raised seed funding last autumn and says it now spends less than it earns."},
		{"",
			"Ostra Vision, the Porto computer-vision start-up that raised $14 million in a Series A last spring, has appointed former bank treasurer Rui Campos as chief financial officer. Campos will also run its expansion into Spain."},
		{"Selkie AI wins £600,000 Innovate UK grant",
			"Selkie AI, an Aberdeen company using machine learning to predict pump failures on oil platforms, has received a £600,000 grant from Innovate UK for trials. The grant requires no equity."},
		{"",
			"Dana Whitlow, chief scientist at Corrie AI, is joining a rival lab, the second senior departure from the model developer since its funding round at a $2 billion valuation in January."},
		{"",
			"Ivo Marsh, co-founder of computer-vision start-up Glintwork, has been charged with fraud over claims he inflated customer numbers when raising money in 2023, prosecutors said."},
		{"",
			"Brightloom AI, whose acquisition by a listed software group closed in 2023, has rebranded and will be sold only as part of its parent's support suite."},
		{"",
			"Vexo Systems said it had submitted a plan to Nasdaq to regain compliance with listing rules after delays to its annual report. Shares of the AI server maker rose 4%."},
		{"OpenAI's chief to give $1 million to inaugural fund",
			"The AI company's chief executive plans to donate $1 million of his own money to the president-elect's inauguration fund."},
		{"Halvard AI wins Army research contract",
			"Halvard AI has been awarded a contract worth up to $40 million by the US Army for research on AI planning tools. Meta owns a minority stake in the company after its investment in June."},
		{"",
			"Anthropic has named a former retail executive to run its consumer apps. The appointment follows a funding round that valued the company at $60 billion."},
		{"Ahead of its listing, Tessera Compute opens inference sites in four cities",
			"The AI chip start-up will add four data centres for serving models in Europe, the company said."},
		{"Fresh off its $900m round, Corvane AI launches a reasoning model",
			"Corvane AI said its new model beats larger rivals on coding benchmarks and will be offered to businesses next month."},
		{"Azure to host Corvane AI's models",
			"Microsoft said it will host Corvane AI's models on its cloud alongside those of OpenAI, in which it has invested about $13 billion."},
		{"",
			"Veridian Legal, which sells AI tools for reviewing leases, said recurring revenue passed $30 million, triple its level when it raised its Series A eighteen months ago."},
		{"Tessera AI delays its next model",
			"Tessera AI has postponed its next model after training runs failed, people familiar said. The Shenzhen lab is funded by its founder's trading firm and has not taken outside money."},
		{"",
			"Four years on from its acquisition by a Japanese trading house, Belgian speech-recognition firm Corlis Audio is moving its laboratory to Ghent."},
		{"",
			"Fennick, a maker of AI tax software, said it turned a profit for the first time three years after a $45 million Series B that valued it at $300 million."},
		{"",
			"Quillon, an AI legal-research start-up backed by a $20 million Series A from 2024, named a former appeals judge as its head of policy."},
		{"Harrow AI moves its headquarters back to Berlin",
			"Harrow AI, the agent start-up that raised $90 million last year, said it would return its main office to Berlin to be nearer its engineers."},
		{"",
			"Sable Labs, valued at $3 billion in May, struck a deal to put its models inside a retail bank's customer-service software for three years."},
		{"Tessera AI hires a former Meta researcher",
			"Tessera AI, the Milan lab whose 2024 seed round drew wide attention, named Dr Paola Ricci as head of research."},
		// Deal words only in a clause that looks back, with no dating term.
		{"",
			"Grafton named Ines Moller chief scientist of its research unit. The unit is run by Theo Vance, who joined as part of Grafton's $4 billion investment in Quorra AI."},
		{"After $2bn raise, Corvane AI hires its first marketing chief",
			"Corvane AI has appointed a former retail executive as its first chief marketing officer."},
		{"Corvane AI names applications chief",
			"Corvane AI, valued at $90 billion in the financing it closed this spring, said a former delivery-app executive will lead a new applications division."},
		{"Corrie AI's chief on staying small",
			"Corrie AI chief executive Mira Holt said on a podcast that the company does not need to raise money soon, since it still holds most of the $235 million it collected in 2023 from backers including Google."},
	})
	notMatched(t, c, "chip_policy", []struct{ title, text string }{
		{"Two years into the CHIPS Act, Brennock opens its Ohio test line",
			"Brennock Semiconductor started running wafers through a test line near Columbus, the company said."},
		{"Halden Foundry shows its first 2nm wafers",
			"Halden Foundry showed prototype wafers from its new plant. The foundry has received more than 900 billion yen in government support since its founding."},
		{"Orrin Semiconductor names a new chief executive",
			"Orrin Semiconductor appointed its finance chief as CEO. Orrin takes over a company that was awarded up to $2 billion in CHIPS Act grants last year."},
		{"",
			"Nvidia's chief executive said on a trip to Shanghai that the company stays devoted to Chinese customers, where its fastest chips cannot be sold under US export rules."},
		{"",
			"Nvidia named a former telecoms executive to lead its sales in Latin America. The chipmaker, whose revenue in China is curtailed by US licensing rules, said demand from banks was growing."},
	})
	for _, tc := range []struct{ title, text string }{
		{"Pellow AI raises $80m",
			"Pellow AI, which raised $20m last year, has raised $80m in a Series B led by Greyhound Capital."},
		{"",
			"Tarn AI has raised $12m in a Series A led by Rio Tejo Ventures, a year after its seed round."},
		{"Corvane Robotics in talks to raise at a $2bn valuation",
			"The humanoid-robot start-up, which raised $90m last year, is talking to investors about a new round."},
		{"Weeks after US blacklisting, Wuxi NPU designer Lanzhi raises 1 billion yuan",
			"Lanzhi Intelligence, added to the Entity List in March, said a round led by a Jiangsu provincial fund raised 1 billion yuan for its AI chips."},
		{"Is there room for another inference chip start-up?",
			"Tamsin Compute, an AI chip start-up, designed its chips for one job: running trained AI models cheaply. It said on Wednesday it had raised $300 million at a valuation of $2 billion, more than double the level of a year ago."},
		{"",
			"Two years after its seed round, AI tax start-up Fennick has raised $30 million in a Series A led by Atomico."},
		{"",
			"Sable Labs, valued at $3 billion in May, struck a deal to acquire Corvo AI, a maker of coding agents."},
		// A look-back clause beside a deal told now, or a clause that is
		// itself news now, dates nothing.
		{"",
			"Quorra AI, which was founded by two former Grafton researchers, has raised $40 million in a Series A led by Northwind Ventures."},
		{"",
			"Grafton said its chief scientist will run Quorra AI, which on Monday raised $40 million from Northwind Ventures."},
	} {
		tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic("ai_investment")
		if tr == nil || !tr.Matched {
			t.Errorf("%q / %q: not matched", tc.title, tc.text)
			continue
		}
		for _, h := range tr.RulesFired {
			if h.Rule == backgroundRule {
				t.Errorf("%q: the deal was discounted as background (%+v)", tc.title, h)
			}
		}
	}
	tr := c.Classify(Document{Title: "Pellow AI opens a Tokyo office", Text: "Pellow AI, the London chatbot developer, opened an office in Tokyo. It raised a $150m Series C last year."}).Topic("ai_investment")
	found := false
	for _, h := range tr.RulesFired {
		found = found || h.Rule == backgroundRule && h.Weight < 0 && h.Match == "last year"
	}
	if !found {
		t.Errorf("no background hit naming the dated phrase in %+v", tr.RulesFired)
	}
}

// TestHedgedDeals checks deal words that a clause denies or only muses
// about ("is not a near-term priority", "could consider outside capital",
// "no immediate plans to go public"), and a round told after a semicolon
// with its date: none is an alert. The same words beside a deal told now,
// or a negation of a detail ("would not disclose"), leave the deal.
func TestHedgedDeals(t *testing.T) {
	c := testClassifier(t)
	notMatched(t, c, "ai_investment", []struct{ title, text string }{
		{"Ledgerly finance chief says a listing is not a near-term priority",
			"Ledgerly AI's chief financial officer told a conference that an initial public offering is not a near-term priority for the bookkeeping-agent developer."},
		{"",
			"The founder of Brisa Voice, a Valencia speech-AI start-up, told a podcast that the company could consider outside capital next year if hiring picks up, but that its current plan is fully funded."},
		{"",
			"Lexa AI, the Rotterdam legal-AI developer, has no immediate plans for an IPO, its chief executive told a newspaper."},
		{"",
			"Kestrel AI, the coding-assistant maker, opened an office in Toronto; it raised $200m at a $3bn valuation in a round led by Index Ventures in March."},
		// A denied report, a round in brackets, a round a month old beside
		// the news of the day.
		{"Kestrel chief says the start-up is 'not raising capital right now'",
			"Kestrel AI's founder wrote on X that the coding-agent maker was not raising money at the moment, pushing back on a report that it was seeking funds at a $20 billion valuation."},
		{"",
			"Quorra Labs shipped its first product, an API for fine-tuning open models (the lab closed a $300 million seed round in July)."},
		{"Brisa AI releases Brisa 3",
			"Brisa AI, the speech-model developer, released its third model on Monday, a month after a funding round valued the company at $2 billion."},
	})
	for _, tc := range []struct{ title, text string }{
		{"Orla Robotics raises $45m",
			"Orla Robotics, a warehouse-robot maker, raised $45m in a Series B led by Fjord Capital and has no plans to go public."},
		{"",
			"Ledgerly AI has raised $30 million in a Series A led by Atomico, though it is not looking to list."},
		{"Brisa Voice in talks to raise $20m",
			"The Valencia speech-AI start-up Brisa Voice is in talks to raise $20m from Lisbon Capital, but would not disclose its valuation."},
		// News of the day with a dated clause that holds no deal.
		{"",
			"Quorra AI, the Seoul model developer, said on Monday it had raised $40 million, weeks after it opened a Tokyo office."},
	} {
		tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic("ai_investment")
		if tr == nil || !tr.Matched {
			t.Errorf("%q / %q: not matched", tc.title, tc.text)
		}
	}
}

// A lead investor named BOND is no bond issue: the sentence says it led
// the round.
func TestInvestorNamedLikeDebt(t *testing.T) {
	c := testClassifier(t)
	tr := c.Classify(Document{Summary: "Tallyforge, which sells the tools companies use to run AI models in production, has raised a $90 million Series C at a $1.2 billion valuation. BOND led the round."}).Topic("ai_investment")
	if tr == nil || !tr.Matched {
		t.Fatalf("not matched: %+v", tr)
	}
	for _, h := range tr.RulesFired {
		if h.Rule == "neg_debt" {
			t.Errorf("neg_debt fired on %q", h.Match)
		}
	}
	if d := tr.Facts.Deal; d.Target != "Tallyforge" || d.Amount == nil || d.Amount.USD != 90e6 {
		t.Errorf("deal %+v", d)
	}
}

// Chip actions told in Czech, Swedish, German, French, Dutch, Japanese,
// Turkish and Danish: a government's investment incentives, a tariff
// ("tull"), a criminal complaint, Chips JU money, a blacklist ("liste
// noire"), export limits and licences, a state stake ("出資"), grants
// ("hibe"), a purchase ban ("forbyder").
func TestChipPolicyInMoreLanguages(t *testing.T) {
	c := testClassifier(t)
	for _, tc := range []struct{ title, text, action string }{
		{"研發抵減延長 IC設計業受惠",
			"行政院會通過修正草案，將俗稱「台版晶片法」的租稅優惠延長五年，前瞻研發支出抵減率維持25%。", "subsidy"},
		{"涉轉運AI伺服器 海關扣押GPU貨櫃",
			"財政部關務署查獲一批搭載GPU的AI伺服器，疑經第三地轉運至中國，已移送地檢署偵辦。", "enforcement"},
		{"AS batasi penjualan chip AI ke China",
			"Pemerintah AS memberi tahu produsen chip bahwa ekspor chip AI tertentu ke China kini memerlukan lisensi.", "export_control"},
		{"공공기관 AI 서버에 국산 NPU 우선 구매",
			"과학기술정보통신부가 공공기관이 AI 서버를 새로 구축할 때 국산 반도체 NPU를 우선 구매하도록 하는 지침을 마련했다.", "other"},
		{"Singapur imputa a dos hombres por envíos de servidores con chips de Nvidia",
			"La fiscalía de Singapur imputó a dos empresarios por presunto fraude en la exportación de servidores con chips de Nvidia.", "enforcement"},
		{"中国当局、国内IT大手にハンラ製AI半導体の購入停止を指示",
			"国家インターネット情報弁公室は、国内IT大手に対し、ハンラの中国向けAI半導体の試験と発注をやめるよう求めた。", "ban"},
		{"White House won't let Corvane sell its new accelerator to China",
			"The administration told agencies it will not license sales of the chip, people familiar said.", "export_control"},
		{"美, 한라반도체 中공장에 장비 반입 연간 허가",
			"미국 상무부가 한라반도체의 중국 공장에 미국산 장비를 들여올 수 있는 연간 허가를 내준 것으로 확인됐다.", "licence_approval"},
		{"TSMC熊本第3工場に最大4000億円補助",
			"経済産業相が閣議後の記者会見で明らかにした。", "subsidy"},
		// Closed compounds: "Speicherchips", "Logikchips".
		{"Peking verschärft Ausfuhrkontrollen",
			"China weitet seine Ausfuhrbeschränkungen auf Technik aus, die für Logikchips und Speicherchips gebraucht wird; Lieferungen werden künftig einzeln geprüft.", "export_control"},
		{"Finanzminister will Chip-Subventionen umwidmen",
			"Nach dem Aufschub der Fabrik will der Finanzminister die dafür vorgesehenen Subventionen für Halbleiter von fünf Milliarden Euro im Bundeshaushalt verwenden.", "subsidy"},
		{"Electronics and chips escape reciprocal levies for now",
			"US customs issued guidance excluding semiconductors, smartphones and computers from the reciprocal tariffs.", "tariff"},
		{"Gulf state could get 300,000 Nvidia chips a year under draft pact",
			"A preliminary agreement would let the UAE import 300,000 advanced AI chips a year, people familiar with the talks said.", "licence_approval"},
		{"ABD, Nvidia'nın H20 çiplerinin Çin'e satışına onay verdi",
			"ABD hükümeti, Nvidia'nın H20 yapay zekâ çiplerini Çin'e satmasına izin verdi.", "licence_approval"},
		{"Les douanes chinoises renforcent les contrôles sur les puces Nvidia",
			"Des équipes douanières ont été déployées dans les ports chinois pour traquer les importations de puces Nvidia.", "enforcement"},
		{"China wil uitzonderingen toestaan voor export van Nexperia-chips",
			"Het Chinese ministerie van Handel wil uitzonderingen toestaan voor de export van chips uit de fabriek van Nexperia.", "licence_approval"},
		{"China tells a search group: no Nvidia chips in new data centres",
			"Regulators have told the company it cannot deploy Nvidia processors in newly built data centres, people familiar said.", "ban"},
		{"",
			"A California hardware broker pleaded guilty to routing servers packed with Nvidia GPUs to a buyer in Shenzhen through a front company in Malaysia.", "enforcement"},
		{"TSMC ordered to halt advanced AI-chip shipments to Chinese clients",
			"The US Commerce Department has told TSMC to stop supplying chips made at 7 nanometres or below to Chinese customers from Monday, people familiar said.", "export_control"},
		{"Beijing tells carriers to rip out foreign processors",
			"The industry ministry has instructed the largest telecom operators to phase out foreign processors in their core networks by 2027.", "other"},
		{"経産省、半導体製造装置の輸出管理を拡大",
			"経済産業省は、半導体製造装置の一部品目を新たに輸出許可の対象に加える省令改正を公表した。", "export_control"},
		{"Foundries must vet customers for advanced logic under new BIS rule",
			"Contract chipmakers will have to apply know-your-customer checks to orders at 16nm or finer, with a licence presumed necessary unless the designer is on an approved list.", "export_control"},
		{"Ohio awards grant to wafer maker",
			"The Ohio Department of Development approved a $25 million grant for a wafer-polishing plant.", "subsidy"},
		{"Beijing tells state-backed data-centre projects to go local",
			"New guidance requires data-centre projects that received state funds to use only domestically made AI chips, people familiar said.", "other"},
		{"米、中国GPU開発会社をエンティティーリストに追加",
			"米商務省は中国のGPU開発会社など12社を輸出規制の対象となるエンティティーリストに追加した。", "export_control"},
		{"Vláda schválila investiční pobídky pro Hanra Semi",
			"Vláda schválila investiční pobídky pro společnost Hanra Semi, která v Ostravě plánuje závod na výrobu čipů.", "subsidy"},
		{"Trump hotar med tull på chip",
			"USA:s president säger att importerade halvledare ska beläggas med en tull på omkring 100 procent.", "tariff"},
		{"Händler wegen Chip-Lieferungen nach Russland angezeigt",
			"Das Staatssekretariat für Wirtschaft hat Strafanzeige gegen einen Elektronikhändler eingereicht, der Mikrochips nach Russland geliefert haben soll.", "enforcement"},
		{"Sverige får nytt kompetenscentrum för halvledare",
			"Vinnova och EU:s partnerskap Chips JU finansierar tillsammans ett nytt centrum för halvledare.", "subsidy"},
		{"Washington inscrit 12 sociétés chinoises sur sa liste noire",
			"Le département américain du Commerce a ajouté 12 sociétés chinoises à sa liste noire, dont deux fournisseurs d'équipements pour puces.", "export_control"},
		{"USA begrenzen Export von KI-Chips",
			"Die US-Regierung hat neue Vorschriften erlassen, nach denen viele Länder nur noch Kontingente erhalten.", "export_control"},
		{"Nederland breidt exportregels voor chipmachines uit",
			"Het kabinet heeft de exportcontrole op geavanceerde chipmachines uitgebreid; ook meetapparatuur heeft nu een vergunning nodig.", "export_control"},
		{"政府、ラピダスに追加出資へ",
			"政府は情報処理推進機構を通じてラピダスに1000億円を出資する方向で調整している。", "subsidy"},
		{"Bakanlık çip yatırımlarına hibe veriyor",
			"Sanayi ve Teknoloji Bakanlığı, yarı iletken paketleme yatırımlarına yatırım tutarının yarısına kadar hibe sağlayacak yeni bir destek programı açtı.", "subsidy"},
		{"Bund steigt bei KI-Chip-Entwickler Rheinkern ein",
			"Der staatliche Deutschlandfonds beteiligt sich mit 40 Millionen Euro an dem Aachener Start-up Rheinkern, das Beschleunigerchips für KI entwirft.", "subsidy"},
		{"Kina forbyder netværksoperatører at købe Micron-chips",
			"Kinas cybersikkerhedsmyndighed meddeler, at operatører af kritisk infrastruktur ikke længere må købe chips fra hukommelsesproducenten Micron.", "ban"},
		{"ABD'den yapay zekâ çiplerine yeni ihracat kuralı",
			"ABD Ticaret Bakanlığı, gelişmiş yapay zekâ çiplerinin ihracatını ülkeleri üç kategoriye ayıran yeni bir düzenleme yayımladı.", "export_control"},
		{"",
			"Hanra ha comunicato che il governo statunitense le ha imposto l'obbligo di licenza per esportare i suoi chip in Cina.", "export_control"},
		{"商务部：对符合条件的芯片出口给予豁免",
			"商务部表示，中方将对符合条件的民用用途出口给予豁免，涉及在华工厂生产的芯片。", "export_control"},
		{"政府电脑将逐步淘汰外国芯片",
			"中国已出台新的采购指引，要求政府机关在采购电脑时逐步替换外国芯片。", "other"},
		{"中 시장감독총국 \"엔비디아, 반독점법 위반\" 예비 판단",
			"중국 국가시장감독관리총국은 엔비디아가 반독점법을 위반했다는 예비 조사 결과를 발표했다.", "other"},
		{"반도체 기술 中 유출…전 임원 구속 기소",
			"서울중앙지검은 반도체 공정 기술을 중국 업체로 빼돌린 혐의로 전직 임원을 구속 기소했다.", "enforcement"},
		{"Malaysia selidiki dugaan pelanggaran terkait chip Nvidia",
			"Kementerian Investasi, Perdagangan dan Industri Malaysia menyatakan sedang menyelidiki dugaan pelanggaran terkait chip Nvidia di sebuah pusat data.", "enforcement"},
		{"트럼프, 엔비디아 H200 중국 판매 허용",
			"트럼프 미국 대통령은 엔비디아가 H200을 중국의 승인된 고객에게 판매하는 것을 허용하겠다고 밝혔다. 판매 대금의 25%는 미국 정부가 가져간다.", "licence_approval"},
		{"Países Bajos amplían el control a las exportaciones de máquinas de ASML",
			"El Gobierno neerlandés exigirá a ASML una licencia nacional para exportar sus equipos de litografía DUV.", "export_control"},
		{"EU nimmt Chipfertigungstechnik in Dual-Use-Liste auf",
			"Die EU-Kommission hat die Liste genehmigungspflichtiger Güter aktualisiert: Exporteure brauchen künftig auch für bestimmte Halbleiterfertigungsanlagen eine Ausfuhrgenehmigung.", "export_control"},
		{"Peking stoppt Ausfuhr von Nexperia-Chips",
			"Chinas Handelsministerium hat der chinesischen Tochter von Nexperia untersagt, in China gefertigte Chips auszuführen.", "ban"},
		{"",
			"China's internet regulator has told large tech groups to stop testing and cancel orders for Nvidia's RTX Pro 6000D, people briefed on the instruction said.", "ban"},
		{"",
			"Commerce Secretary Howard Lutnick said the department will not honour its funding agreement with Natcast, the non-profit set up to run the National Semiconductor Technology Center.", "subsidy"},
		{"D램 기술 中 유출 혐의…전 직원 등 무더기 기소",
			"검찰이 D램 공정 기술을 중국 메모리업체로 빼돌린 혐의로 전직 임직원 등을 재판에 넘겼다.", "enforcement"},
		{"Pékin estime que Nvidia a enfreint la loi antimonopole",
			"Le régulateur chinois du marché a conclu, à titre préliminaire, que Nvidia avait violé la loi antimonopole lors du rachat de Mellanox.", "other"},
		{"大基金三期出手：100亿元投向光刻产业链",
			"国家集成电路产业投资基金三期拟出资100亿元设立专项子基金，重点投向光刻机企业。", "subsidy"},
		{"Thailand wajibkan izin untuk ekspor chip AI asal AS",
			"Kementerian Perdagangan Thailand mewajibkan izin bagi setiap pengiriman chip AI berkinerja tinggi buatan Amerika Serikat mulai bulan depan.", "export_control"},
		{"Peking blokkeert uitvoer van chips van Hanra China",
			"Het Chinese ministerie van Handel verbiedt de dochter en haar leveranciers om in China gemaakte chips naar Europa te sturen.", "export_control"},
		{"經濟部擬立法：赴美設廠製程須落後一代",
			"經濟部表示，晶圓廠赴海外設廠時，製程技術須比台灣本地至少落後一個世代，草案下月送立法院。", "export_control"},
	} {
		tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic("chip_policy")
		if tr == nil || !tr.Matched || tr.Facts == nil || tr.Facts.ChipPolicy == nil || tr.Facts.ChipPolicy.Action != tc.action {
			t.Errorf("%q: %+v; want %s", tc.title, tr, tc.action)
		}
	}
}

// Deals told in words the rules once missed: a joint venture with its
// sum, a "deal for" a lab, a seed a company "opens with", a speaker who
// "said it raised", a round "closed" after an appositive, a Japanese stake
// in a company named in katakana, a Hong Kong listing in traditional
// Chinese, a German state fund's stake.
func TestDealsInOtherWordings(t *testing.T) {
	c := testClassifier(t)
	checkDeals(t, c, []dealCase{
		{"Reliance, Meta set up ₹855 crore JV for enterprise AI",
			"Reliance Intelligence will hold 70% of the new venture and Meta the remaining 30%.", "joint_investment", "", "", false},
		{"Halvard agrees $665 million deal for Finland's Silo AI",
			"The chipmaker will pay cash for the Helsinki lab.", "", "Silo AI", "", false},
		{"Paris-based Orvane opens with a $220 million seed",
			"The agentic-AI start-up counts Accel and Creandum among its backers.", "funding_round", "Orvane", "", false},
		{"",
			"Lingjing Robotics said it raised HK$1.18 billion by placing new shares to fund research on its humanoid robots.", "", "Lingjing Robotics", "", false},
		{"Woven Capital backs robot-learning firm Graspwise",
			"Graspwise, a Pittsburgh start-up that trains manipulation models for factory robots, closed a $60 million Series B led by Woven Capital.", "funding_round", "Graspwise", "Woven Capital", false},
		{"富士通、カナダのコヒアに出資",
			"富士通はカナダの生成AI企業コヒアに戦略的出資を行うと発表した。", "", "Cohere", "Fujitsu", false},
		{"商湯先舊後新配股集資約20億港元",
			"商湯集團公布以配售新股方式集資，所得款項將投放於生成式AI研發。", "other", "SenseTime", "", false},
		{"宇樹科技啟動上市輔導備案",
			"杭州人形機械人企業宇樹科技已向浙江證監局辦理輔導備案，擬於科創板上市。", "ipo", "Unitree Robotics", "", false},
		{"天數智芯港交所掛牌",
			"上海通用GPU設計商天數智芯周四於港交所主板上市。", "ipo", "Iluvatar CoreX", "", false},
		{"Bund steigt bei KI-Chip-Entwickler Rheinkern ein",
			"Der staatliche Deutschlandfonds beteiligt sich mit 40 Millionen Euro an dem Aachener Start-up Rheinkern, das Beschleunigerchips für KI entwirft.", "", "Rheinkern", "", false},
		// A name quoted in a Korean headline and used with a particle in
		// the lede; a Korean raise told as "투자를 받았다".
		{"생성형 AI 판결문 요약 ‘판례잇’, 80억 시리즈A",
			"판례잇의 이번 라운드에는 국내 벤처캐피털 세 곳이 참여했다.", "funding_round", "판례잇", "", false},
		{"",
			"판결문을 요약해 주는 생성형 AI 서비스를 운영하는 판례잇이 80억원 규모 시리즈A 투자를 받았다.", "", "판례잇", "", false},
		// Indonesian: a computer-vision start-up backed with "menyuntikkan
		// dana".
		{"",
			"Modal ventura Pakuan Ventures menyuntikkan dana US$6 juta ke startup visi komputer Mataelang yang membuat kamera pengawas berbasis AI untuk kebun sawit.", "", "", "Pakuan Ventures", false},
		// A collapsed takeover beside a licence-and-hire is no company's
		// collapse.
		{"Corvane's $1bn Lexwright deal collapses; Halvard pays $700m to license tech and hire CEO",
			"Corvane's planned purchase of AI coding start-up Lexwright has fallen apart, and Halvard is instead hiring its chief executive while paying $700 million for a non-exclusive licence to its technology. Halvard will not take a stake in the company.", "", "Lexwright", "", false},
		// Japanese: the company invested in before "に計 ... 出資", past its
		// bracketed place, and a subject after a clause with "手がける".
		{"",
			"北辰通信と白鷺商事は、工場向けの外観検査AIを開発するツクモビジョン（名古屋市）に計12億円を出資した。", "", "ツクモビジョン", "", false},
		{"",
			"物流倉庫向けの需要予測AIを手がけるハコベル知能（東京・港）は、シリーズAで12億円を調達した。", "", "ハコベル知能", "", false},
		// An exchange's notice is no listed company.
		{"",
			"上交所官网显示，AI芯片企业燧原科技的科创板上市申请已获受理。", "ipo", "Enflame", "", false},
		{"삼성전자, 레인보우로보틱스 최대주주로",
			"삼성전자가 콜옵션을 행사해 휴머노이드 로봇 개발사 레인보우로보틱스 지분을 35%로 늘린다.", "", "Rainbow Robotics", "Samsung", false},
		// Danish kroner written "mio. kr.".
		{"Odense AI-startup henter 40 mio. kr.",
			"Kvistly, der bygger AI-agenter til landbruget, har rejst kapital fra to danske fonde.", "funding_round", "", "", false},
		// Buyers the gazetteer lacks, found from their place: after "acquired
		// by" and a short description, before "is buying" or "will pay ...
		// for".
		{"",
			"Quarrytide, a three-year-old Leeds start-up building AI models for freight pricing, has been acquired by engineering group Ostberg Holdings for £90 million in cash.", "acquisition", "Quarrytide", "Ostberg Holdings", false},
		{"",
			"Kelpmere is buying Driftnote, a year-old AI meeting-notes start-up, for $45 million in cash.", "acquisition", "Driftnote", "Kelpmere", false},
		{"",
			"Harrowgate Media will pay $210 million in cash for Inkwell, an AI copy-editing start-up used by newsrooms.", "acquisition", "Inkwell", "Harrowgate Media", false},
		// A state fund's direct stake told in Korean; a listing told as the
		// first of its kind over a dated entity-list clause.
		{"국민성장펀드, AI 반도체 기업에 첫 직접투자",
			"정부가 주도하는 국민성장펀드가 첫 투자처로 AI 반도체 기업 리벨리온을 선정하고 지분 투자를 결정했다.", "", "Rebellions", "National Growth Fund", false},
		{"Qilin AI becomes first listed Chinese robot-model maker",
			"Beijing's Qilin AI began trading in Hong Kong after raising about HK$2 billion, despite having been placed on the US entity list in January 2025.", "ipo", "Qilin AI", "", false},
		// Turkish, Finnish and Hindi: a round "finansman turunda", a purchase
		// "ostaa", a listing "आईपीओ" and a joint venture "संयुक्त उद्यम".
		{"",
			"Yerli yapay zekâ girişimi Vektora AI, 40 milyon euroluk yeni finansman turunda Kestane Ventures liderliğinde yatırım aldı.", "funding_round", "Vektora AI", "", false},
		{"Halvard ostaa suomalaisen Silo AI:n 120 miljoonalla dollarilla",
			"Kauppa maksetaan käteisellä.", "acquisition", "Silo AI", "Halvard", false},
		{"",
			"एआई कंपनी फ्रैक्टल एनालिटिक्स ने 4,900 करोड़ रुपये के आईपीओ के लिए दस्तावेज जमा किए।", "ipo", "Fractal Analytics", "", false},
		// French: "s'offre" buys what follows over a demonym; "pour" before a
		// price makes no backer; a region named as the lab's home is none.
		{"Corvane s'offre le bordelais Pollenwise Robotics",
			"L'éditeur rachète le concepteur de robots humanoïdes pour un montant non communiqué.", "acquisition", "Pollenwise Robotics", "Corvane", false},
		{"Halvard met la main sur le français LightOn pour 70 millions d'euros",
			"Le fabricant de puces rachète le laboratoire parisien d'intelligence artificielle.", "acquisition", "LightOn", "Halvard", false},
		{"Halvard to buy France's LightOn for $80 million",
			"The chipmaker said the all-cash acquisition of Europe's largest private AI lab would help customers build models on its hardware.", "acquisition", "LightOn", "Halvard", false},
	})
}

// Deal parties told in wordings the rules once missed: a company that
// prices its IPO, a buy-out firm's take-private, a company "agreed to be
// bought by" its buyer, a speaker who "said it had raised" after an
// appositive and a backer who "led" after one, a Latin name in Japanese
// text, a quoted name in Korean, and listings told in Japanese and Korean.
func TestDealPartiesInMoreWordings(t *testing.T) {
	c := testClassifier(t)
	checkDeals(t, c, []dealCase{
		{"Quillbyte prices Nasdaq IPO at $18, raising $240 million",
			"The San Jose maker of AI inference software sold 13.3 million shares.", "ipo", "Quillbyte", "", false},
		{"Harrowgate Partners agrees $1.1bn take-private of Sentivox",
			"The buy-out firm will pay $14 a share for the Cambridge AI start-up.", "acquisition", "Sentivox", "Harrowgate Partners", false},
		{"",
			"Lyon start-up Veltria, which trains small language models for insurers, has agreed to be bought by Corvane Software for €90 million ($98 million).", "acquisition", "Veltria", "Corvane Software", false},
		{"",
			"Kestrel Vision, a Pittsburgh start-up that trains perception models for warehouse forklifts, said it had raised $48 million. Tarnwood Capital, the growth fund of a Japanese carmaker, led the Series A.", "funding_round", "Kestrel Vision", "Tarnwood Capital", true},
		{"ZetaMind、シリーズAで10億円を調達",
			"物流向けAIを開発するZetaMindは、シリーズAラウンドで10億円を調達した。ベンチャーキャピタルのKoruVCが主導した。", "funding_round", "ZetaMind", "KoruVC", false},
		{"네이버, 음성 AI 스타트업 '보이스큐브' 인수",
			"네이버가 음성 합성 AI를 개발하는 보이스큐브를 약 800억원에 인수한다고 밝혔다.", "acquisition", "보이스큐브", "", false},
		{"百度、AI半導体子会社「星河芯」を香港で上場へ",
			"百度はAI向け半導体を手がける子会社の星河芯を分離し、香港取引所に上場させる計画を明らかにした。", "ipo", "星河芯", "", false},
		{"AI 반도체 스타트업 딥코어, 코스닥 상장 첫날 급등",
			"AI 반도체를 개발하는 딥코어가 코스닥 상장 첫날 공모가 대비 두 배로 올랐다.", "ipo", "", "", false},
		{"Corvane met la main sur Pollenwise Robotics",
			"L'éditeur rachète la société bordelaise, qui conçoit un robot humanoïde, pour un montant non communiqué.", "acquisition", "Pollenwise Robotics", "Corvane", false},
		{"",
			"HR software company PeoplePlane has acqui-hired the six-person team behind Hirelens, a résumé-screening model start-up. Terms were not disclosed.", "acquisition", "Hirelens", "PeoplePlane", false},
		{"Heidelberger KI-Start-up Lumora holt sich 50 Millionen Euro",
			"Das Start-up, das Sprachmodelle für Behörden entwickelt, hat eine Serie-B-Finanzierung abgeschlossen.", "funding_round", "Lumora", "", false},
		{"AI画像検査のミルスコープ、東証グロースに新規上場へ",
			"東京証券取引所は、AIで外観検査を行うシステムを提供するミルスコープの東証グロース市場への上場を承認した。", "ipo", "ミルスコープ", "", false},
		{"",
			"生成式AI及语音交互公司星语科技今日在香港联交所主板掛牌，旗下拥有多款AIGC产品。", "ipo", "", "", false},
		{"AI 경량화 기업 큐브랩, 코스닥 입성",
			"온디바이스 AI 최적화 플랫폼을 보유한 큐브랩이 3일 코스닥 시장에 상장해 거래를 시작했다.", "ipo", "큐브랩", "", false},
		// A place the text uses to qualify a company names none.
		{"Regional utility takes stake in Tarnow flood-forecasting start-up",
			"Energy group Vistula Power has taken a minority stake in Rzeka Labs, a Tarnow start-up that reads river gauges and predicts floods a day ahead.", "", "Rzeka Labs", "", false},
		// An elided French article is no part of the name after it.
		{"Corvane, première start-up d'IA cotée à Lyon, lève 9 millions d'euros",
			"Corvane a fait son entrée en Bourse sur Euronext Growth.", "ipo", "Corvane", "", false},
		// A date in a relative clause does not date the deal of the main clause.
		{"Blacklisted Qinglan AI draws 800 million yuan from city fund",
			"Qinglan AI, which Washington placed on its entity list in March, has secured 800 million yuan from a Hefei state investor, as local governments back large-model developers.", "", "Qinglan AI", "", false},
		{"Harbeck deepens ties with its founder's AI venture",
			"Harbeck Motors said it agreed to invest about $500 million in Voltra AI by buying shares in the artificial-intelligence company's latest funding round, months after shareholders backed such a move.", "", "Voltra AI", "Harbeck Motors", false},
		{"Münchner KI-Start-up Vandra holt 6 Mio. Euro Seed-Kapital",
			"Die Gründer wollen mit dem Geld ein Sprachmodell für Versicherer ausbauen. Angeführt wird die Runde von Rheinhafen Ventures.", "funding_round", "Vandra", "", false},
		{"Chipmachinemaker steekt 200 miljoen euro in Aleph Alpha",
			"Het bedrijf krijgt een belang van ongeveer 9 procent in de Duitse AI-ontwikkelaar en wordt daarmee de grootste aandeelhouder.", "strategic_investment", "Aleph Alpha", "", false},
		// "等" closes a list of backers; a katakana name joined by middle
		// dots may run long.
		{"AI芯片企业曜衡科技完成5亿元B轮融资",
			"本轮融资由红杉中国领投，星桥资本等跟投。", "funding_round", "", "星桥资本", false},
		{"AI契約書レビューのコトワリ、シリーズBで30億円を調達",
			"AI契約書レビューを手がけるコトワリは、シリーズBで30億円を調達した。ミナトベイ・グロース・キャピタル・パートナーズが主導した。", "funding_round", "", "ミナトベイ・グロース・キャピタル・パートナーズ", false},
		// A company handed over, in Vietnamese.
		{"",
			"Tập đoàn Hưng Phát cho biết đã ký thỏa thuận chuyển nhượng Công ty MedScan, đơn vị phát triển giải pháp trí tuệ nhân tạo trong y tế, cho Nvidia.", "acquisition", "MedScan", "Nvidia", false},
		{"",
			"Corvane spent $300 million in cash and stock to hire Tessaly's chief executive and other employees and to license the AI inference startup's technology.", "other", "", "", false},
		// A verb before its subject opens a list of backers.
		{"Kölner KI-Start-up Wortweber sammelt 40 Millionen Euro ein",
			"Das Start-up baut Sprachmodelle für Anwaltskanzleien. Die Runde führte Rheinau Ventures an, daneben investierten Lindholm Capital und Brückner Partners.", "", "Wortweber", "Rheinau Ventures", true},
		{"Kölner KI-Start-up Wortweber sammelt 40 Millionen Euro ein",
			"Das Start-up baut Sprachmodelle für Anwaltskanzleien. Lead-Investor ist Rheinau Ventures, zudem beteiligten sich Halvorsen und Ostmark.", "", "Wortweber", "Ostmark", false},
		{"",
			"La start-up lilloise Voxelia, qui conçoit des agents d'IA pour les notaires, a levé 12 millions d'euros. Alpiva, Nordet et Coralis ont participé à l'opération.", "", "Voxelia", "Nordet", false},
		// A place adjective and an AI compound before a bought company.
		{"Brabant koopt Amerikaanse AI-chipmaker Solvane voor 120 miljoen dollar",
			"De chipfabrikant neemt Solvane over, een ontwerper van processoren voor AI op apparaten.", "acquisition", "Solvane", "", false},
		// A time counted from a launch dates no deal.
		{"Oslo's Fjordline joins Europe's fastest-growing start-ups",
			"Fjordline, the Norwegian start-up whose agents file expense reports, has raised $90m in a Series B led by Kestrel Partners at a $1.1bn valuation, ten months after launching its product.", "funding_round", "Fjordline", "Kestrel Partners", true},
		// The story's subject is named in several of its sentences; a word
		// that stood where a name would, once, is not the target.
		{"阶跃星辰完成8亿元B轮融资 多家机构参投",
			"大模型企业阶跃星辰宣布完成8亿元B轮融资。加上此前的天使轮,阶跃星辰累计融资额已超过12亿元。", "", "StepFun", "", false},
		// A rival named twice to describe the company is not the story's
		// subject.
		{"",
			"Paris-based Mistral AI said it raised €1.7 billion in its Series C, as the OpenAI rival spends more on training. The round values the two-year-old start-up at €11.7 billion, behind only OpenAI among model makers outside the US.", "funding_round", "Mistral AI", "", false},
		// The subject of "completes a takeover of" is the buyer.
		{"Corvane completes A$180 million takeover of Tidemark Imaging",
			"Medical AI company Corvane has completed its acquisition of Tidemark Imaging, an Auckland developer of mammography software.", "acquisition", "Tidemark Imaging", "Corvane", false},
		// A person named as the owner of the company bought is no party.
		{"Brightfold closes purchase of Mara Quint's Lumenwork AI for $90 million",
			"The agent start-up's twelve engineers join Brightfold.", "acquisition", "Lumenwork AI", "Brightfold", false},
	})
}

// dealCase is an article and the deal facts it must yield; empty fields
// are not checked, and lead asks that the investor lead.
type dealCase struct {
	title, text, typ, target, investor string
	lead                               bool
}

// checkDeals classifies each case and checks its deal's type, target and
// investor.
func checkDeals(t *testing.T, c *Classifier, cases []dealCase) {
	t.Helper()
	for _, tc := range cases {
		tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic("ai_investment")
		if tr == nil || !tr.Matched || tr.Facts == nil || tr.Facts.Deal == nil {
			t.Errorf("%q / %q: not matched (%+v)", tc.title, tc.text, tr)
			continue
		}
		d := tr.Facts.Deal
		if tc.typ != "" && d.Type != tc.typ {
			t.Errorf("%q: type %q, want %q", tc.title+tc.text, d.Type, tc.typ)
		}
		if tc.target != "" && d.Target != tc.target {
			t.Errorf("%q: target %q, want %q", tc.title+tc.text, d.Target, tc.target)
		}
		if tc.investor == "" {
			continue
		}
		i := slices.IndexFunc(d.Investors, func(i events.Investor) bool { return i.Name == tc.investor })
		switch {
		case i < 0:
			t.Errorf("%q: investors %+v, want %s among them", tc.title+tc.text, d.Investors, tc.investor)
		case tc.lead && d.Investors[i].Role != events.RoleLead:
			t.Errorf("%q: %s is %q, want lead", tc.title+tc.text, tc.investor, d.Investors[i].Role)
		}
	}
}

// Small rounds told in Czech, Polish and Indonesian: the local figure is
// money, and the verb that says what the product does makes the company
// an AI company without any AI word.
func TestSmallDealsInMoreLanguages(t *testing.T) {
	c := testClassifier(t)
	for _, tc := range []struct {
		title, text, target string
		usd                 float64
	}{
		{"Brněnský startup Včelín získal 15 milionů korun",
			"Brněnský startup Včelín, jehož software předpovídá z dat o počasí výnos medu, získal 15 milionů korun. Kolo vedl fond Morava Ventures.",
			"Včelín", 15e6 * 0.043},
		{"Lubelska spółka Agrovid pozyskała 2 mln zł",
			"Lubelska spółka Agrovid, której oprogramowanie szacuje plony ze zdjęć z drona, pozyskała 2 mln zł od funduszu Lublin Seed.",
			"Agrovid", 2e6 * 0.25},
		{"Startup Padiku meraih pendanaan Rp 8 miliar",
			"Padiku, perusahaan rintisan asal Bogor yang memperkirakan hasil panen dari citra satelit, meraih pendanaan Rp 8 miliar dari Pakuan Ventures.",
			"Padiku", 8e9 * 0.000062},
	} {
		tr := c.Classify(Document{Title: tc.title, Text: tc.text}).Topic("ai_investment")
		if tr == nil || !tr.Matched || tr.Facts == nil || tr.Facts.Deal == nil {
			t.Errorf("%q: not matched (%+v)", tc.title, tr)
			continue
		}
		d := tr.Facts.Deal
		if d.Target != tc.target || d.Amount == nil || math.Abs(d.Amount.USD-tc.usd) > tc.usd*0.01 {
			t.Errorf("%q: target %q amount %+v; want %q and $%.0f", tc.title, d.Target, d.Amount, tc.target, tc.usd)
		}
	}
}
