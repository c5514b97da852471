package money

import (
	"math"
	"testing"
)

var rates = Rates{"CNY": 0.14, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "KRW": 0.00073, "HKD": 0.128}

func TestFind(t *testing.T) {
	tests := []struct {
		text     string
		opt      Options
		value    float64
		cur      string
		usd      float64
		wantText string
	}{
		{"raised $10 billion", Options{}, 10e9, "USD", 10e9, "$10 billion"},
		{"a US$300m round", Options{}, 300e6, "USD", 300e6, "US$300m"},
		{"¥7bn from the state", Options{Yen: "CNY"}, 7e9, "CNY", 0.98e9, "¥7bn"},
		{"¥150 billion ($944 million) for Rapidus", Options{}, 150e9, "JPY", 944e6, "¥150 billion ($944 million)"},
		{"raise 1.5 billion yuan in", Options{}, 1.5e9, "CNY", 0.21e9, "1.5 billion yuan"},
		{"a €500 million round", Options{}, 500e6, "EUR", 540e6, "€500 million"},
		{"融资10亿美元", Options{}, 1e9, "USD", 1e9, "10亿美元"},
		{"between $1bn and $2bn", Options{}, 2e9, "USD", 2e9, "$1bn and $2bn"},
		{"$1-2 billion", Options{}, 2e9, "USD", 2e9, "$1-2 billion"},
		{"more than $5 billion", Options{}, 5e9, "USD", 5e9, "$5 billion"},
		{"invests $14,3bn in", Options{}, 14.3e9, "USD", 14.3e9, "$14,3bn"},
		{"worth $1,200,000 in", Options{}, 1.2e6, "USD", 1.2e6, "$1,200,000"},
		{"シリーズBで約150億円を調達", Options{}, 150e8, "JPY", 150e8 * 0.0067, "150億円"},
		{"累計で2兆円を超える", Options{}, 2e12, "JPY", 2e12 * 0.0067, "2兆円"},
		{"2천억 원 규모의 투자", Options{}, 2e11, "KRW", 2e11 * 0.00073, "2천억 원"},
		{"3조 원을 지원", Options{}, 3e12, "KRW", 3e12 * 0.00073, "3조 원"},
		{"2억5000만달러 규모의 시리즈C", Options{}, 2.5e8, "USD", 2.5e8, "2억5000만달러"},
		{"1조2000억원 규모 인수 제안", Options{}, 1.2e12, "KRW", 1.2e12 * 0.00073, "1조2000억원"},
		{"총 1조 2000억 5000만 원을 투자", Options{}, 1.20005e12, "KRW", 1.20005e12 * 0.00073, "1조 2000억 5000만 원"},
		{"1兆2000億円を投じる", Options{}, 1.2e12, "JPY", 1.2e12 * 0.0067, "1兆2000億円"},
		{"시리즈A에서 5천만달러를 확보", Options{}, 5e7, "USD", 5e7, "5천만달러"},
		{"2억5천만 달러를 유치", Options{}, 2.5e8, "USD", 2.5e8, "2억5천만 달러"},
		{"融资1亿5000万美元", Options{}, 1.5e8, "USD", 1.5e8, "1亿5000万美元"},
		{"a 60 billion won stake", Options{}, 60e9, "KRW", 60e9 * 0.00073, "60 billion won"},
		{"lève 45 millions d'euros", Options{}, 45e6, "EUR", 45e6 * 1.08, "45 millions d'euros"},
		{"raccoglie 7 milioni di euro", Options{}, 7e6, "EUR", 7e6 * 1.08, "7 milioni di euro"},
		{"hat 120 Mio. Dollar eingesammelt", Options{}, 120e6, "USD", 120e6, "120 Mio. Dollar"},
		{"will jointly invest NOK 900 million in", Options{}, 900e6, "NOK", 0, "NOK 900 million"},
		{"Selskapet henter 25 millioner kroner i en runde", Options{}, 25e6, "NOK", 0, "25 millioner kroner"},
		{"Københavnsk AI-startup henter 90 mio. kr. i en runde", Options{}, 90e6, "DKK", 0, "90 mio. kr."},
		// Turkish and Finnish case endings on the currency and the scale.
		{"1,7 milyar euroluk yeni finansman turu", Options{}, 1.7e9, "EUR", 1.7e9 * 1.08, "1,7 milyar euroluk"},
		{"ostaa yhtiön 665 miljoonalla dollarilla", Options{}, 665e6, "USD", 665e6, "665 miljoonalla dollarilla"},
		{"keräsi 12 miljoonaa euroa", Options{}, 12e6, "EUR", 12e6 * 1.08, "12 miljoonaa euroa"},
		{"získal 20 milionů korun", Options{}, 20e6, "CZK", 0, "20 milionů korun"},
		{"pozyskała 3,5 mln zł od", Options{}, 3.5e6, "PLN", 0, "3,5 mln zł"},
		{"a atras 1,5 milioane de euro", Options{}, 1.5e6, "EUR", 1.5e6 * 1.08, "1,5 milioane de euro"},
		{"senilai Rp 8 miliar", Options{}, 8e9, "IDR", 0, "Rp 8 miliar"},
		{"đã góp 20 tỷ đồng", Options{}, 20e9, "VND", 0, "20 tỷ đồng"},
		{"استثمر 700 ألف دينار أردني", Options{}, 700e3, "JOD", 0, "700 ألف دينار أردني"},
		{"KSh 150 million from", Options{}, 150e6, "KES", 0, "KSh 150 million"},
		{"Naspers Foundry has invested R45 million in Triagio", Options{}, 45e6, "ZAR", 0, "R45 million"},
		{"raised 40 million Swiss francs", Options{}, 40e6, "CHF", 0, "40 million Swiss francs"},
		{"mit 1,2 Mrd. Euro bewertet", Options{}, 1.2e9, "EUR", 1.2e9 * 1.08, "1,2 Mrd. Euro"},
		{"جمعت 6 مليارات دولار", Options{}, 6e9, "USD", 6e9, "6 مليارات دولار"},
		{"un round da 300 milioni di dollari", Options{}, 300e6, "USD", 300e6, "300 milioni di dollari"},
		{"₹1.2 lakh crore scheme", Options{}, 1.2e12, "INR", 0, "₹1.2 lakh crore"},
		{"₹640 crore into", Options{}, 640e7, "INR", 0, "₹640 crore"},
		{"voor 1,1 miljard dollar", Options{}, 1.1e9, "USD", 1.1e9, "1,1 miljard dollar"},
		{"вложит еще $4 млрд в", Options{}, 4e9, "USD", 4e9, "$4 млрд"},
		{"на 2,5 млрд рублей", Options{}, 2.5e9, "RUB", 0, "2,5 млрд рублей"},
		{"300 миллионов долларов", Options{}, 300e6, "USD", 300e6, "300 миллионов долларов"},
		{"por más de 2.000 millones de dólares", Options{}, 2e9, "USD", 2e9, "2.000 millones de dólares"},
		{"dotado con 12.000 millones de euros", Options{}, 12e9, "EUR", 12e9 * 1.08, "12.000 millones de euros"},
		{"بقيمة 45 مليون دولار قادها", Options{}, 45e6, "USD", 45e6, "45 مليون دولار"},
		{"दौर में 4.1 करोड़ डॉलर की फंडिंग", Options{}, 4.1e7, "USD", 4.1e7, "4.1 करोड़ डॉलर"},
		{"gọi vốn 20 triệu USD", Options{}, 20e6, "USD", 20e6, "20 triệu USD"},
		{"tar in 200 miljoner dollar", Options{}, 200e6, "USD", 200e6, "200 miljoner dollar"},
		{"ל-208 מיליון דולר", Options{}, 208e6, "USD", 208e6, "208 מיליון דולר"},
		{"筹集30亿元人民币", Options{}, 3e9, "CNY", 0.42e9, "30亿元人民币"},
		{"370 billion won ($270 million)", Options{}, 370e9, "KRW", 270e6, "370 billion won ($270 million)"},
		{"raising HK$579 million (US$74.32 million)", Options{}, 579e6, "HKD", 74.32e6, "HK$579 million (US$74.32 million)"},
		{"a $20M seed", Options{}, 20e6, "USD", 20e6, "$20M"},
		{"12 billion yuan ($1.65 billion)", Options{}, 12e9, "CNY", 1.65e9, "12 billion yuan ($1.65 billion)"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Find([]rune(tc.text), rates, tc.opt)
			if len(got) != 1 {
				t.Fatalf("got %d amounts: %+v", len(got), got)
			}
			a := got[0]
			if !near(a.Value, tc.value) || a.Currency != tc.cur || !near(a.USD, tc.usd) || a.Text != tc.wantText {
				t.Fatalf("got %+v", a)
			}
		})
	}
}

