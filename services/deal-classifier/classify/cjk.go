package classify

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/services/deal-classifier/acmatch"
	"github.com/newsmon/newsmon/services/deal-classifier/rules"
)

// CJK names carry no capitals and no spaces, so they are found by the
// particles and deal words around them: the subject of a raise
// ("サカナAI、約200億円を調達", "업스테이지가 ... 투자를 유치했다",
// "燧原科技完成新一轮融资") and backers before "などが出資" or "领投".

// cjkRaise are raise words that make the sentence's leading name a target.
var cjkRaise = []string{"調達", "出資を受け", "투자 유치", "투자를 유치", "유치했", "투자를 받", "투자받", "融资", "募资", "获投", "筹集",
	// A listing makes its subject the company listed: "ニューロサイン、東証グロースに新規上場へ".
	"新規上場", "上場へ", "上場申請", "코스닥 상장", "코스닥 입성", "상장해", "上市"}

// cjkSubjectEnds end the leading name of a sentence.
var cjkSubjectEnds = []string{"、", "，", ",", "が", "は", "宣布", "完成", "获得", "获", "이 ", "가 ", "는 ", "은 "}

// cjkBackerEnds follow a backer's name.
var cjkBackerEnds = []string{"などが出資", "が出資", "から出資", "などから", "が引き受け", "が主導", "を引受先と", "が引受先とな", "联合领投", "领投", "参投", "跟投", "등이 참여", "이 참여", "가 참여"}

// cjkBackerStarts open a backer's name: "由红杉中国领投".
var cjkBackerStarts = []string{"由", "老股东"}

// cjkBackerLeads open a list of backers that runs to the sentence's end
// or "など": "引受先はQBキャピタルと九州の地方銀行系ファンド".
var cjkBackerLeads = []string{"引受先は", "引受先には", "引き受け先は", "出資者は"}

// cjkParticles end a name when walking back from a backer ending: "同社は
// 薩摩ベンチャーズを引受先とする" names 薩摩ベンチャーズ.
const cjkParticles = "はがをにで"

// cjkDescriptors end a description before a name.
var cjkDescriptors = []string{"企业", "公司", "厂商", "初创", "开发商", "スタートアップ", "企業", "新興", "스타트업", "기업"}

// cjkGeneric are words for investors in general, and other words that
// stand where a name would, but are none.
var cjkGeneric = []string{"투자자", "투자사", "벤처캐피털", "投资者", "投资方", "投資家", "股东", "多家", "機関投資家", "株主",
	"価値", "評価額", "調達額", "資金", "기업가치", "투자금", "估值", "资金", "金额",
	// Attribution and people, not names: "据知情人士透露", "창업자들".
	"知情人士", "透露", "据悉", "报道", "관계자", "창업자", "関係者",
	// Exchanges and their notices approve a listing, they are not listed:
	// "上交所官网显示", "東京証券取引所は".
	"交易所", "上交所", "深交所", "港交所", "北交所", "官网", "取引所", "거래소",
	// "회사는 ... 투자받았으며" (the company), "上場日は" (the listing day).
	"회사", "上場日", "上市日", "상장일",
	// A description left with no name after it: "音声対話AI新興".
	"新興"}

