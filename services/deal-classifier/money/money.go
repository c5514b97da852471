// Package money finds amounts of money in text ("$10 billion", "US$300m",
// "¥7bn", "1.5 billion yuan", "€500 million", "10亿美元") and normalises
// them to US dollars with a rates table. A range yields its upper bound; a
// qualifier such as "more than" keeps the stated figure. When the text gives
// the dollar figure itself ("6.1 billion yuan ($904 million)") that figure
// is used instead of the table.
package money

import (
	"slices"
	"strings"
	"unicode"
)

// Rates maps an ISO currency code to its value in US dollars.
type Rates map[string]float64

// Amount is one amount found in a text. Start and End are rune offsets.
type Amount struct {
	Text     string
	Start    int
	End      int
	Value    float64
	Currency string
	USD      float64
	// Qualifier is "more_than", "about", "up_to" or empty.
	Qualifier string
	// StatedUSD is true when USD comes from the text, not the rates table.
	StatedUSD bool
}

// Options tune parsing.
type Options struct {
	// Yen is the currency "¥" stands for: "JPY" (default) or "CNY".
	Yen string
}

type prefix struct {
	text, cur string
}

// Longest first, so "US$" wins over "$".
var prefixes = []prefix{
	{"US$", "USD"}, {"R$", "BRL"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"C$", "CAD"},
	{"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"}, {"CNY", "CNY"}, {"RMB", "CNY"},
	{"KRW", "KRW"}, {"INR", "INR"}, {"Rs.", "INR"}, {"Rs", "INR"},
	{"CHF", "CHF"}, {"SEK", "SEK"}, {"NOK", "NOK"}, {"DKK", "DKK"}, {"PLN", "PLN"}, {"ILS", "ILS"}, {"AED", "AED"}, {"SAR", "SAR"},
	{"SGD", "SGD"}, {"HKD", "HKD"}, {"TWD", "TWD"}, {"AUD", "AUD"}, {"CAD", "CAD"}, {"BRL", "BRL"}, {"MXN", "MXN"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "¥"}, {"￥", "¥"}, {"₩", "KRW"}, {"₹", "INR"},
	{"Rp", "IDR"}, {"KSh", "KES"}, {"Ksh", "KES"}, {"TSh", "TZS"}, {"RM", "MYR"}, {"₫", "VND"}, {"₺", "TRY"}, {"฿", "THB"},
}

type word struct {
	text string
	val  float64
	cur  string
}