func TestQualifier(t *testing.T) {
	got := Find([]rune("valued at more than $1 billion"), rates, Options{})
	if len(got) != 1 || got[0].Qualifier != "more_than" {
		t.Fatalf("got %+v", got)
	}
}

func TestNotMoney(t *testing.T) {
	for _, s := range []string{"671 billion parameters", "in 2024", "the H200 chip", "up 15%", "DeepSeek's R2 model", "an R1 2 billion-parameter model"} {
		if got := Find([]rune(s), rates, Options{}); len(got) != 0 {
			t.Errorf("%q: got %+v", s, got)
		}
	}
}

// A figure with a scale word and no currency takes the currency of the
// amount before it, but only where its clause ends: a bare count of
// users or parameters stays no money.
func TestCurrencyCarriedToBareFigure(t *testing.T) {
	got := Find([]rune("Vandra raccoglie 2 miliardi di euro, valutazione a 30 miliardi."), rates, Options{})
	if len(got) != 2 || got[1].Currency != "EUR" || !near(got[1].Value, 30e9) || got[1].Text != "30 miliardi" {
		t.Fatalf("got %+v", got)
	}
	// A headline's end is a clause's end.
	got = Find([]rune("Lovable tar in 200 miljoner dollar – värderas till 1,8 miljarder\nBolaget tar in kapitalet."), rates, Options{})
	if len(got) != 2 || got[1].Currency != "USD" || !near(got[1].Value, 1.8e9) {
		t.Fatalf("headline end: got %+v", got)
	}
	for _, s := range []string{
		"raised $50 million from 200 million users",
		"30 miliardi, then $2 billion",
	} {
		got := Find([]rune(s), rates, Options{})
		if len(got) != 1 || got[0].Currency != "USD" {
			t.Errorf("%q: got %+v", s, got)
		}
	}
}