// cjkNames adds the CJK names of sentence si as found names.
func (s *state) cjkNames(si int) {
	sent := s.sents[si]
	runes := s.text.Runes[sent.Start:sent.End]
	text := string(runes)
	hasCJK := false
	for _, r := range runes {
		if acmatch.IsCJK(r) {
			hasCJK = true
			break
		}
	}
	if !hasCJK {
		return
	}
	raise := false
	for _, w := range cjkRaise {
		if strings.Contains(text, w) {
			raise = true
		}
	}
	if raise {
		// The sentence's subject: the run before the first subject ending,
		// after a descriptor ending in "、" or "スタートアップ" when present.
		from := 0
		if k := strings.Index(text, "、"); k >= 0 && k < len(text)/2 {
			prefix := text[:k]
			if strings.HasSuffix(prefix, "スタートアップ") || strings.HasSuffix(prefix, "企業") {
				from = len([]rune(prefix)) + 1
			}
		}
		if n := cjkEnd(runes[from:], cjkSubjectEnds); n > 0 && !containsAnyWord(string(runes[from:from+n]), cjkRaise) {
			// "調達後の企業価値は": the raise word opens the sentence, so
			// what precedes the particle is no subject of a raise.
			s.cjkAdd(si, runes, from, n, true)
		}
	}
	s.cjkQuotedNames(si, runes)
	for _, w := range cjkBackerEnds {
		wr := []rune(w)
		for k := 0; k+len(wr) <= len(runes); k++ {
			if string(runes[k:k+len(wr)]) != w {
				continue
			}
			// "や" and "と" join names in a list, so a name stops there.
			b := nameStart(runes, k, cjkParticles+"やと")
			// "NEAやコースラ・ベンチャーズなどが引き受けた": "など" (and
			// others) closes the list, it is no part of the last name.
			// "启明创投等跟投": "等" (and others) likewise.
			e := k
			if e-b > 2 && string(runes[e-2:e]) == "など" {
				e -= 2
			} else if e-b > 2 && runes[e-1] == '等' {
				e--
			}
			for _, st := range cjkBackerStarts {
				if i := strings.LastIndex(string(runes[b:k]), st); i >= 0 {
					b += len([]rune(string(runes[b:k])[:i])) + len([]rune(st))
				}
			}
			s.cjkAdd(si, runes, b, e-b, false)
		}
	}
	s.cjkBackerList(si, runes)
	s.japaneseInvestee(si, runes)
	if koreanInvestText(text) {
		s.koreanInvestee(si, runes)
	}
}

// koreanInvestee adds the company a Korean investing sentence puts money
// in: the word before "에 " after a company word, as in "AI 반도체 기업
// 한빛칩스에 800억원을 투자한다".
func (s *state) koreanInvestee(si int, runes []rune) {
	for k := 1; k+1 < len(runes); k++ {
		if runes[k] != '에' || runes[k+1] != ' ' {
			continue
		}
		b := k
		for b > 0 && runes[b-1] != ' ' {
			b--
		}
		if b < 2 || b == k {
			continue
		}
		before := strings.TrimRight(string(runes[:b]), " ")
		if endsWithAny(before, cjkDescriptors) {
			s.cjkAdd(si, runes, b, k-b, true)
		}
	}
}

// nameStart walks back from e over the letters, digits and katakana
// middle dots of a name ("コースラ・ベンチャーズ"), stopping at any rune of
// stops or after cjkDottedMax runes, and returns where the name starts.
func nameStart(runes []rune, e int, stops string) int {
	b := e
	for b > 0 && (acmatch.IsCJK(runes[b-1]) || unicode.IsLetter(runes[b-1]) || unicode.IsDigit(runes[b-1]) || runes[b-1] == '・') && !strings.ContainsRune(stops, runes[b-1]) && e-b < cjkDottedMax {
		b--
	}
	return b
}

// jaInvesteeEnds follow the company a Japanese sentence invests in or
// buys: "アマテラス・ボイス（大阪市）に共同で出資した", "アイミエルを約30億円で買収".
var jaInvesteeEnds = []string{"に出資", "へ出資", "に共同出資", "に共同で出資", "に追加出資", "に計", "を買収", "の全株式を取得", "を完全子会社化", "を子会社化"}

// japaneseInvestee adds the name before a Japanese investing or buying
// ending, past a bracketed place ("（東京・渋谷）") and back to a particle
// or a comma.
func (s *state) japaneseInvestee(si int, runes []rune) {
	text := string(runes)
	for _, w := range jaInvesteeEnds {
		eachIndex(text, w, func(i int) bool {
			e := len([]rune(text[:i]))
			if e > 0 && (runes[e-1] == '）' || runes[e-1] == ')') {
				open := '（'
				if runes[e-1] == ')' {
					open = '('
				}
				for e > 0 && runes[e-1] != open {
					e--
				}
				e--
			}
			if e <= 0 {
				return true
			}
			if b := nameStart(runes, e, cjkParticles+"のやと"); e-b >= 2 {
				s.cjkAdd(si, runes, b, e-b, true)
			}
			return true
		})
	}
}

// eachIndex calls f with the byte offset of each occurrence of w in text,
// left to right, until f returns false.
func eachIndex(text, w string, f func(i int) bool) {
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 || !f(off+i) {
			return
		}
		off += i + len(w)
	}
}