var scales = []word{
	{"trillion", 1e12, ""}, {"trillions", 1e12, ""}, {"tn", 1e12, ""}, {"tr", 1e12, ""},
	{"mil millones", 1e9, ""}, {"bilhões", 1e9, ""}, {"billion", 1e9, ""}, {"billions", 1e9, ""}, {"bn", 1e9, ""}, {"bln", 1e9, ""}, {"b", 1e9, ""},
	{"milliarden", 1e9, ""}, {"milliarde", 1e9, ""}, {"mrd.", 1e9, ""}, {"mrd", 1e9, ""}, {"miliardi", 1e9, ""}, {"miliardo", 1e9, ""}, {"milliards", 1e9, ""}, {"milliard", 1e9, ""},
	{"million", 1e6, ""}, {"millions", 1e6, ""}, {"millones", 1e6, ""}, {"milhões", 1e6, ""}, {"milhoes", 1e6, ""}, {"millionen", 1e6, ""}, {"milioni", 1e6, ""}, {"mln", 1e6, ""}, {"mn", 1e6, ""}, {"m", 1e6, ""}, {"mio.", 1e6, ""}, {"mio", 1e6, ""},
	{"thousand", 1e3, ""}, {"k", 1e3, ""}, {"lakh crore", 1e12, ""}, {"crore", 1e7, ""}, {"lakh", 1e5, ""},
	// Swedish, Danish, Norwegian, Dutch, Turkish, Polish, Indonesian, Vietnamese, Arabic and Hindi.
	{"miljarder", 1e9, ""}, {"miljard", 1e9, ""}, {"miljoner", 1e6, ""}, {"miljon", 1e6, ""}, {"miljoen", 1e6, ""},
	{"milliarder", 1e9, ""}, {"millioner", 1e6, ""}, {"mia.", 1e9, ""},
	{"מיליארד", 1e9, ""}, {"מיליון", 1e6, ""}, {"miliarde", 1e9, ""}, {"milioane", 1e6, ""}, {"milionů", 1e6, ""}, {"milyar", 1e9, ""}, {"milyon", 1e6, ""},
	{"miliardów", 1e9, ""}, {"miliardy", 1e9, ""}, {"mld", 1e9, ""}, {"milionów", 1e6, ""}, {"miliony", 1e6, ""},
	// Finnish inflects the scale: "665 miljoonalla dollarilla", "2 miljardia euroa".
	{"miljoonaa", 1e6, ""}, {"miljoonan", 1e6, ""}, {"miljoonalla", 1e6, ""}, {"miljoona", 1e6, ""},
	{"miljardia", 1e9, ""}, {"miljardin", 1e9, ""}, {"miljardilla", 1e9, ""}, {"miljardi", 1e9, ""},
	{"miliar", 1e9, ""}, {"juta", 1e6, ""}, {"tỷ", 1e9, ""}, {"triệu", 1e6, ""},
	// Thousands and the Thai million: "700 ألف دينار", "500 tys. zł", "ล้าน".
	{"ألف", 1e3, ""}, {"tys.", 1e3, ""}, {"tisíc", 1e3, ""}, {"ribu", 1e3, ""}, {"nghìn", 1e3, ""}, {"ngàn", 1e3, ""},
	{"אלף", 1e3, ""}, {"हज़ार", 1e3, ""}, {"ล้าน", 1e6, ""},
	{"млрд", 1e9, ""}, {"млрд.", 1e9, ""}, {"миллиарда", 1e9, ""}, {"миллиардов", 1e9, ""}, {"миллиард", 1e9, ""},
	{"млн", 1e6, ""}, {"млн.", 1e6, ""}, {"миллиона", 1e6, ""}, {"миллионов", 1e6, ""}, {"миллион", 1e6, ""},
	{"مليارات", 1e9, ""}, {"ملايين", 1e6, ""}, {"مليار", 1e9, ""}, {"مليون", 1e6, ""}, {"अरब", 1e9, ""}, {"करोड़", 1e7, ""}, {"लाख", 1e5, ""},
	{"万亿", 1e12, ""}, {"兆", 1e12, ""}, {"亿", 1e8, ""}, {"億", 1e8, ""}, {"千万", 1e7, ""}, {"百万", 1e6, ""},
	{"万", 1e4, ""}, {"萬", 1e4, ""},
	// Korean: 조 (10^12), 천억/백억/십억/억 (10^11 ... 10^8), 천만/백만 (10^7,
	// 10^6), 만 (10^4).
	{"조", 1e12, ""}, {"천억", 1e11, ""}, {"백억", 1e10, ""}, {"십억", 1e9, ""}, {"억", 1e8, ""}, {"천만", 1e7, ""}, {"백만", 1e6, ""}, {"만", 1e4, ""},
}