func TestTurkishDollarEndings(t *testing.T) {
	got := Find([]rune("değerlemesi 157 milyar dolara çıktı"), rates, Options{})
	if len(got) != 1 || got[0].Currency != "USD" || !near(got[0].Value, 157e9) {
		t.Fatalf("got %+v", got)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func TestSpelledOutAmounts(t *testing.T) {
	rates := Rates{"USD": 1, "BRL": 0.18, "EUR": 1.08}
	cases := []struct {
		text string
		want []float64
	}{
		{"Tidewell lands three hundred million dollars at a three billion valuation", []float64{3e8, 3e9}},
		{"a twenty-five million euro round", []float64{25e6 * 1.08}},
		{"the app now has two billion users", nil},
		{"Startup capta R$ 150 milhões", []float64{150e6 * 0.18}},
		{"raised $40 million and two billion people", []float64{40e6}},
		{"wird mit rund zwei Milliarden Dollar bewertet", []float64{2e9}},
		{"die Bewertung liegt bei einer Milliarde Dollar", []float64{1e9}},
		{"valorisée à un milliard d'euros", []float64{1e9 * 1.08}},
		{"zwei Milliarden Menschen nutzen die App", nil},
	}
	for _, c := range cases {
		got := Find([]rune(c.text), rates, Options{})
		if len(got) != len(c.want) {
			t.Fatalf("%q: got %d amounts %+v, want %v", c.text, len(got), got, c.want)
		}
		for i, a := range got {
			if d := a.USD - c.want[i]; d > 1 || d < -1 {
				t.Errorf("%q: amount %d = %v USD, want %v", c.text, i, a.USD, c.want[i])
			}
		}
	}
}