// cjkBackerList adds the names listed after a backer lead, split at "や",
// "と" and "、"; a description in the list ("九州の地方銀行系ファンド") is no
// name and cjkAdd drops it.
func (s *state) cjkBackerList(si int, runes []rune) {
	text := string(runes)
	for _, w := range cjkBackerLeads {
		i := strings.Index(text, w)
		if i < 0 {
			continue
		}
		from := len([]rune(text[:i])) + len([]rune(w))
		end := from
		for end < len(runes) && runes[end] != '。' && !(runes[end] == 'な' && end+1 < len(runes) && runes[end+1] == 'ど') {
			end++
		}
		b := from
		for k := from; k <= end; k++ {
			if k == end || runes[k] == 'や' || runes[k] == 'と' || runes[k] == '、' {
				s.cjkAdd(si, runes, b, k-b, false)
				b = k + 1
			}
		}
	}
}

// cjkListedBacker reports whether the name starting at pos stands in a
// list after a backer lead in the same sentence.
func (s *state) cjkListedBacker(pos int) bool {
	before := string(s.text.Runes[max(0, pos-40):pos])
	for _, w := range cjkBackerLeads {
		if k := strings.LastIndex(before, w); k >= 0 && !strings.ContainsAny(before[k:], "。.") {
			return true
		}
	}
	return false
}

// cjkNameMax and cjkDottedMax bound the length in runes of a CJK name, and
// of one whose words a middle dot joins.
const (
	cjkNameMax   = 16
	cjkDottedMax = 24
)

// cjkEnd returns the length of the run before the first of ends, or -1.
func cjkEnd(runes []rune, ends []string) int {
	text := string(runes)
	best := -1
	for _, e := range ends {
		eachIndex(text, e, func(i int) bool {
			if i == 0 {
				return true
			}
			// "手がける": a verb, not the subject particle.
			if e == "が" && strings.HasPrefix(text[i+len(e):], "け") {
				return true
			}
			// "개발하는 X가", "요약해 주는 X가": a verb's ending, not the
			// topic particle.
			if (e == "는 " || e == "은 ") && strings.ContainsRune("하되있한된주찾돕", lastRune(text[:i])) {
				return true
			}
			if n := len([]rune(text[:i])); best < 0 || n < best {
				best = n
			}
			return false
		})
	}
	return best
}

// cjkAdd records runes[from:from+n] of sentence si as a found name.
func (s *state) cjkAdd(si int, runes []rune, from, n int, subject bool) {
	if n < 2 || n > 48 || from < 0 || from+n > len(runes) {
		return
	}
	from0 := from
	// "AI芯片企业星衡智算": drop a leading descriptor.
	for _, d := range cjkDescriptors {
		seg := string(runes[from : from+n])
		if i := strings.LastIndex(seg, d); i >= 0 {
			skip := len([]rune(seg[:i])) + len([]rune(d))
			if n-skip >= 2 {
				from, n = from+skip, n-skip
			}
		}
	}
	from, n = cjkTrim(runes, from, n)
	// "グロービス・キャピタル・パートナーズ": a name whose words the
	// katakana middle dot joins may run longer.
	if n < 2 || n > cjkNameMax && (n > cjkDottedMax || !slices.Contains(runes[from:from+n], '・')) {
		return
	}
	name := strings.TrimSpace(string(runes[from : from+n]))
	if strings.ContainsAny(name, "をにでへのと") {
		return // a clause, not a name ("生成AIの研究開発を手")
	}
	cjk := 0
	for _, r := range name {
		if acmatch.IsCJK(r) {
			cjk++
		}
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return
		}
	}
	if cjk == 0 && !latinName(name) {
		return
	}
	for _, g := range cjkGeneric {
		if strings.Contains(name, g) {
			return
		}
	}
	start := s.sents[si].Start + from
	end := start + n
	if s.overlapsMention(start, end) {
		return
	}
	// "AI画像検査のミルスコープ", "AI 경량화 기업 큐브랩": the description
	// dropped before a subject's name says it is an AI company.
	described := strings.Contains(strings.ToUpper(string(runes[from0:from])), "AI") || strings.Contains(string(runes[from0:from]), "人工知能")
	s.ents = append(s.ents, mention{entry: -1, name: name, start: start, end: end, sent: si, ai: subject && (described || s.aiDescribed(si))})
}

// cjkClauseEnds end a relative clause before a name: "大規模言語モデルを開発する
// コトハ", "생성형 AI를 개발하는 누리에이아이", "专注大模型的衡川智能".
var cjkClauseEnds = []string{"する", "ける", "した", "している", "手がける", "の", "的", "하는 ", "한 ", "인 "}