var suffixes = []word{
	{"us dollars", 0, "USD"}, {"u.s. dollars", 0, "USD"}, {"dollars", 0, "USD"}, {"dollar", 0, "USD"}, {"usd", 0, "USD"},
	{"di dollari", 0, "USD"}, {"dollari", 0, "USD"}, {"us-dollar", 0, "USD"},
	{"hong kong dollars", 0, "HKD"}, {"hk dollars", 0, "HKD"},
	{"yuan", 0, "CNY"}, {"renminbi", 0, "CNY"}, {"rmb", 0, "CNY"}, {"cny", 0, "CNY"},
	{"euros", 0, "EUR"}, {"euro", 0, "EUR"}, {"eur", 0, "EUR"}, {"pounds", 0, "GBP"}, {"sterling", 0, "GBP"},
	{"yen", 0, "JPY"}, {"won", 0, "KRW"}, {"rupees", 0, "INR"}, {"ringgit", 0, "MYR"},
	{"美元", 0, "USD"}, {"美金", 0, "USD"}, {"元人民币", 0, "CNY"}, {"人民币", 0, "CNY"}, {"元", 0, "CNY"},
	{"欧元", 0, "EUR"}, {"日元", 0, "JPY"}, {"韩元", 0, "KRW"}, {"港元", 0, "HKD"},
	{"円", 0, "JPY"}, {"ドル", 0, "USD"}, {"원", 0, "KRW"}, {"달러", 0, "USD"}, {"엔", 0, "JPY"}, {"위안", 0, "CNY"},
	{"dolarów", 0, "USD"}, {"dolar as", 0, "USD"}, {"dolarlık", 0, "USD"}, {"dolara", 0, "USD"}, {"doları", 0, "USD"}, {"dolar", 0, "USD"}, {"đô la mỹ", 0, "USD"}, {"đô la", 0, "USD"},
	{"دولار", 0, "USD"}, {"דולר", 0, "USD"}, {"kronor", 0, "SEK"}, {"swiss francs", 0, "CHF"}, {"kroner", 0, "NOK"}, {"zloty", 0, "PLN"}, {"shekels", 0, "ILS"}, {"dirhams", 0, "AED"}, {"riyals", 0, "SAR"}, {"de dolari", 0, "USD"}, {"dolari", 0, "USD"}, {"डॉलर", 0, "USD"}, {"रुपये", 0, "INR"}, {"रुपए", 0, "INR"},
	{"долларов", 0, "USD"}, {"доллара", 0, "USD"}, {"рублей", 0, "RUB"}, {"руб.", 0, "RUB"}, {"руб", 0, "RUB"}, {"юаней", 0, "CNY"}, {"евро", 0, "EUR"},
	{"d'euros", 0, "EUR"}, {"d’euros", 0, "EUR"}, {"de dollars", 0, "USD"}, {"de yuans", 0, "CNY"},
	{"di euro", 0, "EUR"}, {"di dollari", 0, "USD"}, {"dollari", 0, "USD"}, {"di sterline", 0, "GBP"}, {"di yuan", 0, "CNY"},
	// "90 mio. kr.": Danish writes its krone "kr." after an abbreviated
	// scale (Swedish writes "kronor" or "mkr", Norwegian "kroner").
	{"danske kroner", 0, "DKK"}, {"kr.", 0, "DKK"},
	{"korun", 0, "CZK"}, {"kč", 0, "CZK"}, {"złotych", 0, "PLN"}, {"zł", 0, "PLN"}, {"de euro", 0, "EUR"}, {"de lei", 0, "RON"}, {"lei", 0, "RON"},
	{"đồng", 0, "VND"}, {"dinar yordania", 0, "JOD"}, {"دينار أردني", 0, "JOD"}, {"جنيه مصري", 0, "EGP"}, {"جنيه", 0, "EGP"},
	// Turkish and Finnish currency words take case endings: "1,7 milyar
	// euroluk tur", "11,7 milyar euroya", "665 miljoonalla dollarilla".
	{"euroluk", 0, "EUR"}, {"euro'luk", 0, "EUR"}, {"euro’luk", 0, "EUR"}, {"euroya", 0, "EUR"}, {"euroyu", 0, "EUR"},
	{"dollarilla", 0, "USD"}, {"dollaria", 0, "USD"}, {"dollarin", 0, "USD"}, {"euroa", 0, "EUR"}, {"euron", 0, "EUR"}, {"eurolla", 0, "EUR"},
	{"lira", 0, "TRY"}, {"tl", 0, "TRY"}, {"baht", 0, "THB"}, {"บาท", 0, "THB"}, {"rupiah", 0, "IDR"},
	{"de libras", 0, "GBP"}, {"de yuanes", 0, "CNY"}, {"de wons", 0, "KRW"}, {"de yenes", 0, "JPY"},
	{"de livres", 0, "GBP"}, {"de euros", 0, "EUR"}, {"de dólares", 0, "USD"}, {"de reais", 0, "BRL"}, {"reais", 0, "BRL"}, {"rupee", 0, "INR"}, {"korean won", 0, "KRW"}, {"japanese yen", 0, "JPY"},
}