// cjkTrim narrows runes[from:from+n] to the name itself: it drops a
// relative clause before it, a trailing "（東京・港）" and, for scripts that
// space their words, all but the last word.
func cjkTrim(runes []rune, from, n int) (int, int) {
	seg := string(runes[from : from+n])
	// A bracket that is still open, or closes the span, holds a place.
	if i := max(strings.LastIndex(seg, "（"), strings.LastIndex(seg, "(")); i > 0 && (!strings.ContainsAny(seg[i:], "）)") || strings.HasSuffix(strings.TrimSpace(seg), "）") || strings.HasSuffix(strings.TrimSpace(seg), ")")) {
		n = len([]rune(seg[:i]))
		seg = seg[:i]
	}
	for _, e := range cjkClauseEnds {
		if i := strings.LastIndex(seg, e); i >= 0 {
			skip := len([]rune(seg[:i])) + len([]rune(e))
			if n-skip >= 2 {
				from, n = from+skip, n-skip
				seg = string(runes[from : from+n])
			}
		}
	}
	if i := strings.LastIndex(strings.TrimSpace(seg), " "); i >= 0 {
		skip := len([]rune(seg[:i])) + 1
		if n-skip >= 2 {
			from, n = from+skip, n-skip
		}
	}
	return from, n
}

func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// latinGeneric are Latin words CJK text uses that name no company.
var latinGeneric = set(`ai llm gpu npu cpu hbm ceo cto cfo ipo vc saas dx it ict ev ip series pre-a`)

// latinName reports whether a run in Latin letters that stands where a CJK
// name would is a company name: "LayerX、シリーズBで150億円を調達",
// "ベンチャーキャピタルのIVPが主導". It starts with a capital and is no
// generic word (AI, GPU, SaaS).
func latinName(name string) bool {
	r := []rune(name)
	if len(r) < 3 || !unicode.IsUpper(r[0]) || latinGeneric[strings.ToLower(name)] {
		return false
	}
	for _, c := range r {
		if !(c < unicode.MaxASCII && (unicode.IsLetter(c) || c == '.' || c == '-' || c == '&')) {
			return false
		}
	}
	return true
}

// cjkQuotes pair the quote marks CJK news puts around a company's name.
var cjkQuotes = map[rune]rune{'\'': '\'', '‘': '’', '“': '”', '"': '"', '「': '」', '『': '』'}

// cjkQuotedNames adds a name in quotes right after a company word:
// "음성 AI 스타트업 '보이스큐브' 인수", "AI半導体子会社「崑崙芯」".
func (s *state) cjkQuotedNames(si int, runes []rune) {
	for k, r := range runes {
		closer, ok := cjkQuotes[r]
		if !ok || k == 0 {
			continue
		}
		end := -1
		for q := k + 1; q < len(runes) && q <= k+17; q++ {
			if runes[q] == closer {
				end = q
				break
			}
		}
		if end < 0 {
			continue
		}
		before := strings.TrimRight(string(runes[:k]), " ")
		if endsWithAny(before, cjkDescriptors) || endsWithAny(before, cjkCompanyWords) || s.echoedName(si, runes[k+1:end]) {
			s.cjkAdd(si, runes, k+1, end-k-1, true)
		}
	}
}

// cjkNameParticles follow a name used as a subject, topic, possessive or
// object: "로앤코드가", "메디렌즈의", "ミルスコープは".
var cjkNameParticles = []rune("가이는은의에를을がはのを（(")

// echoedName reports whether a name quoted in the headline stands unquoted
// before a particle in another sentence: "‘로앤코드’, 120억 시리즈A" over
// "... 운영하는 로앤코드가 120억원 규모 ...".
func (s *state) echoedName(si int, name []rune) bool {
	if len(name) < 2 || s.sents[si].Zone != rules.ZoneTitle || slices.ContainsFunc(name, unicode.IsSpace) {
		return false
	}
	runes := s.text.Runes
	for _, sent := range s.sents {
		if sent.Zone == rules.ZoneTitle {
			continue
		}
		seg := runes[sent.Start:sent.End]
		for k := 0; k+len(name) < len(seg); k++ {
			if slices.Equal(seg[k:k+len(name)], name) && slices.Contains(cjkNameParticles, seg[k+len(name)]) && (k == 0 || !acmatch.IsCJK(seg[k-1]) || seg[k-1] == ' ') {
				return true
			}
		}
	}
	return false
}

// cjkCompanyWords end a description of a company before its quoted name.
var cjkCompanyWords = []string{"子会社", "자회사", "子公司", "新興"}

func endsWithAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// koreanInvestVerbs end a Korean sentence in which its subject invests:
// "투자한다", "투자했다", "투자하기로 했다". A raise ("투자를 유치했다")
// is the other way round.
var koreanInvestVerbs = []string{"투자한다", "투자했다", "투자하기로", "투자할 계획", "투자해", "투자를 단행", "지분을 인수"}

// koreanInvests reports whether sentence si has a Korean investing verb
// and no raise.
func (s *state) koreanInvests(si int) bool {
	return koreanInvestText(s.sentenceText(si))
}

func koreanInvestText(text string) bool {
	return containsAnyWord(text, koreanInvestVerbs) && !strings.Contains(text, "유치")
}

// nearCJK reports whether mention m is written in, or stands next to, CJK
// text: "리벨리온·사피온", "SK텔레콤 계열", "エヌビディア依存", "Nvidia에".
func (s *state) nearCJK(m mention) bool {
	runes := s.text.Runes
	return acmatch.IsCJK(runes[m.start]) || acmatch.IsCJK(runes[m.end-1]) ||
		m.start > 0 && acmatch.IsCJK(runes[m.start-1]) ||
		m.end < len(runes) && acmatch.IsCJK(runes[m.end]) ||
		m.end+1 < len(runes) && runes[m.end] == ' ' && acmatch.IsCJK(runes[m.end+1])
}

// cjkRoles reads the roles a Korean or Japanese sentence gives mention m,
// whose following text is rest: a name in a list of allotment backers, the
// parties to a Korean merger, an owner ("SK텔레콤 계열"), a company others
// depend on, and the two sides of a Korean investing verb.
func (s *state) cjkRoles(m mention, rest string, r *role) {
	runes := s.text.Runes
	if s.cjkListedBacker(m.start) {
		r.investor += 3
	}
	// A Korean merger: "리벨리온·사피온 합병", "리벨리온과 사피온코리아가
	// 합병": the first named survives and buys the second; "존속법인은
	// 리벨리온" names the survivor, "사피온코리아를 흡수" the one absorbed.
	// "SK텔레콤 계열 사피온코리아": SK Telecom owns it, it is no party.
	before := string(runes[max(0, m.start-8):m.start])
	if strings.Contains(string(runes[m.end:min(len(runes), m.end+24)]), "합병") {
		switch {
		case strings.HasSuffix(before, "·") || strings.HasSuffix(before, "과 ") || strings.HasSuffix(before, "와 "):
			r.target += 3
		case strings.HasPrefix(rest, "과 합병") || strings.HasPrefix(rest, "와 합병"):
			// "지난해 사피온코리아와 합병하며": the one merged with, which
			// may be told as background; neither role from this.
		case strings.HasPrefix(rest, "·") || strings.HasPrefix(rest, "과 ") || strings.HasPrefix(rest, "와 "):
			r.investor += 3
		}
	}
	if strings.HasSuffix(before, "존속법인은 ") || strings.HasSuffix(before, "존속 법인은 ") {
		r.investor += 3
	}
	if strings.HasPrefix(rest, "를 흡수") || strings.HasPrefix(rest, "을 흡수") {
		r.target += 3
	}
	if strings.HasPrefix(rest, " 계열") {
		r.background = true
	}
	// "엔비디아 의존도를 낮추고", "对英伟达的依赖", "エヌビディア依存": the
	// company others depend on, as "reliance on Nvidia" in English.
	for _, w := range []string{"의존", " 의존", "에 대한 의존", "에 의존", "依存", "への依存", "的依赖", "依赖"} {
		if strings.HasPrefix(rest, w) {
			r.background = true
		}
	}
	// "국민성장펀드가 퓨리오사AI에 1500억원을 투자한다": in a sentence
	// whose verb invests, the subject is the backer and the name
	// before "에" the company invested in.
	if s.koreanInvests(m.sent) {
		switch {
		case strings.HasPrefix(rest, "가 ") || strings.HasPrefix(rest, "이 ") || strings.HasPrefix(rest, "는 ") || strings.HasPrefix(rest, "은 "):
			r.investor += 3
		case strings.HasPrefix(rest, "에 ") || strings.HasPrefix(rest, "에게 "):
			r.target += 3
		}
	}
}