var qualifiers = []struct{ text, q string }{
	{"more than", "more_than"}, {"over", "more_than"}, {"at least", "more_than"}, {"above", "more_than"},
	{"upwards of", "more_than"}, {"in excess of", "more_than"},
	{"about", "about"}, {"around", "about"}, {"roughly", "about"}, {"nearly", "about"}, {"almost", "about"},
	{"approximately", "about"}, {"some", "about"}, {"close to", "about"}, {"up to", "up_to"}, {"as much as", "up_to"},
}

// Find returns the amounts in runes, in order.
func Find(runes []rune, rates Rates, opt Options) []Amount {
	var out []Amount
	carry := "" // the currency of the amount found last
	for i := 0; i < len(runes); i++ {
		if !isDigit(runes[i]) || (i > 0 && (isDigit(runes[i-1]) || latinLetter(runes[i-1]) && !randBefore(runes, i) || runes[i-1] == '.' || runes[i-1] == ',')) {
			continue
		}
		a, next, ok := parseAt(runes, i, opt, carry)
		if !ok {
			continue
		}
		carry = a.Currency
		a.USD = a.Value * rate(rates, a.Currency)
		// A stated dollar equivalent in parentheses right after.
		if a.Currency != "USD" {
			if usd, end, ok := statedUSD(runes, next, opt); ok {
				a.USD, a.StatedUSD = usd, true
				a.End = end
				next = end
			}
		}
		a.Text = string(runes[a.Start:a.End])
		out = append(out, a)
		i = next - 1
	}
	if words := findWords(runes, rates, out); len(words) > 0 {
		out = append(out, words...)
		slices.SortFunc(out, func(a, b Amount) int { return a.Start - b.Start })
	}
	return out
}

func rate(r Rates, cur string) float64 {
	if cur == "USD" {
		return 1
	}
	if v, ok := r[cur]; ok {
		return v
	}
	return 0
}

func statedUSD(runes []rune, i int, opt Options) (float64, int, bool) {
	j := skipSpaces(runes, i)
	if j >= len(runes) || (runes[j] != '(' && runes[j] != '（') {
		return 0, 0, false
	}
	j++
	k := j
	for k < len(runes) && k < j+20 && !isDigit(runes[k]) {
		k++
	}
	if k >= len(runes) || !isDigit(runes[k]) {
		return 0, 0, false
	}
	a, next, ok := parseAt(runes, k, opt, "")
	if !ok || a.Currency != "USD" || a.Start < j {
		return 0, 0, false
	}
	end := skipSpaces(runes, next)
	if end < len(runes) && (runes[end] == ')' || runes[end] == '）') {
		end++
	}
	return a.Value, end, true
}

// parseAt parses an amount whose first digit is at i. It returns the amount
// and the rune index just past it. carry, when set, is the currency of an
// earlier amount, which a bare scaled figure at a clause's end takes.
func parseAt(runes []rune, i int, opt Options, carry string) (Amount, int, bool) {
	start := i
	cur, pstart := currencyBefore(runes, i, opt)
	v, j, ok := number(runes, i)
	if !ok {
		return Amount{}, 0, false
	}
	scale, j2 := scaleAfter(runes, j)
	// "2억5000만달러", "1조2000억원", "1兆2000億円": a large CJK unit
	// followed by a figure with a smaller one is one amount.
	for last := scale; last >= 1e8 && cjkUnitBefore(runes, j2); {
		k := skipSpaces(runes, j2)
		if k >= len(runes) || !isDigit(runes[k]) {
			break
		}
		lv, lj, ok := number(runes, k)
		if !ok {
			break
		}
		ls, lj2 := scaleAfter(runes, lj)
		if ls == 0 || ls >= last || !cjkUnitBefore(runes, lj2) {
			break
		}
		v += lv * ls / scale
		j2, last = lj2, ls
	}
	end := j2
	// A range: "$1-2 billion", "$1bn to $2bn", "between $1bn and $2bn".
	if hi, hscale, hend, ok := rangeUpper(runes, end); ok {
		if scale == 0 {
			scale = hscale
		}
		if hscale == 0 {
			hscale = scale
		}
		v, scale, end = hi, hscale, hend
	}
	scaled := scale != 0
	if scale == 0 {
		scale = 1
	}
	suffixCur, send := suffixAfter(runes, end)
	// "raccoglie 13 miliardi di dollari, valutazione a 183 miliardi": a
	// figure with a scale word and nothing after it, once an earlier
	// amount has named the currency, is in that currency.
	if cur == "" && suffixCur == "" && scaled && carry != "" && clauseEnds(runes, end) {
		cur = carry
	}
	// "R45 million", "R12m": the rand, only with a scale word, so that
	// "DeepSeek's R2" stays a model's name.
	if cur == "" && suffixCur == "" && randBefore(runes, i) && scale >= 1e6 {
		cur, pstart = "ZAR", i-1
	}
	if cur == "" && suffixCur == "" {
		return Amount{}, 0, false
	}
	if suffixCur != "" {
		if cur == "" || cur == "¥" || suffixCur != "CNY" || cur == "CNY" {
			cur = suffixCur
		}
		end = send
	}
	if cur == "¥" {
		cur = opt.Yen
		if cur == "" {
			cur = "JPY"
		}
	}
	if pstart >= 0 {
		start = pstart
	}
	a := Amount{Start: start, End: end, Value: v * scale, Currency: cur, Qualifier: qualifierBefore(runes, start)}
	return a, end, true
}

// clauseEnds reports whether only spaces stand between i and the end of
// the text, a line (a headline's end) or a mark that ends a clause.
func clauseEnds(runes []rune, i int) bool {
	j := skipSpaces(runes, i)
	return j >= len(runes) || strings.ContainsRune(",.;:!?)，。；、\n\r", runes[j])
}

// randBefore reports whether a lone "R" stands right before the digit at
// i: "R45 million".
func randBefore(runes []rune, i int) bool {
	return i > 0 && runes[i-1] == 'R' && (i < 2 || !unicode.IsLetter(runes[i-2]) && !isDigit(runes[i-2]))
}

func currencyBefore(runes []rune, i int, opt Options) (string, int) {
	j := i
	if j > 0 && runes[j-1] == ' ' {
		j--
	}
	for _, p := range prefixes {
		pr := []rune(p.text)
		s := j - len(pr)
		if s < 0 || string(runes[s:j]) != p.text {
			continue
		}
		if s > 0 && unicode.IsLetter(runes[s-1]) && unicode.IsLetter(pr[0]) {
			continue
		}
		return p.cur, s
	}
	return "", -1
}

func number(runes []rune, i int) (float64, int, bool) {
	var intPart, frac float64
	fracDiv := 1.0
	j := i
	inFrac := false
	for j < len(runes) {
		r := runes[j]
		switch {
		case isDigit(r):
			d := float64(r - '0')
			if inFrac {
				fracDiv *= 10
				frac += d / fracDiv
			} else {
				intPart = intPart*10 + d
			}
			j++
		case r == ',' && !inFrac && j+1 < len(runes) && isDigit(runes[j+1]):
			n := digitsFrom(runes, j+1)
			if n == 3 {
				j++ // thousands separator
				continue
			}
			if n <= 2 { // decimal comma: "14,3bn"
				inFrac = true
				j++
				continue
			}
			return intPart + frac, j, true
		case r == '.' && !inFrac && j+1 < len(runes) && isDigit(runes[j+1]):
			// "2.000 millones": a dot before three digits and a
			// continental scale word separates thousands.
			if n := digitsFrom(runes, j+1); n == 3 && euroScaleAfter(runes, j+4) {
				j++
				continue
			}
			inFrac = true
			j++
		default:
			return intPart + frac, j, true
		}
	}
	return intPart + frac, j, true
}

// euroScaleAfter reports whether a scale word of a language that writes
// thousands with a dot follows position i: "2.000 millones", "1.500 Mio.".
func euroScaleAfter(runes []rune, i int) bool {
	j := skipSpaces(runes, i)
	if j == i {
		return false
	}
	rest := strings.ToLower(string(runes[j:min(len(runes), j+10)]))
	for _, w := range []string{"millones", "milioni", "millionen", "milhões", "milhoes", "miljoen", "mio", "mil millones", "milliarden", "miliardi"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

func digitsFrom(runes []rune, i int) int {
	n := 0
	for i+n < len(runes) && isDigit(runes[i+n]) {
		n++
	}
	return n
}

func scaleAfter(runes []rune, i int) (float64, int) {
	j := skipSpaces(runes, i)
	for _, s := range scales {
		if end, ok := hasWord(runes, j, s.text); ok {
			return s.val, end
		}
	}
	return 0, i
}

// cjkUnitBefore reports whether the scale word ending at i is a Chinese,
// Japanese or Korean unit (億, 억, 万, 만 ...).
func cjkUnitBefore(runes []rune, i int) bool {
	return i > 0 && (unicode.Is(unicode.Han, runes[i-1]) || unicode.Is(unicode.Hangul, runes[i-1]))
}

func suffixAfter(runes []rune, i int) (string, int) {
	j := skipSpaces(runes, i)
	for _, s := range suffixes {
		if end, ok := hasWord(runes, j, s.text); ok {
			return s.cur, end
		}
	}
	return "", i
}

func rangeUpper(runes []rune, i int) (float64, float64, int, bool) {
	j := skipSpaces(runes, i)
	switch {
	case j < len(runes) && (runes[j] == '-' || runes[j] == '–' || runes[j] == '—'):
		j++
	default:
		e, ok := hasWord(runes, j, "to")
		if !ok {
			e, ok = hasWord(runes, j, "and")
			if !ok || !strings.Contains(strings.ToLower(string(runes[max(0, i-40):i])), "between") {
				return 0, 0, 0, false
			}
		}
		j = e
	}
	j = skipSpaces(runes, j)
	for _, p := range []string{"US$", "$", "€", "£", "¥"} {
		if e, ok := hasWord(runes, j, p); ok {
			j = e
			break
		}
	}
	if j >= len(runes) || !isDigit(runes[j]) {
		return 0, 0, 0, false
	}
	v, k, ok := number(runes, j)
	if !ok {
		return 0, 0, 0, false
	}
	scale, k2 := scaleAfter(runes, k)
	return v, scale, k2, true
}

func qualifierBefore(runes []rune, start int) string {
	lo := max(0, start-16)
	before := strings.ToLower(strings.TrimRight(string(runes[lo:start]), " "))
	for _, q := range qualifiers {
		if strings.HasSuffix(before, q.text) {
			k := len(before) - len(q.text)
			if k == 0 || !unicode.IsLetter(rune(before[k-1])) {
				return q.q
			}
		}
	}
	return ""
}

// hasWord reports whether w (lower case) starts at runes[i], ending at a
// word boundary when it ends in a Latin letter.
func hasWord(runes []rune, i int, w string) (int, bool) {
	j := i
	for _, wr := range w {
		if j >= len(runes) || unicode.ToLower(runes[j]) != wr {
			return 0, false
		}
		j++
	}
	last := []rune(w)[len([]rune(w))-1]
	if last < 128 && unicode.IsLetter(last) && j < len(runes) && (unicode.IsLetter(runes[j]) || isDigit(runes[j])) {
		return 0, false
	}
	return j, true
}

func skipSpaces(runes []rune, i int) int {
	for i < len(runes) && (runes[i] == ' ' || runes[i] == '\u00A0') {
		i++
	}
	return i
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func latinLetter(r rune) bool {
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
